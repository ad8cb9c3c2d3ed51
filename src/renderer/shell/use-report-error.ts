import { useCallback } from 'react';
import { App } from 'antd';
import { errorText } from '../i18n/error-text';
import { i18n } from '../i18n';
import { isStepUpCancelled } from '../step-up/guarded';

/** Shows a failed call as a message in the current language (a closed 律师身份核验 dialog is no failure). */
export function useReportError(): (error: unknown) => void {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown) => {
      if (isStepUpCancelled(error)) return;
      void message.error(errorText(i18n, error));
    },
    [message],
  );
}
