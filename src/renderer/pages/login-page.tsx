import { useState } from 'react';
import { Button, Card, Tabs, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { navigate } from '../state/route-store';
import { PasswordLoginForm } from './login/password-login-form';
import { SmsLoginForm } from './login/sms-login-form';

type Method = 'lawyer' | 'sms' | 'password';

/**
 * 登录: 【律师认证登录】 (QR, the manual's way) or the portal's other ways, 手机号+验证码 and
 * 手机号+密码 — after which guarded actions ask for a scan (manual §2 注).
 */
export function LoginPage() {
  const { t } = useTranslation();
  const [method, setMethod] = useState<Method>('lawyer');
  return (
    <div className="centered-page">
      <Card className="login-card">
        <Typography.Title level={2} className="card-heading">
          {t('login.title')}
        </Typography.Title>
        <Tabs
          centered
          destroyOnHidden
          activeKey={method}
          onChange={(key) => setMethod(key as Method)}
          className="login-tabs"
          items={[
            {
              key: 'lawyer',
              label: t('login.lawyerLogin'),
              children: (
                <div className="login-main">
                  <SafetyCertificateOutlined className="login-icon" aria-hidden="true" />
                  <Typography.Paragraph type="secondary" className="login-hint">
                    {t('login.lawyerLoginHint')}
                  </Typography.Paragraph>
                  <Button type="primary" size="large" block onClick={() => navigate('login-qr')}>
                    {t('login.lawyerLogin')}
                  </Button>
                </div>
              ),
            },
            { key: 'sms', label: t('login.phoneCode'), children: <SmsLoginForm /> },
            { key: 'password', label: t('login.phonePassword'), children: <PasswordLoginForm /> },
          ]}
        />
        <Typography.Paragraph type="secondary" className="login-first-time">
          {method === 'lawyer' ? t('login.firstTime') : t('login.otherMethodNote')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
