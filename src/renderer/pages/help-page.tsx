import { Card, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../shell/page-title';
import { useAppInfoStore } from '../state/app-info-store';

/** The manual's identity-verification support line (§1). */
export const hotline = '400-052-9602';

/** 帮助: the login flow in the manual's words, the support hotline, the version. */
export function HelpPage() {
  const { t } = useTranslation();
  const version = useAppInfoStore((s) => s.info?.version);
  const steps = ['activate', 'login', 'scan', 'first', 'done'] as const;

  return (
    <div className="page">
      <PageTitle title={t('help.title')} />
      <Card title={t('help.loginTitle')} className="section-card">
        <ol className="numbered-steps">
          {steps.map((step) => (
            <li key={step}>{t(`help.steps.${step}`)}</li>
          ))}
        </ol>
      </Card>
      <Card title={t('help.hotlineTitle')} className="section-card">
        <Typography.Paragraph className="help-hotline">
          <PhoneOutlined aria-hidden="true" className="help-hotline-icon" />
          {t('help.hotline')}
          <Typography.Text strong className="help-hotline-number">
            {hotline}
          </Typography.Text>
        </Typography.Paragraph>
      </Card>
      <Card title={t('help.versionTitle')} className="section-card">
        <Typography.Text>{t('help.version', { version: version ?? '—' })}</Typography.Text>
      </Card>
    </div>
  );
}
