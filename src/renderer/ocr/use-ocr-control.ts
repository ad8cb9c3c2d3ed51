import { useState } from 'react';
import { useReportError } from '../shell/use-report-error';
import { useOcrStore } from '../state/ocr-store';
import { api } from '../transport';

export interface OcrControl {
  busy: boolean;
  /** 【暂停识别】 */
  pause(): Promise<void>;
  /** 【继续识别】 (and 【重新识别】 after a failure: core reads the pages not yet read). */
  resume(): Promise<void>;
}

/** Pausing and resuming a dossier's 文字识别; the answer updates the store at once. */
export function useOcrControl(dossierId: string): OcrControl {
  const report = useReportError();
  const [busy, setBusy] = useState(false);

  async function act(call: 'ocr.pause' | 'ocr.resume') {
    setBusy(true);
    try {
      useOcrStore.getState().upsert(await api[call]({ dossierId }));
    } catch (error) {
      report(error);
    } finally {
      setBusy(false);
    }
  }

  return { busy, pause: () => act('ocr.pause'), resume: () => act('ocr.resume') };
}
