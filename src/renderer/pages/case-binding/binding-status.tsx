import { Tag, Typography } from 'antd';
import type { BindingStatus } from '../../../shared/portal-wire';
import { useTranslation } from 'react-i18next';

const colors: Record<BindingStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

/** 待审核 / 已通过 / 未通过, with the reason under 未通过. */
export function BindingStatusCell({ status, reason }: { status: BindingStatus; reason: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="status-cell">
      <Tag color={colors[status]}>{t(`binding.status.${status}`)}</Tag>
      {status === 'rejected' && reason ? (
        <Typography.Text type="danger" className="status-reason">
          {t('common.reason', { reason })}
        </Typography.Text>
      ) : null}
    </div>
  );
}
