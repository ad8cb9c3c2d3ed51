import { Button, Card, Empty, Progress, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, CloudDownloadOutlined, MinusCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AppointmentItem } from '../../../shared/contract';
import { useDossierDownload } from '../../downloads/use-dossier-download';
import { PasteSmsButton } from '../../messages/paste-sms-button';
import { PageTitle } from '../../shell/page-title';
import { currentDownloadFor, isActive } from '../../state/downloads-list';
import { useDownloadsStore } from '../../state/downloads-store';
import { navigate } from '../../state/route-store';
import { api } from '../../transport';
import { formatBytes, formatDateTime } from '../../util/format';
import { useRemote } from '../../util/use-remote';
import { RemoteAlert } from '../remote-alert';
import { ReviewStatusCell } from '../review-status';

function PasswordFlag({ label, saved }: { label: string; saved: boolean }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={saved ? t('appointments.savedHint') : t('appointments.notSavedHint')}>
      <span className={saved ? 'password-flag saved' : 'password-flag'}>
        {saved ? <CheckCircleFilled aria-hidden="true" /> : <MinusCircleOutlined aria-hidden="true" />}
        {label}
        <span className="visually-hidden">{saved ? t('appointments.saved') : t('appointments.notSaved')}</span>
      </span>
    </Tooltip>
  );
}

/** 【卷宗下载】 of a published dossier, or its progress while it downloads. */
function DownloadCell({ row, onDownload }: { row: AppointmentItem; onDownload: (row: AppointmentItem) => void }) {
  const { t } = useTranslation();
  const download = useDownloadsStore((s) => currentDownloadFor(s.list, row.id));
  if (!row.dossier) {
    // Approved but not yet published: the button is there, waiting.
    return row.status === 'approved' ? (
      <Tooltip title={t('appointments.notPublished')}>
        <Button size="small" disabled icon={<CloudDownloadOutlined aria-hidden="true" />}>
          {t('appointments.download')}
        </Button>
      </Tooltip>
    ) : null;
  }
  if (download && isActive(download)) {
    const percent = Math.floor(download.percent);
    return (
      <div className="stacked-cell">
        <Progress percent={percent} size="small" status="active" aria-label={t('downloads.inProgress', { percent })} />
        <Button size="small" type="link" className="inline-link" onClick={() => navigate('library')}>
          {t('appointments.viewProgress')}
        </Button>
      </div>
    );
  }
  return (
    <Button
      size="small"
      type="primary"
      ghost
      icon={<CloudDownloadOutlined aria-hidden="true" />}
      onClick={() => onDownload(row)}
    >
      {t('appointments.download')}
    </Button>
  );
}

/** 辩护与代理网上预约 (manual §6): applications, their review and dossier state, the SMS passwords held. */
export function DefenceAppointmentsPage() {
  const { t } = useTranslation();
  const appointments = useRemote(() => api['appointments.list']({}), { onMessages: true });
  const download = useDossierDownload();
  const reload = () => void appointments.reload();

  return (
    <div className="page">
      <PageTitle
        title={t('nav.defenceAppointments')}
        extra={
          <>
            <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={reload} loading={appointments.loading}>
              {t('common.refresh')}
            </Button>
            <PasteSmsButton onStored={reload} />
          </>
        }
      />
      <RemoteAlert error={appointments.error} onRetry={reload} />
      <Card className="section-card table-card">
        <Table<AppointmentItem>
          rowKey="id"
          size="middle"
          loading={appointments.loading && !appointments.data}
          dataSource={appointments.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 960 }}
          locale={{
            emptyText: (
              <Empty description={t('pages.defenceAppointments.empty')}>
                <Button onClick={() => navigate('bound-cases')}>{t('nav.boundCases')}</Button>
              </Empty>
            ),
          }}
          columns={[
            { key: 'type', title: t('appointments.type'), width: 92, render: () => t('appointments.onlineReview') },
            { key: 'case', title: t('binding.caseName'), dataIndex: 'caseName' },
            { key: 'unit', title: t('binding.unit'), render: (_, row) => row.procuratorate.name },
            { key: 'created', title: t('binding.appliedAt'), width: 130, render: (_, row) => formatDateTime(row.createdAt) },
            {
              key: 'status',
              title: t('appointments.reviewStatus'),
              width: 130,
              render: (_, row) => <ReviewStatusCell audit status={row.status} reason={row.rejectReason} />,
            },
            {
              key: 'dossier',
              title: t('appointments.dossierStatus'),
              width: 116,
              render: (_, row) =>
                row.dossier ? (
                  <div className="stacked-cell">
                    <Tag color="green">{t('appointments.ready')}</Tag>
                    <Typography.Text type="secondary" className="cell-note">
                      {t('appointments.pagesValue', { pages: row.dossier.pages })} · {formatBytes(row.dossier.size)}
                    </Typography.Text>
                  </div>
                ) : row.status === 'approved' ? (
                  <Tag color="processing">{t('appointments.processing')}</Tag>
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                ),
            },
            {
              key: 'passwords',
              title: t('appointments.passwords'),
              width: 104,
              render: (_, row) => (
                <div className="stacked-cell">
                  <PasswordFlag label={t('appointments.downloadPasswordShort')} saved={row.passwords.download} />
                  <PasswordFlag label={t('appointments.openPasswordShort')} saved={row.passwords.open} />
                </div>
              ),
            },
            {
              key: 'action',
              title: t('appointments.action'),
              width: 132,
              render: (_, row) => <DownloadCell row={row} onDownload={download.start} />,
            },
          ]}
        />
      </Card>
      {download.dialog}
    </div>
  );
}
