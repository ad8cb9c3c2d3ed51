import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LibraryLockStatus } from '../../shared/contract';
import { errorText } from '../i18n/error-text';
import { i18n } from '../i18n';
import { hashOf } from '../state/routes';
import { api } from '../transport';
import { useLibraryLockStore } from './lock-store';

/**
 * The 卷宗库 lock screen: shown in place of 卷宗库 and the viewer while core says the library is locked.
 * `compact` is the form alone, for a dialog (显示密码).
 */
export function LibraryLockScreen({ compact = false, leave = false, onUnlocked }: { compact?: boolean; leave?: boolean; onUnlocked?: () => void }) {
  const { t } = useTranslation();
  const status = useLibraryLockStore((s) => s.status);
  const [passcode, setPasscode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function unlock(withPasscode: boolean) {
    setBusy(true);
    setError(null);
    try {
      const next: LibraryLockStatus = await api['library.unlock'](withPasscode ? { passcode } : {});
      useLibraryLockStore.getState().set(next);
      setPasscode('');
      onUnlocked?.();
    } catch (failure) {
      setError(failure);
      void useLibraryLockStore.getState().load().catch(() => undefined);
    } finally {
      setBusy(false);
    }
  }

  const lockedOut = status?.lockedOutUntil ? new Date(status.lockedOutUntil) : null;
  const form = (
    <Form layout="vertical" onFinish={() => void unlock(true)} requiredMark={false} data-testid="library-lock-form">
      <Form.Item label={t('libraryLock.passcode')} style={{ marginBottom: 12 }}>
        <Input.Password
          autoFocus
          autoComplete="off"
          maxLength={32}
          value={passcode}
          onChange={(event) => setPasscode(event.target.value)}
          data-testid="library-lock-passcode"
          aria-label={t('libraryLock.passcode')}
        />
      </Form.Item>
      {error ? <Alert style={{ marginBottom: 12 }} type="error" showIcon title={errorText(i18n, error)} data-testid="library-lock-error" /> : null}
      {lockedOut && !error ? (
        <Alert style={{ marginBottom: 12 }} type="warning" showIcon title={t('libraryLock.lockedOut', { time: lockedOut.toLocaleTimeString() })} />
      ) : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} disabled={passcode.length === 0}>
          {t('libraryLock.unlock')}
        </Button>
        {status?.method === 'os' ? (
          <Button onClick={() => void unlock(false)} disabled={busy}>
            {t('libraryLock.useOs')}
          </Button>
        ) : null}
        {leave ? (
          <Button type="link" onClick={() => (window.location.hash = hashOf('library'))}>
            {t('libraryLock.leave')}
          </Button>
        ) : null}
      </Space>
    </Form>
  );
  if (compact) return form;

  return (
    <div className="page library-lock-page" data-testid="library-lock-screen" style={{ display: 'flex', justifyContent: 'center', paddingTop: '12vh' }}>
      <Card className="section-card library-lock-card" style={{ maxWidth: 520, width: '100%', height: 'fit-content' }}>
        <Space align="start" size={16}>
          <LockOutlined className="library-lock-icon" aria-hidden="true" style={{ fontSize: 32, color: '#b8332e', marginTop: 4 }} />
          <div style={{ minWidth: 280 }}>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {t('libraryLock.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('libraryLock.lead')}</Typography.Paragraph>
            {form}
          </div>
        </Space>
      </Card>
    </div>
  );
}
