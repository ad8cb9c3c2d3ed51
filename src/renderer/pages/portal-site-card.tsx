import { useEffect, useState } from 'react';
import { App, Button, Card, Input, Radio, Space, Typography } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n';
import { PortalSiteButton } from '../portal-site/portal-site-button';
import { useReportError } from '../shell/use-report-error';
import { useAppInfoStore } from '../state/app-info-store';
import { useSettingsStore } from '../state/settings-store';

/** A web address the settings accept (core checks it again). */
function isWebAddress(text: string): boolean {
  return /^https?:\/\/[^\s/]+/i.test(text.trim()) && URL.canParse(text.trim());
}

/**
 * 设置 ▸ 门户网站: which site 【门户网站】 opens — the real 12309 中国检察网 (its address can be changed), or,
 * while the app runs on the bundled demo portal, that portal's site.
 */
export function PortalSiteCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const demoAvailable = useAppInfoStore((s) => s.info?.portal.mock ?? false);
  const useReal = useSettingsStore((s) => s.settings.useRealPortalSite);
  const saved = useSettingsStore((s) => s.settings.realPortalUrl);
  const update = useSettingsStore((s) => s.update);
  const [draft, setDraft] = useState(saved);
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(saved), [saved]);

  async function save(change: { useRealPortalSite?: boolean; realPortalUrl?: string }) {
    if (change.realPortalUrl !== undefined && !isWebAddress(change.realPortalUrl)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setBusy(true);
    try {
      await update(change);
      void message.success(i18n.t('settings.saved'));
    } catch (error) {
      report(error);
    } finally {
      setBusy(false);
    }
  }

  const real = useReal || !demoAvailable;
  return (
    <Card
      title={
        <span>
          <GlobalOutlined className="heading-icon" aria-hidden="true" /> {t('portalSite.settingsTitle')}
        </span>
      }
      className="section-card"
      extra={<PortalSiteButton size="small" />}
    >
      <Typography.Paragraph type="secondary">{t('portalSite.lead')}</Typography.Paragraph>
      {demoAvailable ? (
        <Radio.Group
          aria-label={t('portalSite.settingsTitle')}
          value={real ? 'real' : 'demo'}
          disabled={busy}
          onChange={(event) => void save({ useRealPortalSite: event.target.value === 'real' })}
          options={[
            { label: t('portalSite.demo'), value: 'demo' },
            { label: t('portalSite.real'), value: 'real' },
          ]}
        />
      ) : null}
      <Space.Compact block className="portal-site-url">
        <Input
          aria-label={t('portalSite.url')}
          placeholder={t('portalSite.url')}
          value={draft}
          status={invalid ? 'error' : undefined}
          maxLength={500}
          onChange={(event) => {
            setDraft(event.target.value);
            setInvalid(false);
          }}
          onPressEnter={() => void save({ realPortalUrl: draft.trim() })}
        />
        <Button type="primary" disabled={draft.trim() === saved} loading={busy} onClick={() => void save({ realPortalUrl: draft.trim() })}>
          {t('settings.libraryFolderSave')}
        </Button>
      </Space.Compact>
      {invalid ? (
        <Typography.Text type="danger" role="alert" className="cell-note">
          {t('portalSite.urlInvalid')}
        </Typography.Text>
      ) : null}
      <Typography.Paragraph type="secondary" className="cell-note portal-site-note">
        {t('portalSite.privacy')}
      </Typography.Paragraph>
    </Card>
  );
}
