import { useEffect } from 'react';
import { useOcrStore } from '../state/ocr-store';
import { usePageNumbers } from './page-numbers-store';
import { useSplitStore } from './split-store';
import { mainViewer } from './viewer-store';

/**
 * When 文字识别 of the open dossier finishes, its scanned 卷内目录 and page stamps can be read: the
 * 目录 and 卷宗页码 are asked for again, once per finish.
 */
export function useOcrDoneReload(dossierId: string): void {
  useEffect(() => {
    let before = useOcrStore.getState().byId[dossierId]?.state;
    return useOcrStore.subscribe((state) => {
      const now = state.byId[dossierId]?.state;
      // From unknown to done is the first status heard (the app starting), not a finish.
      if (now === 'done' && before !== undefined && before !== 'done') void reload(dossierId);
      before = now;
    });
  }, [dossierId]);
}

async function reload(dossierId: string): Promise<void> {
  const beside = useSplitStore.getState().beside;
  const [changed] = await Promise.all([mainViewer.getState().reloadContents(), beside?.getState().reloadContents()]);
  // A new tree reloads the numbers by itself (useLoadPageNumbers); otherwise they are asked here.
  if (!changed && mainViewer.getState().dossierId === dossierId) await usePageNumbers.getState().load(dossierId);
}
