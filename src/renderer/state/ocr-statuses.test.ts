import { describe, expect, it } from 'vitest';
import type { OcrStatus } from '../../shared/ocr';
import { seedOcrStatuses } from './ocr-statuses';

function status(dossierId: string, pagesDone: number, state: OcrStatus['state'] = 'running'): OcrStatus {
  return { dossierId, state, pagesDone, pagesTotal: 10, pagesRecognised: 0, pagesPerMinute: null, secondsLeft: null, error: null };
}

describe('seeding 文字识别 statuses', () => {
  it('replaces what was known with core’s answer (a dossier it no longer reads is dropped)', () => {
    const known = { a: status('a', 1), gone: status('gone', 3) };
    expect(seedOcrStatuses(known, [status('a', 4), status('b', 0, 'waiting')], new Set())).toEqual({ a: status('a', 4), b: status('b', 0, 'waiting') });
  });

  it('keeps what an event reported while the answer was on its way', () => {
    const known = { a: status('a', 6) };
    expect(seedOcrStatuses(known, [status('a', 5), status('b', 2)], new Set(['a']))).toEqual({ a: status('a', 6), b: status('b', 2) });
  });
});
