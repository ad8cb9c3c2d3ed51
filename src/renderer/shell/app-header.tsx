import { Avatar, Button, Layout, Space, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DownloadIndicator } from '../downloads/download-indicator';
import { navigate, useRouteStore } from '../state/route-store';
import { useSessionStore } from '../state/session-store';
import { LanguageSwitch } from './language-switch';
import { LogoMark } from './logo-mark';
import { MessageBell } from './message-bell';
import { useLogout } from './use-logout';

export function AppHeader() {
  const { t } = useTranslation();
  const session = useSessionStore((s) => s.session);
  const logout = useLogout();
  // On the login pages the header's 【登录】 would only repeat the page.
  const onLoginPage = useRouteStore((s) => s.route === 'login' || s.route === 'login-qr');

  return (
    <Layout.Header className="app-header">
      <a
        className="brand"
        href="#/"
        onClick={(event) => {
          event.preventDefault();
          navigate('home');
        }}
      >
        <LogoMark size={34} />
        <span className="brand-text">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-subtitle">{t('app.subtitle')}</span>
        </span>
      </a>
      <Space size={16} className="header-actions">
        <DownloadIndicator />
        <LanguageSwitch size="small" />
        {session?.status === 'signed-in' ? (
          <>
            {session.stage === 'ready' ? <MessageBell /> : null}
            <Space size={8} className="header-user">
              <Avatar size={28} icon={<UserOutlined />} className="header-avatar" />
              <Typography.Text strong>{session.lawyer.name}</Typography.Text>
            </Space>
            <Button onClick={() => logout()}>{t('header.logout')}</Button>
          </>
        ) : session && !onLoginPage ? (
          <Button type="primary" onClick={() => navigate('login')}>
            {t('header.login')}
          </Button>
        ) : null}
      </Space>
    </Layout.Header>
  );
}
