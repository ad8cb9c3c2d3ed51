import { Badge, Button, Menu, Tooltip, type MenuProps } from 'antd';
import {
  BellOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
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

/** The portal's menus, in its order, then the app's own pages; folds to its icons. */
export function SideNav({ collapsed, onToggle }: { collapsed: boolean; onToggle: () => void }) {
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

  const foldLabel = collapsed ? t('nav.unfold') : t('nav.fold');
  return (
    <nav aria-label={t('app.name')} className={collapsed ? 'side-nav-wrap collapsed' : 'side-nav-wrap'}>
      <div className="side-nav-fold">
        <Tooltip title={foldLabel} placement="right">
          <Button
            type="text"
            aria-label={foldLabel}
            aria-expanded={!collapsed}
            data-testid="side-nav-fold"
            icon={collapsed ? <MenuUnfoldOutlined aria-hidden="true" /> : <MenuFoldOutlined aria-hidden="true" />}
            onClick={onToggle}
          />
        </Tooltip>
      </div>
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
