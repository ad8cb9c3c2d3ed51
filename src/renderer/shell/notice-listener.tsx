import { useEffect } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { on } from '../transport';

const shown = new Set<string>();

/** `app.notice` events, each code shown once per run as a warning notification. */
export function NoticeListener() {
  const { notification } = App.useApp();
  const { t } = useTranslation();
  useEffect(
    () =>
      on('app.notice', (notice) => {
        if (shown.has(notice.code)) return;
        shown.add(notice.code);
        notification.warning({
          title: t('notices.title'),
          description: t(`notices.${notice.code}`, { defaultValue: notice.message }),
          duration: 0,
          placement: 'topRight',
        });
      }),
    [notification, t],
  );
  return null;
}
