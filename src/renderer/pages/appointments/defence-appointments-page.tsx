import { Button, Card, Empty, Progress, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { CheckCircleFilled, CloudDownloadOutlined, MinusCircleOutlined, ReadOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AppointmentItem } from '../../../shared/contract';
import { useDossierDownload } from '../../downloads/use-dossier-download';
import { PasteSmsButton } from '../../messages/paste-sms-button';
import { PageTitle } from '../../shell/page-title';
import { currentDownloadFor, isActive } from '../../state/downloads-list';
import { useDownloadsStore } from '../../state/downloads-store';
import { navigate } from '../../state/route-store';
import { viewerHash } from '../../state/routes';
import { api, on } from '../../transport';
import { formatBytes, formatDateTime } from '../../util/format';
import { useRemote } from '../../util/use-remote';
import { RemoteAlert } from '../remote-alert';
import { ReviewStatusCell } from '../review-status';

/** Coalesces the 卷宗库 changes of one extraction into one reload of the list. */
const LIBRARY_RELOAD_MS = 400;

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
  const downloaded = row.library;
  if (downloaded) {
    // In 卷宗库 already: reading is what the lawyer came for; downloading again stays at hand.
    return (
      <div className="stacked-cell">
        <Tooltip title={downloaded.readable ? undefined : t('appointments.notReadable')}>
          <Button
            size="small"
            type="primary"
            icon={<ReadOutlined aria-hidden="true" />}
            disabled={!downloaded.readable}
            data-testid="appointment-read"
            onClick={() => {
              window.location.hash = viewerHash(downloaded.dossierId);
            }}
          >
            {t('appointments.read')}
          </Button>
        </Tooltip>
        <Button
          size="small"
          type="link"
          className="inline-link"
          icon={<CloudDownloadOutlined aria-hidden="true" />}
          onClick={() => onDownload(row)}
        >
          {t('appointments.download')}
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
  // A download verified, extracted or removed changes what its row offers (已下载 · 【阅读】). Extraction
  // reports progress several times a second: one reload per burst is enough.
  const reloadList = appointments.reload;
  const rows = useRef<AppointmentItem[]>([]);
  rows.current = appointments.data ?? [];
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = on('library.changed', ({ id }) => {
      if (timer || !rows.current.some((row) => row.id === id)) return;
      timer = setTimeout(() => {
        timer = null;
        void reloadList();
      }, LIBRARY_RELOAD_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [reloadList]);

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
                    {row.library ? (
                      <Tag color="blue" data-testid="appointment-downloaded">{t('appointments.downloaded')}</Tag>
                    ) : (
                      <Tag color="green">{t('appointments.ready')}</Tag>
                    )}
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
              // Kept in view when a narrow window scrolls the table sideways.
              fixed: 'right',
              render: (_, row) => <DownloadCell row={row} onDownload={download.start} />,
            },
          ]}
        />
      </Card>
      {download.dialog}
    </div>
  );
}
