import { useState } from 'react';
import { Alert, Button, Checkbox, Modal, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BoundCaseView } from '../../../shared/portal-wire';
import { useReportError } from '../../shell/use-report-error';
import { useGuarded } from '../../step-up/guarded';
import { api, errorCode } from '../../transport';
import { useRemote } from '../../util/use-remote';
import { RemoteAlert } from '../remote-alert';
import { ReviewUnavailableAlert } from './review-unavailable-alert';

/**
 * 申请在线阅卷须知 (manual §4): the notice, scrollable; 我已阅读以上条款 enables 【确定】, which
 * applies (scanning first when the portal asks) and reports success to the caller.
 */
export function ReviewNoticeDialog({
  boundCase,
  caseHallPhones,
  onClose,
  onSubmitted,
}: {
  boundCase: BoundCaseView;
  /** The unit's 案管大厅 numbers, named should the portal say its online review is not open. */
  caseHallPhones: string[];
  onClose: () => void;
  onSubmitted: () => void;
}) {
  const { t } = useTranslation();
  const notice = useRemote(() => api['reviews.notice']({}));
  const guarded = useGuarded();
  const report = useReportError();
  const [accepted, setAccepted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [unavailable, setUnavailable] = useState(false);

  async function apply() {
    if (!notice.data) return;
    const noticeVersion = notice.data.version;
    setBusy(true);
    try {
      await guarded('review', (stepUpId) =>
        api['reviews.apply']({
          bindingId: boundCase.bindingId,
          acceptNotice: true,
          noticeVersion,
          ...(stepUpId ? { stepUpId } : {}),
        }),
      );
      onSubmitted();
    } catch (error) {
      // The unit is no 在线阅卷 pilot after all: say so where the lawyer looks, with the way to 现场阅卷.
      if (errorCode(error) === 'REVIEW_UNAVAILABLE') setUnavailable(true);
      else report(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      centered
      width={680}
      title={t('review.noticeTitle')}
      onCancel={onClose}
      maskClosable={false}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={busy}>
          {t('header.cancel')}
        </Button>,
        <Button key="ok" type="primary" disabled={!accepted || !notice.data || unavailable} loading={busy} onClick={() => void apply()}>
          {t('header.ok')}
        </Button>,
      ]}
    >
      <Alert
        type="info"
        className="notice-case"
        title={t('review.noticeFor', { caseName: boundCase.caseName, unit: boundCase.procuratorate.name })}
      />
      {unavailable ? (
        <ReviewUnavailableAlert caseName={boundCase.caseName} unit={boundCase.procuratorate.name} caseHallPhones={caseHallPhones} />
      ) : null}
      <RemoteAlert error={notice.error} onRetry={() => void notice.reload()} />
      <div className="notice-text" tabIndex={0} role="document" aria-label={t('review.noticeTitle')}>
        {notice.data ? (
          <Typography.Paragraph className="notice-paragraphs">{notice.data.text}</Typography.Paragraph>
        ) : notice.error ? null : (
          <Skeleton active paragraph={{ rows: 8 }} />
        )}
      </div>
      <Checkbox checked={accepted} disabled={!notice.data} onChange={(event) => setAccepted(event.target.checked)} className="notice-accept">
        {t('review.accept')}
      </Checkbox>
    </Modal>
  );
}
