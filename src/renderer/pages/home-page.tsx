import { Button, Card, Col, Row, Typography } from 'antd';
import { CloudDownloadOutlined, FileSearchOutlined, LinkOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PortalSiteButton } from '../portal-site/portal-site-button';
import { navigate } from '../state/route-store';
import { LogoMark } from '../shell/logo-mark';

/** Signed out: like the portal's first page, everything starts from 【登录】. */
export function HomePage() {
  const { t } = useTranslation();
  const steps = [
    { key: 'bind', icon: <LinkOutlined /> },
    { key: 'review', icon: <FileSearchOutlined /> },
    { key: 'download', icon: <CloudDownloadOutlined /> },
  ] as const;
  return (
    <div className="home">
      <Card className="home-hero" variant="borderless">
        <div className="home-hero-body">
          <LogoMark size={56} />
          <div className="home-hero-text">
            <Typography.Title level={1} className="home-title">
              {t('home.title')}
            </Typography.Title>
            <Typography.Paragraph className="home-lead">{t('home.lead')}</Typography.Paragraph>
            <div className="home-actions">
              <Button type="primary" size="large" onClick={() => navigate('login')}>
                {t('header.login')}
              </Button>
              <PortalSiteButton size="large" />
              <Typography.Text type="secondary">{t('home.loginHint')}</Typography.Text>
            </div>
          </div>
        </div>
      </Card>
      <Row gutter={[16, 16]} className="home-steps">
        {steps.map((step, index) => (
          <Col xs={24} md={8} key={step.key}>
            <Card className="home-step">
              <div className="home-step-head">
                <span className="home-step-icon">{step.icon}</span>
                <span className="home-step-index">{index + 1}</span>
              </div>
              <Typography.Title level={4} className="home-step-title">
                {t(`home.steps.${step.key}.title`)}
              </Typography.Title>
              <Typography.Paragraph type="secondary" className="home-step-text">
                {t(`home.steps.${step.key}.text`)}
              </Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
