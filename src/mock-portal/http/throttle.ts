/**
 * A slow line for demos and tests: passes bytes on at a steady rate, so a lawyer can watch the
 * progress bar, pause, or quit mid-download, as on a real connection to the portal.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';

/** Pieces small enough that the rate stays smooth at 10 writes a second. */
const SLICES_PER_SECOND = 10;

export function throttle(bytesPerSecond: number): Transform {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0) throw new Error('throttle: bytesPerSecond must be positive');
  const slice = Math.max(1, Math.floor(bytesPerSecond / SLICES_PER_SECOND));
  const started = Date.now();
  let sent = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      void (async () => {
        for (let offset = 0; offset < chunk.length; offset += slice) {
          const piece = chunk.subarray(offset, offset + slice);
          const due = started + ((sent + piece.length) / bytesPerSecond) * 1000;
          const wait = due - Date.now();
          if (wait > 0) await delay(wait);
          sent += piece.length;
          this.push(piece);
        }
      })().then(() => done(), done);
    },
  });
}
