import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { percentRead, type Share } from './progress-summary';

/** Beside a 目录 row: a dot for unread, the percentage for partly read, a tick once read through. */
export function ReadMark({ share }: { share: Share }) {
  const { t } = useTranslation();
  if (share.state === 'unread') {
    return <span className="viewer-read-mark viewer-read-dot" role="img" aria-label={t('readingProgress.unread')} title={t('readingProgress.unread')} />;
  }
  const label = share.state === 'read' ? t('readingProgress.done') : t('readingProgress.readPages', { seen: share.seen, total: share.total });
  return (
    <span className={share.state === 'read' ? 'viewer-read-mark' : 'viewer-read-mark viewer-read-percent'} role="img" aria-label={label} title={label}>
      {share.state === 'read' ? <CheckOutlined className="viewer-read-done" aria-hidden="true" /> : `${percentRead(share.seen, share.total)}%`}
    </span>
  );
}
