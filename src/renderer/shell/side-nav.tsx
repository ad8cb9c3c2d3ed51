import { Menu, type MenuProps } from 'antd';
import {
  BookOutlined,
  CalendarOutlined,
  FolderOpenOutlined,
  QuestionCircleOutlined,
  SettingOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useRouteStore } from '../state/route-store';
import type { Route } from '../state/routes';

const routeKeys: ReadonlySet<string> = new Set<Route>([
  'profile',
  'case-binding',
  'bound-cases',
  'defence-appointments',
  'library',
  'settings',
  'help',
]);

/** The portal's menus, in its order, then the app's own pages. */
export function SideNav() {
  const { t } = useTranslation();
  const route = useRouteStore((s) => s.route);
  const navigateTo = useRouteStore((s) => s.navigate);

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
        selectedKeys={routeKeys.has(route) ? [route] : []}
        defaultOpenKeys={['cases', 'appointments']}
        items={items}
        onClick={({ key }) => {
          if (routeKeys.has(key)) navigateTo(key as Route);
        }}
      />
    </nav>
  );
}
