import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/error-text';
import { i18n } from '../i18n';

/** A list that could not be fetched: what went wrong and 【重试】. */
export function RemoteAlert({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      className="section-alert"
      title={errorText(i18n, error)}
      action={
        <Button size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
