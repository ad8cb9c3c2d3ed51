import { Button, Card, Empty, Table, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { BindingView } from '../../../shared/portal-wire';
import { PageTitle } from '../../shell/page-title';
import { navigate } from '../../state/route-store';
import { api } from '../../transport';
import { formatDateTime } from '../../util/format';
import { useRemote } from '../../util/use-remote';
import { RemoteAlert } from '../remote-alert';
import { BindingStatusCell } from './binding-status';

/** 案件绑定申请 (manual §3): the lawyer's applications and their review status; 【申请绑定】. */
export function CaseBindingPage() {
  const { t } = useTranslation();
  const bindings = useRemote(() => api['bindings.list']({}), { onMessages: true });
  const dash = <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <div className="page">
      <PageTitle
        title={t('nav.caseBinding')}
        extra={
          <>
            <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={() => void bindings.reload()} loading={bindings.loading}>
              {t('common.refresh')}
            </Button>
            <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={() => navigate('case-binding-form')}>
              {t('binding.apply')}
            </Button>
          </>
        }
      />
      <RemoteAlert error={bindings.error} onRetry={() => void bindings.reload()} />
      <Card className="section-card table-card">
        <Table<BindingView>
          rowKey="id"
          size="middle"
          loading={bindings.loading && !bindings.data}
          dataSource={bindings.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 960 }}
          locale={{ emptyText: <Empty description={t('pages.caseBinding.empty')} /> }}
          columns={[
            { key: 'unit', title: t('binding.unit'), render: (_, row) => row.procuratorate.name, width: 190 },
            { key: 'case', title: t('binding.caseName'), dataIndex: 'caseName', width: 180 },
            {
              key: 'ref',
              title: t('binding.caseRefColumn'),
              width: 180,
              render: (_, row) => (
                <div className="stacked-cell">
                  <span>{row.departmentCaseNo ?? dash}</span>
                  <Typography.Text type="secondary">{row.suspectName ?? '—'}</Typography.Text>
                </div>
              ),
            },
            { key: 'role', title: t('binding.role'), width: 100, render: (_, row) => t(`binding.roles.${row.role}`) },
            { key: 'client', title: t('binding.clientName'), dataIndex: 'clientName', width: 100 },
            { key: 'created', title: t('binding.appliedAt'), width: 140, render: (_, row) => formatDateTime(row.createdAt) },
            {
              key: 'status',
              title: t('binding.statusColumn'),
              width: 180,
              render: (_, row) => <BindingStatusCell status={row.status} reason={row.rejectReason} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
