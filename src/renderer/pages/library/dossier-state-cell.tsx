import { Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DossierSummary } from '../../../shared/library';
import { errorText } from '../../i18n/error-text';
import { i18n } from '../../i18n';

/** 解压中 n% / 已解压 / 需要密码 / 解压失败 and why. */
export function DossierStateCell({ dossier }: { dossier: DossierSummary }) {
  const { t } = useTranslation();
  const { state, percent, error } = dossier.extraction;
  switch (state) {
    case 'extracting':
      return (
        <div className="stacked-cell">
          <Tag color="processing">
            {percent !== null ? t('library.states.extractingPercent', { percent: Math.floor(percent) }) : t('library.states.extracting')}
          </Tag>
          {percent !== null ? <Progress percent={Math.floor(percent)} size="small" showInfo={false} status="active" /> : null}
        </div>
      );
    case 'extracted':
      return <Tag color="success">{t('library.states.extracted')}</Tag>;
    case 'needs-password':
      return <Tag color="warning">{t('library.states.needs-password')}</Tag>;
    case 'failed':
      return (
        <div className="stacked-cell">
          <Tag color="error">{t('library.states.failed')}</Tag>
          {error ? (
            <Typography.Text type="danger" className="cell-note">
              {errorText(i18n, error)}
            </Typography.Text>
          ) : null}
        </div>
      );
    case 'pending':
      return <Tag>{t('library.states.pending')}</Tag>;
  }
}
