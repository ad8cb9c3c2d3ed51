import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../shell/page-title';
import { useAppInfoStore } from '../state/app-info-store';
import { navigate, useRouteStore } from '../state/route-store';
import { ContactsSection } from './help/contacts-section';

/** 帮助: the workflow in the manual's words and the version; 联系方式 (hotline, 案管大厅 numbers) as its own tab. */
export function HelpPage() {
  const { t } = useTranslation();
  const version = useAppInfoStore((s) => s.info?.version);
  const route = useRouteStore((s) => s.route);
  const loginSteps = ['activate', 'login', 'scan', 'first', 'done'] as const;
  const caseSteps = ['bind', 'review', 'sms', 'download'] as const;

  return (
    <div className="page">
      <PageTitle title={t('help.title')} />
      <Tabs
        activeKey={route === 'help-contacts' ? 'contacts' : 'guide'}
        onChange={(key) => navigate(key === 'contacts' ? 'help-contacts' : 'help')}
        destroyOnHidden
        items={[
          {
            key: 'guide',
            label: t('help.guideTab'),
            children: (
              <>
                <Card title={t('help.loginTitle')} className="section-card">
                  <ol className="numbered-steps">
                    {loginSteps.map((step) => (
                      <li key={step}>{t(`help.steps.${step}`)}</li>
                    ))}
                  </ol>
                </Card>
                <Card title={t('help.casesTitle')} className="section-card">
                  <ol className="numbered-steps">
                    {caseSteps.map((step) => (
                      <li key={step}>{t(`help.caseSteps.${step}`)}</li>
                    ))}
                  </ol>
                </Card>
                <Card title={t('help.versionTitle')} className="section-card">
                  <Typography.Text>{t('help.version', { version: version ?? '—' })}</Typography.Text>
                </Card>
              </>
            ),
          },
          { key: 'contacts', label: t('help.contactsTab'), children: <ContactsSection /> },
        ]}
      />
    </div>
  );
}
