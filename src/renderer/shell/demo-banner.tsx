import { ExperimentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Across the top whenever the portal is a mock, so nobody takes demo data for the real portal. */
export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <div className="demo-banner" role="status" aria-label={t('banner.title')}>
      <ExperimentOutlined aria-hidden="true" />
      <strong className="demo-banner-title">{t('banner.title')}</strong>
      <span className="demo-banner-detail">{t('banner.detail')}</span>
    </div>
  );
}
