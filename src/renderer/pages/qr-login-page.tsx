import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Card, Space, Spin, Typography } from 'antd';
import { CheckCircleFilled, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { QrSession } from '../../shared/contract';
import { errorText } from '../i18n/error-text';
import { i18n } from '../i18n';
import { useQrImage } from '../qr/use-qr-image';
import { navigate } from '../state/route-store';
import { api, on } from '../transport';
import { formatSeconds, useCountdown } from './use-countdown';

type Refresh = 'expired' | 'cancelled' | null;

function stop(id: string): void {
  // Best effort: core also forgets QR sessions on its own when they expire.
  api['auth.qrStop']({ id }).catch(() => undefined);
}

/**
 * 律师身份核验扫码: shows the QR of a fresh login session and follows its state. An expired or
 * cancelled QR is replaced at once; a confirmed one ends here, the session event moving the UI on.
 */
export function QrLoginPage() {
  const { t } = useTranslation();
  const [qr, setQr] = useState<QrSession | null>(null);
  const [refreshed, setRefreshed] = useState<Refresh>(null);
  const [error, setError] = useState<unknown>(null);
  const current = useRef<QrSession | null>(null);
  const starting = useRef(false);
  const mounted = useRef(false);

  const start = useCallback(async (reason: Refresh) => {
    if (starting.current) return;
    starting.current = true;
    const previous = current.current;
    current.current = null;
    if (previous) stop(previous.id);
    setError(null);
    try {
      const next = await api['auth.qrStart']({});
      if (!mounted.current) {
        stop(next.id);
        return;
      }
      current.current = next;
      setQr(next);
      setRefreshed(reason);
    } catch (failure) {
      if (mounted.current) setError(failure);
    } finally {
      starting.current = false;
    }
  }, []);

  useEffect(() => {
    mounted.current = true;
    void start(null);
    const off = on('auth.qrState', (update) => {
      if (update.id !== current.current?.id) return;
      current.current = update;
      setQr(update);
      if (update.state === 'scanned') setRefreshed(null);
      if (update.state === 'cancelled') void start('cancelled');
      if (update.state === 'expired') void start('expired');
    });
    return () => {
      mounted.current = false;
      off();
      const last = current.current;
      current.current = null;
      if (last) stop(last.id);
    };
  }, [start]);

  const { image, error: drawError } = useQrImage(qr?.qrText ?? null);
  const secondsLeft = useCountdown(qr?.expiresAt ?? null);
  const live = qr && (qr.state === 'waiting' || qr.state === 'scanned');
  // Core reports expiry too; this covers a missed event.
  useEffect(() => {
    if (live && secondsLeft === 0) void start('expired');
  }, [live, secondsLeft, start]);

  const scanned = qr?.state === 'scanned';
  const confirmed = qr?.state === 'confirmed';

  return (
    <div className="centered-page">
      <Card className="qr-card">
        <Typography.Title level={2} className="card-heading">
          {t('qr.title')}
        </Typography.Title>
        <div className="qr-body">
          <div className="qr-frame" aria-busy={!image}>
            {image && qr ? (
              <img src={image} alt={t('qr.alt')} data-testid="login-qr" width={240} height={240} className="qr-image" />
            ) : (
              <Spin description={t('qr.loading')} />
            )}
            {scanned || confirmed ? (
              <div className="qr-overlay">
                <CheckCircleFilled className="qr-overlay-icon" aria-hidden="true" />
                <span>{confirmed ? t('qr.confirmed') : t('qr.scanned')}</span>
              </div>
            ) : null}
          </div>
          <div className="qr-side">
            <Typography.Paragraph strong className="qr-instructions">
              {t('qr.instructions')}
            </Typography.Paragraph>
            <ol className="numbered-steps compact">
              {(['open', 'scan', 'confirm'] as const).map((step) => (
                <li key={step}>{t(`qr.steps.${step}`)}</li>
              ))}
            </ol>
            <div role="status" aria-live="polite" className="qr-status">
              {error || drawError ? (
                <Alert type="error" showIcon title={errorText(i18n, error ?? drawError)} />
              ) : scanned ? (
                <Alert
                  type="success"
                  showIcon
                  title={t('qr.scanned')}
                  description={qr?.scannedBy ? t('qr.scannedBy', { name: qr.scannedBy }) : undefined}
                />
              ) : confirmed ? (
                <Alert type="success" showIcon title={t('qr.confirmed')} />
              ) : refreshed ? (
                <Alert type={refreshed === 'cancelled' ? 'warning' : 'info'} showIcon title={t(`qr.${refreshed}`)} />
              ) : null}
            </div>
            {live ? (
              <div className="qr-countdown">
                {qr.state === 'waiting' ? <Badge status="processing" text={t('qr.waiting')} /> : null}
                <Typography.Text type="secondary">
                  {t('qr.expiresIn', { time: formatSeconds(secondsLeft) })}
                </Typography.Text>
              </div>
            ) : null}
            <Space className="qr-actions">
              <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={() => void start(null)}>
                {t('qr.refresh')}
              </Button>
              <Button type="text" onClick={() => navigate('login')}>
                {t('qr.back')}
              </Button>
            </Space>
          </div>
        </div>
      </Card>
    </div>
  );
}
