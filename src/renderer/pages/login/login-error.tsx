import { Alert } from 'antd';
import { errorText } from '../../i18n/error-text';
import { i18n } from '../../i18n';

/** A failed login attempt, in the portal's words (tries left, time locked), above the 【登录】 button. */
export function LoginError({ error }: { error: unknown }) {
  if (!error) return null;
  return <Alert type="error" showIcon role="alert" className="login-error" title={errorText(i18n, error)} />;
}
