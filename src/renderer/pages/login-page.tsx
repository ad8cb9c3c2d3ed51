import { Button, Card, Divider, Space, Tooltip, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { navigate } from '../state/route-store';

/** 登录: the lawyer's way in is 【律师认证登录】; the portal's phone logins are not offered yet. */
export function LoginPage() {
  const { t } = useTranslation();
  return (
    <div className="centered-page">
      <Card className="login-card">
        <Typography.Title level={2} className="card-heading">
          {t('login.title')}
        </Typography.Title>
        <div className="login-main">
          <SafetyCertificateOutlined className="login-icon" aria-hidden="true" />
          <Typography.Paragraph type="secondary" className="login-hint">
            {t('login.lawyerLoginHint')}
          </Typography.Paragraph>
          <Button type="primary" size="large" block onClick={() => navigate('login-qr')}>
            {t('login.lawyerLogin')}
          </Button>
        </div>
        <Divider plain className="login-divider">
          <Typography.Text type="secondary">{t('login.comingSoon')}</Typography.Text>
        </Divider>
        <Space className="login-others" size={12}>
          <Tooltip title={t('login.comingSoon')}>
            <Button disabled>{t('login.phoneCode')}</Button>
          </Tooltip>
          <Tooltip title={t('login.comingSoon')}>
            <Button disabled>{t('login.phonePassword')}</Button>
          </Tooltip>
        </Space>
        <Typography.Paragraph type="secondary" className="login-first-time">
          {t('login.firstTime')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
