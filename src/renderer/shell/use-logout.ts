import { useCallback } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../state/session-store';
import { api } from '../transport';
import { useReportError } from './use-report-error';

/** 退出登录, after a confirm (or without one, e.g. 授权信息 【取消】). */
export function useLogout(): (options?: { confirm?: boolean }) => void {
  const { modal } = App.useApp();
  const { t } = useTranslation();
  const report = useReportError();

  const logout = useCallback(async () => {
    try {
      useSessionStore.getState().set(await api['auth.logout']({}));
    } catch (error) {
      report(error);
    }
  }, [report]);

  return useCallback(
    (options?: { confirm?: boolean }) => {
      if (options?.confirm === false) {
        void logout();
        return;
      }
      modal.confirm({
        title: t('header.logoutConfirm'),
        content: t('header.logoutConfirmDetail'),
        okText: t('header.ok'),
        cancelText: t('header.cancel'),
        onOk: logout,
      });
    },
    [logout, modal, t],
  );
}
