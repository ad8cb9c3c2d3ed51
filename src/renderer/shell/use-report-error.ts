import { useCallback } from 'react';
import { App } from 'antd';
import { errorText } from '../i18n/error-text';
import { i18n } from '../i18n';

/** Shows a failed call as a message in the current language. */
export function useReportError(): (error: unknown) => void {
  const { message } = App.useApp();
  return useCallback((error: unknown) => void message.error(errorText(i18n, error)), [message]);
}
