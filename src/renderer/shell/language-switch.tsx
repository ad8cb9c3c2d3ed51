import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/contract';
import { useSettingsStore } from '../state/settings-store';
import { useReportError } from './use-report-error';

/** 中文 / EN, persisted through settings.update. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' | 'large' }) {
  const { t } = useTranslation();
  const locale = useSettingsStore((s) => s.settings.locale);
  const setLocale = useSettingsStore((s) => s.setLocale);
  const report = useReportError();
  return (
    <Segmented<Locale>
      size={size}
      aria-label={t('header.language')}
      value={locale}
      onChange={(value) => void setLocale(value).catch(report)}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
