import { useState } from 'react';
import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppInfoStore } from '../../state/app-info-store';
import { useSessionStore } from '../../state/session-store';
import { api } from '../../transport';
import { useCountdown } from '../use-countdown';
import { LoginError } from './login-error';
import { phoneRules, smsCodePattern } from './login-rules';

interface Values {
  phone: string;
  code: string;
}

/** 手机号+验证码: 获取验证码 (then a countdown until another may be asked for), the code, 【登录】. */
export function SmsLoginForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [sending, setSending] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [resendAt, setResendAt] = useState<string | null>(null);
  const wait = useCountdown(resendAt);
  const portal = useAppInfoStore((s) => s.info?.portal);

  async function sendCode() {
    let phone: string;
    try {
      phone = ((await form.validateFields(['phone'])) as Pick<Values, 'phone'>).phone.trim();
    } catch {
      return;
    }
    setSending(true);
    setError(null);
    try {
      const { resendAfterSeconds } = await api['auth.smsCodeRequest']({ phone });
      setResendAt(new Date(Date.now() + resendAfterSeconds * 1000).toISOString());
      void message.success(t('login.codeSent'));
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  }

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      useSessionStore.getState().set(await api['auth.smsLogin']({ phone: values.phone.trim(), code: values.code.trim() }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<Values>
      form={form}
      name="sms-login"
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => void submit(values)}
      className="login-form"
    >
      <Form.Item name="phone" label={t('login.phone')} rules={phoneRules(t)}>
        <Input autoComplete="tel" inputMode="numeric" maxLength={11} placeholder={t('login.phonePlaceholder')} />
      </Form.Item>
      <Form.Item label={t('login.code')} htmlFor="sms-login-code" required>
        <Space.Compact block>
          <Form.Item
            name="code"
            noStyle
            rules={[
              { required: true, whitespace: true, message: t('login.codeRequired') },
              { pattern: smsCodePattern, message: t('login.codeInvalid') },
            ]}
          >
            <Input
              id="sms-login-code"
              aria-label={t('login.code')}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={6}
              placeholder={t('login.codePlaceholder')}
            />
          </Form.Item>
          <Button onClick={() => void sendCode()} loading={sending} disabled={wait > 0} className="sms-code-button">
            {wait > 0 ? t('login.resendIn', { seconds: wait }) : t('login.getCode')}
          </Button>
        </Space.Compact>
      </Form.Item>
      {portal?.mock ? (
        <Typography.Paragraph type="secondary" className="login-demo-hint">
          {t('login.demoCodeHint', { url: `${portal.url.replace(/\/+$/, '')}/phone` })}
        </Typography.Paragraph>
      ) : null}
      <LoginError error={error} />
      <Button type="primary" htmlType="submit" size="large" block loading={busy}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
