import { useEffect } from 'react';
import { App, Button, Card, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { KeptSms } from '../../shared/sms';
import { i18n } from '../i18n';
import { useReportError } from '../shell/use-report-error';
import { RemoteAlert } from '../pages/remote-alert';
import { viewerHash } from '../state/routes';
import { api, on } from '../transport';
import { formatDateTime } from '../util/format';
import { useRemote } from '../util/use-remote';

/**
 * 消息 ▸ 已保存的短信密码: SMS passwords kept by case and unit (a case handled on the real portal's
 * site), which dossier they went to, and 【删除】. Never a password: only which ones are kept.
 */
export function KeptSmsCard({ refreshKey }: { refreshKey: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const kept = useRemote(() => api['sms.kept']({}), { key: String(refreshKey) });
  const reload = kept.reload;
  // An archive arriving attaches the passwords: the row then names its dossier.
  useEffect(() => on('library.changed', () => void reload()), [reload]);

  async function forget(item: KeptSms) {
    try {
      await api['sms.forget']({ id: item.id });
      void message.success(i18n.t('keptSms.forgotten', { caseName: item.caseName }));
      void reload();
    } catch (error) {
      report(error);
    }
  }

  return (
    <Card title={t('keptSms.title')} className="section-card" data-testid="kept-sms">
      <Typography.Paragraph type="secondary">{t('keptSms.lead')}</Typography.Paragraph>
      <List<KeptSms>
        loading={kept.loading && !kept.data}
        dataSource={kept.data ?? []}
        locale={{ emptyText: <Empty description={t('keptSms.empty')} /> }}
        renderItem={(item) => (
          <List.Item
            actions={[
              ...(item.dossierId
                ? [
                    <Button key="read" type="link" size="small" onClick={() => (window.location.hash = viewerHash(item.dossierId ?? ''))}>
                      {t('keptSms.read')}
                    </Button>,
                  ]
                : []),
              <Popconfirm
                key="forget"
                title={t('keptSms.forgetConfirm', { caseName: item.caseName })}
                okText={t('keptSms.forget')}
                cancelText={t('header.cancel')}
                onConfirm={() => void forget(item)}
              >
                <Button type="link" size="small" danger>
                  {t('keptSms.forget')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              avatar={<LockOutlined aria-hidden="true" />}
              title={
                <Space size={8} wrap>
                  <Typography.Text strong>{item.caseName}</Typography.Text>
                  {item.unit ? <Tag>{item.unit}</Tag> : null}
                </Space>
              }
              description={
                <Space size={12} wrap>
                  <span>
                    {[item.passwords.download ? t('sms.downloadPassword') : null, item.passwords.open ? t('sms.openPassword') : null]
                      .filter(Boolean)
                      .join('、')}
                  </span>
                  {item.dossierId ? (
                    <Typography.Text type="success">{t('keptSms.attached')}</Typography.Text>
                  ) : (
                    <Typography.Text type="secondary">{t('keptSms.waiting')}</Typography.Text>
                  )}
                  <Typography.Text type="secondary">{formatDateTime(item.keptAt)}</Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <RemoteAlert error={kept.error} onRetry={() => void reload()} />
    </Card>
  );
}
