import { useState } from 'react';
import { App, Card, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n';
import { useReportError } from '../shell/use-report-error';
import { useSettingsStore } from '../state/settings-store';

/**
 * 设置 ▸ 解压大小上限: how large one archive may unpack to. An archive over it (or one that unpacks to
 * hundreds of times its size) is refused before anything is written; a dossier that really is that
 * big gets a higher limit here.
 */
export function UnpackLimitCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const saved = useSettingsStore((s) => s.settings.maxUnpackedGb);
  const update = useSettingsStore((s) => s.update);
  const [busy, setBusy] = useState(false);

  async function save(value: number | null) {
    if (value === null || value === saved) return;
    setBusy(true);
    try {
      await update({ maxUnpackedGb: value });
      void message.success(i18n.t('settings.saved'));
    } catch (error) {
      report(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('settings.unpackLimit')} className="section-card">
      <Space size={10} align="center">
        <InputNumber
          aria-label={t('settings.unpackLimit')}
          min={1}
          max={4096}
          precision={0}
          value={saved}
          disabled={busy}
          suffix="GB"
          onBlur={(event) => void save(Number.parseInt(event.target.value, 10) || null)}
          onPressEnter={(event) => void save(Number.parseInt((event.target as HTMLInputElement).value, 10) || null)}
        />
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('settings.unpackLimitLead')}
      </Typography.Paragraph>
    </Card>
  );
}
