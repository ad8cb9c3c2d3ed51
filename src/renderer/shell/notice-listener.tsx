import { useCallback, useEffect } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../shared/contract';
import { useAppInfoStore } from '../state/app-info-store';
import { on } from '../transport';

const shown = new Set<Notice['code']>();

/**
 * `app.notice` events, each code shown once per run as a warning notification. Core may raise
 * the keychain notice before this page connects, so `app.info` saying `memory` raises it too.
 */
export function NoticeListener() {
  const { notification } = App.useApp();
  const { t } = useTranslation();
  const secretStore = useAppInfoStore((s) => s.info?.secretStore);

  const show = useCallback(
    (notice: Notice) => {
      if (shown.has(notice.code)) return;
      shown.add(notice.code);
      notification.warning({
        title: t('notices.title'),
        description: t(`notices.${notice.code}`, { defaultValue: notice.message }),
        // Bottom right: the header's 登录 / 退出登录 stay clickable.
        duration: 0,
        placement: 'bottomRight',
      });
    },
    [notification, t],
  );

  useEffect(() => on('app.notice', show), [show]);

  useEffect(() => {
    if (secretStore === 'memory') show({ code: 'SECRET_STORE_MEMORY', message: t('notices.SECRET_STORE_MEMORY') });
  }, [secretStore, show, t]);

  return null;
}
