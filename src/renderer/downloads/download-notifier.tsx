import { useEffect } from 'react';
import { App } from 'antd';
import { i18n } from '../i18n';
import { newlyCompleted } from '../state/downloads-list';
import { useDownloadsStore } from '../state/downloads-store';

/** 卷宗已下载并校验: said once per download that became a verified dossier, whatever page is open. */
export function DownloadNotifier() {
  const { message } = App.useApp();
  useEffect(
    () =>
      useDownloadsStore.subscribe((state, previous) => {
        for (const item of newlyCompleted(previous.list, state.list)) {
          void message.success(i18n.t('downloads.completed', { caseName: item.caseName }));
        }
      }),
    [message],
  );
  return null;
}
