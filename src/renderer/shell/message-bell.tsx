import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMessagesStore } from '../state/messages-store';
import { navigate } from '../state/route-store';

/** The header's 消息 bell with the unread count; opens the 消息 page. */
export function MessageBell() {
  const { t } = useTranslation();
  const unread = useMessagesStore((s) => s.unread);
  const hint = unread > 0 ? t('messages.unreadCount', { count: unread }) : t('messages.noneUnread');
  return (
    <Tooltip title={hint}>
      <Badge count={unread} size="small" overflowCount={99} offset={[-4, 4]}>
        <Button
          type="text"
          shape="circle"
          aria-label={t('nav.messages')}
          aria-description={hint}
          icon={<BellOutlined aria-hidden="true" className="bell-icon" />}
          onClick={() => navigate('messages')}
        />
      </Badge>
    </Tooltip>
  );
}
