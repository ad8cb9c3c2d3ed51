import { Badge, Menu, type MenuProps } from 'antd';
import {
  BellOutlined,
  BookOutlined,
  CalendarOutlined,
  FolderOpenOutlined,
  QuestionCircleOutlined,
  SettingOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMessagesStore } from '../state/messages-store';
import { useRouteStore } from '../state/route-store';
import type { Route } from '../state/routes';

/** Pages reached from another page's menu entry (a form from its list, a help tab). */
const menuKeyOf: Partial<Record<Route, Route>> = { 'case-binding-form': 'case-binding', 'help-contacts': 'help' };

const routeKeys: ReadonlySet<string> = new Set<Route>([
  'profile',
  'case-binding',
  'bound-cases',
  'defence-appointments',
  'messages',
  'library',
  'settings',
  'help',
]);

/** The portal's menus, in its order, then the app's own pages. */
export function SideNav() {
  const { t } = useTranslation();
  const route = useRouteStore((s) => s.route);
  const navigateTo = useRouteStore((s) => s.navigate);
  const unread = useMessagesStore((s) => s.unread);
  const selected = menuKeyOf[route] ?? route;

  const items: MenuProps['items'] = [
    { key: 'profile', icon: <UserOutlined aria-hidden="true" />, label: t('nav.profile') },
    {
      key: 'cases',
      icon: <FolderOpenOutlined aria-hidden="true" />,
      label: t('nav.cases'),
      children: [
        { key: 'case-binding', label: t('nav.caseBinding') },
        { key: 'bound-cases', label: t('nav.boundCases') },
      ],
    },
    {
      key: 'appointments',
      icon: <CalendarOutlined aria-hidden="true" />,
      label: t('nav.appointments'),
      children: [{ key: 'defence-appointments', label: t('nav.defenceAppointments') }],
    },
    {
      key: 'messages',
      icon: <BellOutlined aria-hidden="true" />,
      label: (
        <span className="nav-with-count">
          {t('nav.messages')}
          {unread > 0 ? <Badge count={unread} size="small" overflowCount={99} aria-hidden="true" /> : null}
        </span>
      ),
    },
    { key: 'library', icon: <BookOutlined aria-hidden="true" />, label: t('nav.library') },
    { type: 'divider' },
    { key: 'settings', icon: <SettingOutlined aria-hidden="true" />, label: t('nav.settings') },
    { key: 'help', icon: <QuestionCircleOutlined aria-hidden="true" />, label: t('nav.help') },
  ];

  return (
    <nav aria-label={t('app.name')}>
      <Menu
        mode="inline"
        className="side-nav"
        selectedKeys={routeKeys.has(selected) ? [selected] : []}
        defaultOpenKeys={['cases', 'appointments']}
        items={items}
        onClick={({ key }) => {
          if (routeKeys.has(key)) navigateTo(key as Route);
        }}
      />
    </nav>
  );
}
