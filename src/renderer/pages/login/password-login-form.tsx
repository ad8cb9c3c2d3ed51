import { useState } from 'react';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../state/session-store';
import { api } from '../../transport';
import { LoginError } from './login-error';
import { phoneRules } from './login-rules';

interface Values {
  phone: string;
  password: string;
}

/** 手机号+密码 */
export function PasswordLoginForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      useSessionStore.getState().set(await api['auth.passwordLogin']({ phone: values.phone.trim(), password: values.password }));
    } catch (failure) {
      setError(failure);
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<Values>
      form={form}
      name="password-login"
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => void submit(values)}
      className="login-form"
    >
      <Form.Item name="phone" label={t('login.phone')} rules={phoneRules(t)}>
        <Input autoComplete="tel" inputMode="numeric" maxLength={11} placeholder={t('login.phonePlaceholder')} />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
        <Input.Password autoComplete="current-password" maxLength={64} placeholder={t('login.passwordPlaceholder')} />
      </Form.Item>
      <LoginError error={error} />
      <Button type="primary" htmlType="submit" size="large" block loading={busy}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
