import { useState } from 'react';
import { Button, Card, Empty, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, CloudDownloadOutlined, MinusCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AppointmentItem } from '../../../shared/contract';
import { PasteSmsButton } from '../../messages/paste-sms-button';
import { PageTitle } from '../../shell/page-title';
import { navigate } from '../../state/route-store';
import { api } from '../../transport';
import { formatBytes, formatDateTime } from '../../util/format';
import { useRemote } from '../../util/use-remote';
import { RemoteAlert } from '../remote-alert';
import { ReviewStatusCell } from '../review-status';
import { DossierDialog } from './dossier-dialog';

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

/** 辩护与代理网上预约 (manual §6): applications, their review and dossier state, the SMS passwords held. */
export function DefenceAppointmentsPage() {
  const { t } = useTranslation();
  const appointments = useRemote(() => api['appointments.list']({}), { onMessages: true });
  const [showing, setShowing] = useState<AppointmentItem | null>(null);
  const reload = () => void appointments.reload();

  // The dialog follows the list: after 粘贴短信 it shows the refreshed password flags.
  const current = showing ? (appointments.data?.find((item) => item.id === showing.id) ?? showing) : null;

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
              width: 116,
              render: (_, row) =>
                row.dossier ? (
                  <Button
                    size="small"
                    type="primary"
                    ghost
                    icon={<CloudDownloadOutlined aria-hidden="true" />}
                    onClick={() => setShowing(row)}
                  >
                    {t('appointments.download')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {current ? <DossierDialog appointment={current} onClose={() => setShowing(null)} onStored={reload} /> : null}
    </div>
  );
}
