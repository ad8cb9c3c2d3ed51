import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../command';
import { waitUntil } from '../../mock-portal/test-helpers';
import { portalCommand } from './portal';

function captureStdout(): { lines: () => string[] } {
  let text = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  return { lines: () => text.split('\n').filter(Boolean) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('dossier portal', () => {
  it('prints the URL first, serves until SIGTERM, then resolves 0', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'portal-cli-'));
    try {
      const out = captureStdout();
      const listenersBefore = process.listenerCount('SIGTERM');
      const running = portalCommand.run(['--port', '0', '--data', dir]);
      await waitUntil(() => out.lines().length > 0);
      const url = out.lines()[0] ?? '';
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = (await (await fetch(`${url}/api/health`)).json()) as { mock: boolean };
      expect(health.mock).toBe(true);
      expect(await readdir(dir)).toContain('portal-state.json');

      process.emit('SIGTERM', 'SIGTERM');
      await expect(running).resolves.toBe(0);
      expect(process.listenerCount('SIGTERM')).toBe(listenersBefore);
      await expect(fetch(`${url}/api/health`)).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects bad options as usage errors', async () => {
    await expect(portalCommand.run(['--port', 'eighty'])).rejects.toBeInstanceOf(UsageError);
    await expect(portalCommand.run(['--colour'])).rejects.toBeInstanceOf(UsageError);
    await expect(portalCommand.run(['extra'])).rejects.toBeInstanceOf(UsageError);
  });

  it('documents its options', () => {
    for (const option of ['--port', '--host', '--data']) expect(portalCommand.usage).toContain(option);
  });
});
