import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Modal, Spin, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { QrSession, StepUpActionName } from '../../shared/contract';
import { errorText } from '../i18n/error-text';
import { i18n } from '../i18n';
import { formatSeconds, useCountdown } from '../pages/use-countdown';
import { useQrImage } from '../qr/use-qr-image';
import { api, on } from '../transport';

function stop(id: string): void {
  // Best effort: core forgets a verification on its own once it ends.
  api['auth.qrStop']({ id }).catch(() => undefined);
}

/**
 * 律师身份核验 for a guarded action (manual §2 注): a verify QR for the lawyer's phone, followed
 * until confirmed. An expired QR is replaced at once; a cancelled one waits for the lawyer to ask
 * for a new one. On confirmation the dialog hands the verification's id back and closes.
 */
export function StepUpDialog({
  action,
  onConfirmed,
  onCancel,
}: {
  action: StepUpActionName;
  onConfirmed: (stepUpId: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<QrSession | null>(null);
  const [refreshed, setRefreshed] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const current = useRef<QrSession | null>(null);
  const starting = useRef(false);
  const mounted = useRef(false);
  const done = useRef(onConfirmed);
  done.current = onConfirmed;

  const start = useCallback(
    async (afterExpiry: boolean) => {
      if (starting.current) return;
      starting.current = true;
      const previous = current.current;
      current.current = null;
      if (previous && previous.state !== 'cancelled' && previous.state !== 'expired') stop(previous.id);
      setError(null);
      try {
        const next = await api['stepUp.start']({ action });
        if (!mounted.current) {
          stop(next.id);
          return;
        }
        current.current = next;
        setQr(next);
        setRefreshed(afterExpiry);
      } catch (failure) {
        if (mounted.current) setError(failure);
      } finally {
        starting.current = false;
      }
    },
    [action],
  );

  useEffect(() => {
    mounted.current = true;
    void start(false);
    const off = on('auth.qrState', (update) => {
      if (update.id !== current.current?.id) return;
      current.current = update;
      setQr(update);
      if (update.state === 'scanned') setRefreshed(false);
      if (update.state === 'expired') void start(true);
      if (update.state === 'confirmed') done.current(update.id);
    });
    return () => {
      mounted.current = false;
      off();
      const last = current.current;
      current.current = null;
      if (last && (last.state === 'waiting' || last.state === 'scanned')) stop(last.id);
    };
  }, [start]);

  const { image, error: drawError } = useQrImage(qr?.qrText ?? null);
  const secondsLeft = useCountdown(qr?.expiresAt ?? null);
  const live = qr !== null && (qr.state === 'waiting' || qr.state === 'scanned');
  // Core reports expiry too; this covers a missed event.
  useEffect(() => {
    if (live && secondsLeft === 0) void start(true);
  }, [live, secondsLeft, start]);

  const state = qr?.state;
  const failure = error ?? drawError;

  return (
    <Modal
      open
      centered
      width={560}
      title={
        <span className="step-up-title">
          <SafetyCertificateOutlined className="heading-icon" aria-hidden="true" />
          {t('stepUp.title')}
        </span>
      }
      onCancel={onCancel}
      maskClosable={false}
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {t('stepUp.cancel')}
        </Button>,
      ]}
    >
      <Typography.Paragraph className="step-up-lead">{t('stepUp.lead', { action: t(`stepUp.actions.${action}`) })}</Typography.Paragraph>
      <div className="step-up-body">
        <div className="qr-frame" aria-busy={!image}>
          {image && qr ? (
            <img src={image} alt={t('stepUp.alt')} data-testid="step-up-qr" width={240} height={240} className="qr-image" />
          ) : (
            <Spin description={t('qr.loading')} />
          )}
          {state === 'scanned' || state === 'confirmed' ? (
            <div className="qr-overlay">
              <CheckCircleFilled className="qr-overlay-icon" aria-hidden="true" />
              <span>{state === 'confirmed' ? t('stepUp.confirmed') : t('qr.scanned')}</span>
            </div>
          ) : state === 'cancelled' ? (
            <div className="qr-overlay">
              <CloseCircleFilled className="qr-overlay-icon cancelled" aria-hidden="true" />
              <Button type="primary" icon={<ReloadOutlined aria-hidden="true" />} onClick={() => void start(false)}>
                {t('stepUp.newQr')}
              </Button>
            </div>
          ) : null}
        </div>
        <div className="step-up-side">
          <Typography.Paragraph strong className="qr-instructions">
            {t('stepUp.instructions')}
          </Typography.Paragraph>
          <div role="status" aria-live="polite" className="qr-status">
            {failure ? (
              <Alert type="error" showIcon title={errorText(i18n, failure)} />
            ) : state === 'scanned' ? (
              <Alert
                type="success"
                showIcon
                title={t('qr.scanned')}
                description={qr?.scannedBy ? t('qr.scannedBy', { name: qr.scannedBy }) : undefined}
              />
            ) : state === 'cancelled' ? (
              <Alert type="warning" showIcon title={t('stepUp.cancelled')} />
            ) : state === 'confirmed' ? (
              <Alert type="success" showIcon title={t('stepUp.confirmed')} />
            ) : refreshed ? (
              <Alert type="info" showIcon title={t('qr.expired')} />
            ) : null}
          </div>
          {live ? (
            <div className="qr-countdown">
              {state === 'waiting' ? <Badge status="processing" text={t('qr.waiting')} /> : null}
              <Typography.Text type="secondary">{t('qr.expiresIn', { time: formatSeconds(secondsLeft) })}</Typography.Text>
            </div>
          ) : null}
          {failure ? (
            <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={() => void start(false)}>
              {t('qr.refresh')}
            </Button>
          ) : null}
        </div>
      </div>
    </Modal>
  );
}
