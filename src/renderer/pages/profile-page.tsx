import { Button, Card, Col, Descriptions, Row, Typography } from 'antd';
import { BookOutlined, CalendarOutlined, CheckSquareOutlined, LinkOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Lawyer } from '../../shared/contract';
import type { Messages } from '../i18n/zh-cn';
import { PortalSiteButton } from '../portal-site/portal-site-button';
import { PageTitle } from '../shell/page-title';
import { useLogout } from '../shell/use-logout';
import { navigate } from '../state/route-store';
import type { Route } from '../state/routes';
import { maskIdNumber, maskPhone } from '../util/mask';

const shortcuts: Array<{ route: Route; label: `nav.${keyof Messages['nav']}`; icon: React.ReactNode }> = [
  { route: 'case-binding', label: 'nav.caseBinding', icon: <LinkOutlined aria-hidden="true" /> },
  { route: 'bound-cases', label: 'nav.boundCases', icon: <CheckSquareOutlined aria-hidden="true" /> },
  { route: 'defence-appointments', label: 'nav.defenceAppointments', icon: <CalendarOutlined aria-hidden="true" /> },
  { route: 'library', label: 'nav.library', icon: <BookOutlined aria-hidden="true" /> },
];

/** 个人中心 (manual §2 step 6). */
export function ProfilePage({ lawyer }: { lawyer: Lawyer }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const empty = <Typography.Text type="secondary">{t('common.notAvailable')}</Typography.Text>;

  return (
    <div className="page">
      <PageTitle
        title={t('profile.title')}
        subtitle={t('profile.welcome', { name: lawyer.name })}
        extra={<Button onClick={() => logout()}>{t('header.logout')}</Button>}
      />
      <Card title={t('profile.info')} className="section-card">
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="middle"
          styles={{ label: { width: 120 } }}
          items={[
            { key: 'name', label: t('profile.name'), children: lawyer.name },
            { key: 'firm', label: t('profile.lawFirm'), children: lawyer.lawFirm || empty },
            { key: 'license', label: t('profile.licenseNumber'), children: lawyer.licenseNumber },
            { key: 'phone', label: t('profile.phone'), children: maskPhone(lawyer.phone) },
            { key: 'id', label: t('profile.idNumber'), children: maskIdNumber(lawyer.idNumberMasked) },
            { key: 'email', label: t('profile.email'), children: lawyer.email || empty },
            { key: 'address', label: t('profile.address'), children: lawyer.address || empty, span: 'filled' },
          ]}
        />
      </Card>
      <Card title={t('profile.shortcuts')} className="section-card">
        <Row gutter={[12, 12]}>
          {shortcuts.map((item) => (
            <Col xs={12} lg={6} key={item.route}>
              <Button block size="large" className="shortcut" icon={item.icon} onClick={() => navigate(item.route)}>
                {t(item.label)}
              </Button>
            </Col>
          ))}
          <Col xs={12} lg={6}>
            <PortalSiteButton block size="large" className="shortcut" />
          </Col>
        </Row>
      </Card>
    </div>
  );
}
