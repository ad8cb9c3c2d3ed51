import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { throttle } from './throttle';

async function collect(stream: NodeJS.ReadableStream): Promise<{ bytes: Buffer; pieces: number }> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return { bytes: Buffer.concat(parts), pieces: parts.length };
}

describe('throttle', () => {
  it('passes every byte on, in order, in pieces of a tenth of the rate', async () => {
    const input = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
    const { bytes, pieces } = await collect(Readable.from([input.subarray(0, 3000), input.subarray(3000)]).pipe(throttle(50_000)));
    expect(bytes.equals(input)).toBe(true);
    expect(pieces).toBe(2);
  });

  it('does not finish before the rate allows', async () => {
    const started = Date.now();
    await collect(Readable.from([Buffer.alloc(3000)]).pipe(throttle(10_000)));
    // 3000 bytes at 10 kB/s cannot arrive in less than 0.3 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => throttle(0)).toThrow(/positive/);
  });
});
