import type { OcrStatus } from '../../shared/ocr';

/** 文字识别 of every dossier core reads, by dossier id. */
export type OcrStatuses = Readonly<Record<string, OcrStatus>>;

/**
 * `ocr.status` replaces what was known (events may have been missed while the link was down), except
 * for dossiers an `ocr.progress` event reported while the answer was on its way: the event is newer.
 */
export function seedOcrStatuses(known: OcrStatuses, answer: readonly OcrStatus[], reportedMeanwhile: ReadonlySet<string>): OcrStatuses {
  const next: Record<string, OcrStatus> = {};
  for (const status of answer) next[status.dossierId] = status;
  for (const id of reportedMeanwhile) {
    const status = known[id];
    if (status) next[id] = status;
  }
  return next;
}

