import { useEffect, useState } from 'react';
import { Badge, Button, Card, Empty, List, Skeleton, Typography } from 'antd';
import { CheckOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PortalMessage, PortalMessageKind } from '../../../shared/portal-wire';
import { KeptSmsCard } from '../../messages/kept-sms-card';
import { PasteSmsButton } from '../../messages/paste-sms-button';
import { PageTitle } from '../../shell/page-title';
import { useReportError } from '../../shell/use-report-error';
import { useMessagesStore } from '../../state/messages-store';
import { useSessionStore } from '../../state/session-store';
import { navigate } from '../../state/route-store';
import type { Route } from '../../state/routes';
import { formatDateTime } from '../../util/format';
import { RemoteAlert } from '../remote-alert';

/** Where each kind of notification is followed up. */
const pageOf: Record<PortalMessageKind, Route> = {
  'binding-approved': 'bound-cases',
  'binding-rejected': 'case-binding',
  'review-approved': 'defence-appointments',
  'review-rejected': 'bound-cases',
  'dossier-ready': 'defence-appointments',
};

/**
 * 消息: the portal's notifications, newest first, unread first in weight; 【全部标为已读】 and 【粘贴短信】;
 * then the SMS passwords kept by case. Signed out (a lawyer who works on the real portal's site) it
 * shows the kept SMS and 【粘贴短信】 only.
 */
export function MessagesPage() {
  const { t } = useTranslation();
  // The portal's messages come once past 授权信息 and 完善信息, as the rest of the portal's pages.
  const signedIn = useSessionStore((s) => s.session?.status === 'signed-in' && s.session.stage === 'ready');
  const [keptKey, setKeptKey] = useState(0);
  const report = useReportError();
  const list = useMessagesStore((s) => s.list);
  const unread = useMessagesStore((s) => s.unread);
  const loadError = useMessagesStore((s) => s.loadError);
  const load = useMessagesStore((s) => s.load);
  const markRead = useMessagesStore((s) => s.markRead);
  const [loading, setLoading] = useState(false);
  const [marking, setMarking] = useState(false);

  const refresh = () => {
    setLoading(true);
    void load().finally(() => setLoading(false));
  };
  // Fresh whenever the page is shown.
  useEffect(() => {
    if (signedIn) refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refresh is a fresh closure over load
  }, [load, signedIn]);

  function open(message: PortalMessage) {
    if (!message.read) void markRead([message.id]).catch(report);
    navigate(pageOf[message.kind]);
  }

  async function markAll() {
    setMarking(true);
    try {
      await markRead();
    } catch (error) {
      report(error);
    } finally {
      setMarking(false);
    }
  }

  return (
    <div className="page">
      <PageTitle
        title={t('messages.title')}
        subtitle={
          signedIn ? (unread > 0 ? t('messages.unreadCount', { count: unread }) : t('messages.noneUnread')) : t('messages.signedOut')
        }
        extra={
          <>
            {signedIn ? (
              <>
                <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={refresh} loading={loading}>
                  {t('common.refresh')}
                </Button>
                <Button icon={<CheckOutlined aria-hidden="true" />} disabled={unread === 0} loading={marking} onClick={() => void markAll()}>
                  {t('messages.markAll')}
                </Button>
              </>
            ) : null}
            <PasteSmsButton onStored={() => setKeptKey((key) => key + 1)} />
          </>
        }
      />
      {signedIn ? (
        <>
          <RemoteAlert error={loadError} onRetry={refresh} />
          <Card className="section-card">
            {list ? <MessageItems items={list.items} onOpen={open} /> : loadError ? null : <Skeleton active paragraph={{ rows: 4 }} />}
          </Card>
        </>
      ) : null}
      <KeptSmsCard refreshKey={keptKey} />
    </div>
  );
}

function MessageItems({ items, onOpen }: { items: PortalMessage[]; onOpen: (message: PortalMessage) => void }) {
  const { t } = useTranslation();
  return (
    <List<PortalMessage>
      dataSource={items}
      locale={{ emptyText: <Empty description={t('messages.empty')} /> }}
      renderItem={(message) => (
        <List.Item
          className={message.read ? 'message-item' : 'message-item unread'}
          actions={[
            <Button key="open" type="link" size="small" onClick={() => onOpen(message)}>
              {t('messages.view')} <RightOutlined aria-hidden="true" />
            </Button>,
          ]}
        >
          <List.Item.Meta
            avatar={<Badge status={message.read ? 'default' : 'processing'} aria-hidden="true" />}
            title={
              <span className="message-title">
                <Typography.Text strong={!message.read}>{message.title}</Typography.Text>
                {message.read ? null : <span className="visually-hidden">{t('messages.unread')}</span>}
              </span>
            }
            description={
              <>
                <Typography.Paragraph className="message-text" type={message.read ? 'secondary' : undefined}>
                  {message.text}
                </Typography.Paragraph>
                <Typography.Text type="secondary" className="message-time">
                  {formatDateTime(message.createdAt)}
                </Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
