import { useState } from 'react';
import { App, Badge, Card, Descriptions, Radio, Skeleton, Space, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/contract';
import { api } from '../transport';
import { i18n } from '../i18n';
import { PageTitle } from '../shell/page-title';
import { useReportError } from '../shell/use-report-error';
import { useAppInfoStore } from '../state/app-info-store';
import { useSettingsStore } from '../state/settings-store';
import { LibraryLockCard } from '../library-lock/library-lock-card';
import { LibraryFolderCard } from './library-folder-card';
import { PickupSettingsCard } from './pickup-settings-card';
import { PortalSiteCard } from './portal-site-card';
import { UnpackLimitCard } from './unpack-limit-card';

/** 设置: language, where dossiers are saved, and where the app connects and keeps its secrets. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const locale = useSettingsStore((s) => s.settings.locale);
  const setLocale = useSettingsStore((s) => s.setLocale);
  const info = useAppInfoStore((s) => s.info);
  const watermark = useSettingsStore((s) => s.settings.watermark);
  const [savingWatermark, setSavingWatermark] = useState(false);

  async function setWatermark(on: boolean) {
    setSavingWatermark(true);
    try {
      const settings = await api['settings.update']({ watermark: on });
      useSettingsStore.setState({ settings });
      void message.success(i18n.t(on ? 'settings.watermarkOn' : 'settings.watermarkOff'));
    } catch (error) {
      report(error);
    } finally {
      setSavingWatermark(false);
    }
  }

  return (
    <div className="page">
      <PageTitle title={t('settings.title')} />
      <Card title={t('settings.language')} className="section-card">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          aria-label={t('settings.language')}
          value={locale}
          onChange={(event) =>
            void setLocale(event.target.value as Locale)
              .then(() => message.success(i18n.t('settings.saved')))
              .catch(report)
          }
          options={[
            { label: t('settings.languageZh'), value: 'zh-CN' },
            { label: t('settings.languageEn'), value: 'en' },
          ]}
        />
      </Card>
      <LibraryFolderCard />
      <UnpackLimitCard />
      <LibraryLockCard />
      <PortalSiteCard />
      <PickupSettingsCard />
      <Card title={t('settings.watermark')} className="section-card">
        <Space size={10}>
          <Switch
            aria-label={t('settings.watermarkLabel')}
            checked={watermark}
            loading={savingWatermark}
            data-testid="settings-watermark"
            onChange={(on) => void setWatermark(on)}
          />
          <span aria-hidden="true">{t('settings.watermarkLabel')}</span>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('settings.watermarkLead')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('settings.portal')} className="section-card">
        {info ? (
          <Descriptions
            column={1}
            size="middle"
            styles={{ label: { width: 180 } }}
            items={[
              {
                key: 'url',
                label: t('settings.portalUrl'),
                children: <Typography.Text copyable>{info.portal.url}</Typography.Text>,
              },
              ...(info.portal.name ? [{ key: 'name', label: t('settings.portalName'), children: info.portal.name }] : []),
              {
                key: 'kind',
                label: t('settings.portalKind'),
                children: info.portal.mock ? (
                  <Tag color="orange">{t('settings.portalMock')}</Tag>
                ) : (
                  <Tag color="blue">{t('settings.portalReal')}</Tag>
                ),
              },
              {
                key: 'reachable',
                label: t('settings.portalReachable'),
                children: info.portal.reachable ? (
                  <Badge status="success" text={t('settings.reachable')} />
                ) : (
                  <Badge status="error" text={t('settings.unreachable')} />
                ),
              },
              {
                key: 'secrets',
                label: t('settings.secretStore'),
                children: info.secretStore === 'keychain' ? t('settings.keychain') : t('settings.memory'),
              },
              { key: 'version', label: t('settings.version'), children: info.version },
            ]}
          />
        ) : (
          <Skeleton active paragraph={{ rows: 3 }} />
        )}
      </Card>
    </div>
  );
}
