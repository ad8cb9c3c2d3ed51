import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Table, Tooltip, Typography } from 'antd';
import { FileSearchOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { onlineReviewAt } from '../../../shared/online-review';
import type { BoundCaseView } from '../../../shared/portal-wire';
import { PageTitle } from '../../shell/page-title';
import { navigate } from '../../state/route-store';
import { api } from '../../transport';
import { formatDateTime } from '../../util/format';
import { useRemote } from '../../util/use-remote';
import { RemoteAlert } from '../remote-alert';
import { ReviewStatusCell } from '../review-status';
import { ReviewNoticeDialog } from './review-notice-dialog';
import { ReviewUnavailableAlert } from './review-unavailable-alert';

/** 已绑定案件 (manual §4): approved bindings; 【申请在线阅卷】 at pilot units, the application's state once made. */
export function BoundCasesPage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const cases = useRemote(() => api['boundCases.list']({}), { onMessages: true });
  // The directory says which units are 在线阅卷 pilots; without it the portal's flag alone decides.
  const directory = useRemote(() => api['procuratorates.list']({}));
  const reviewAt = (row: BoundCaseView) => onlineReviewAt(row, directory.data);
  const unavailable = (cases.data ?? []).filter((row) => !row.review && !reviewAt(row).available);
  const [applying, setApplying] = useState<BoundCaseView | null>(null);

  function submitted() {
    setApplying(null);
    void cases.reload();
    modal.success({
      title: t('review.submitted'),
      content: t('review.submittedDetail'),
      okText: t('header.ok'),
    });
  }

  function action(row: BoundCaseView) {
    const open = row.review && row.review.status !== 'rejected';
    if (open) return null;
    const label = row.review ? t('review.applyAgain') : t('review.apply');
    if (!reviewAt(row).available) {
      return (
        <div className="stacked-cell">
          <Tooltip title={t('review.pilotOnly')}>
            {/* A disabled button takes no hover: the wrapper carries the explanation. */}
            <span className="disabled-wrap">
              <Button size="small" disabled>
                {t('review.apply')}
              </Button>
            </span>
          </Tooltip>
          <Typography.Text type="secondary" className="cell-note">
            {t('review.notPilot')}
          </Typography.Text>
        </div>
      );
    }
    return (
      <Button size="small" type="primary" ghost icon={<FileSearchOutlined aria-hidden="true" />} onClick={() => setApplying(row)}>
        {label}
      </Button>
    );
  }

  return (
    <div className="page">
      <PageTitle
        title={t('nav.boundCases')}
        extra={
          <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={() => void cases.reload()} loading={cases.loading}>
            {t('common.refresh')}
          </Button>
        }
      />
      {unavailable.length === 0 ? <Alert type="info" showIcon className="section-alert" title={t('review.pilotOnly')} /> : null}
      {unavailable.map((row) => (
        <ReviewUnavailableAlert
          key={row.bindingId}
          caseName={row.caseName}
          unit={row.procuratorate.name}
          caseHallPhones={reviewAt(row).caseHallPhones}
        />
      ))}
      <RemoteAlert error={cases.error} onRetry={() => void cases.reload()} />
      <Card className="section-card table-card">
        <Table<BoundCaseView>
          rowKey="bindingId"
          size="middle"
          loading={cases.loading && !cases.data}
          dataSource={cases.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 960 }}
          locale={{
            emptyText: (
              <Empty description={t('pages.boundCases.empty')}>
                <Button onClick={() => navigate('case-binding')}>{t('nav.caseBinding')}</Button>
              </Empty>
            ),
          }}
          columns={[
            { key: 'unit', title: t('binding.unit'), width: 190, render: (_, row) => row.procuratorate.name },
            { key: 'case', title: t('binding.caseName'), dataIndex: 'caseName', width: 180 },
            { key: 'role', title: t('binding.role'), width: 100, render: (_, row) => t(`binding.roles.${row.role}`) },
            { key: 'client', title: t('binding.clientName'), dataIndex: 'clientName', width: 100 },
            { key: 'bound', title: t('review.boundAt'), width: 140, render: (_, row) => formatDateTime(row.boundAt) },
            {
              key: 'review',
              title: t('review.column'),
              width: 220,
              // 【申请在线阅卷】 stays in view when a narrow window scrolls the table sideways.
              fixed: 'right',
              render: (_, row) => (
                <div className="review-cell">
                  {row.review ? (
                    <ReviewStatusCell status={row.review.status} reason={row.review.rejectReason} />
                  ) : (
                    <Typography.Text type="secondary">{t('review.none')}</Typography.Text>
                  )}
                  {action(row)}
                </div>
              ),
            },
          ]}
        />
      </Card>
      {applying ? (
        <ReviewNoticeDialog
          boundCase={applying}
          caseHallPhones={reviewAt(applying).caseHallPhones}
          onClose={() => setApplying(null)}
          onSubmitted={submitted}
        />
      ) : null}
    </div>
  );
}
