import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewStatus } from '../../shared/portal-wire';

const colors: Record<ReviewStatus, string> = { pending: 'gold', approved: 'blue', rejected: 'red', published: 'green' };

/**
 * An online-review application's state with the reason under 未通过: as 已绑定案件 shows it
 * (待审核 / 已通过（卷宗处理中） / 未通过 / 卷宗可下载), or as the 审核状态 of an appointment
 * (`audit`: 待审核 / 已通过 / 未通过; the dossier has its own column there).
 */
export function ReviewStatusCell({ status, reason, audit = false }: { status: ReviewStatus; reason: string | null; audit?: boolean }) {
  const { t } = useTranslation();
  // 审核状态 has no 卷宗可下载: a published application was approved.
  const audited = status === 'published' ? 'approved' : status;
  const shown = audit ? audited : status;
  return (
    <div className="status-cell">
      <Tag color={audit && shown === 'approved' ? 'green' : colors[shown]}>
        {audit ? t(`review.audit.${audited}`) : t(`review.status.${status}`)}
      </Tag>
      {status === 'rejected' && reason ? (
        <Typography.Text type="danger" className="status-reason">
          {t('common.reason', { reason })}
        </Typography.Text>
      ) : null}
    </div>
  );
}
