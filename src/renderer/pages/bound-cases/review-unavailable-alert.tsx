import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A bound case whose unit has not opened 在线阅卷 (manual §4: pilots only): say so, and point to
 * 现场阅卷 through the unit's 案管大厅, with its numbers where the directory has them.
 */
export function ReviewUnavailableAlert({
  caseName,
  unit,
  caseHallPhones,
}: {
  caseName: string;
  unit: string;
  caseHallPhones: string[];
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      className="section-alert"
      data-testid="review-unavailable"
      title={t('review.unavailableTitle', { caseName, unit })}
      description={
        <>
          {t('review.unavailableDetail')}
          {caseHallPhones.length > 0 ? ` ${t('review.unavailablePhones', { phones: caseHallPhones.join('、') })}` : null}
        </>
      }
    />
  );
}
