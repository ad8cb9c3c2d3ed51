import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Skeleton, Space, Tag, Typography } from 'antd';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LibraryLockStatus } from '../../shared/contract';
import { i18n } from '../i18n';
import { useReportError } from '../shell/use-report-error';
import { useAppInfoStore } from '../state/app-info-store';
import { api } from '../transport';
import { useLibraryLockStore, watchLibraryLock } from './lock-store';

type Mode = 'idle' | 'set' | 'change' | 'remove';

interface Fields {
  current?: string;
  next?: string;
  confirm?: string;
}

// Windows Hello has no Electron API: there the passcode is the way, and the card says so.
const onWindows = /Windows/i.test(navigator.userAgent);
const MIN = 4;
const MAX = 32;

/**
 * 设置 ▸ 卷宗库锁: set, change or remove the passcode that opens 卷宗库 and shows the dossiers'
 * passwords; lock now. Core keeps only a slow hash of it, in the keychain.
 */
export function LibraryLockCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const status = useLibraryLockStore((s) => s.status);
  const [mode, setMode] = useState<Mode>('idle');
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Fields>();
  const memoryOnly = useAppInfoStore((s) => s.info?.secretStore === 'memory');
  useEffect(() => watchLibraryLock(), []);

  async function run(work: () => Promise<LibraryLockStatus>, done: 'libraryLock.removed' | 'libraryLock.saved') {
    setBusy(true);
    try {
      useLibraryLockStore.getState().set(await work());
      form.resetFields();
      setMode('idle');
      void message.success(i18n.t(done));
    } catch (error) {
      report(error);
    } finally {
      setBusy(false);
    }
  }

  function submit(fields: Fields) {
    if (mode === 'remove') {
      void run(() => api['library.disableLock']({ passcode: fields.current ?? '' }), 'libraryLock.removed');
      return;
    }
    const next = fields.next ?? '';
    void run(
      () => api['library.setPasscode']({ ...(mode === 'change' ? { current: fields.current ?? '' } : {}), next }),
      'libraryLock.saved',
    );
  }

  const nextRules = [
    { required: true, message: t('libraryLock.tooShort') },
    { min: MIN, message: t('libraryLock.tooShort') },
    { max: MAX, message: t('libraryLock.tooLong') },
  ];

  const editing =
    mode === 'idle' ? null : (
      <Form<Fields>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        style={{ maxWidth: 360, marginTop: 12 }}
        data-testid="library-lock-settings-form"
      >
        {mode !== 'set' ? (
          <Form.Item name="current" label={t('libraryLock.current')} rules={[{ required: true, message: t('libraryLock.current') }]}>
            <Input.Password autoComplete="off" maxLength={MAX} data-testid="library-lock-current" />
          </Form.Item>
        ) : null}
        {mode !== 'remove' ? (
          <>
            <Form.Item name="next" label={t('libraryLock.next')} rules={nextRules}>
              <Input.Password autoComplete="new-password" maxLength={MAX} data-testid="library-lock-next" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('libraryLock.confirm')}
              dependencies={['next']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    value === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error(t('libraryLock.mismatch'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" maxLength={MAX} data-testid="library-lock-confirm" />
            </Form.Item>
          </>
        ) : null}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} danger={mode === 'remove'}>
            {mode === 'remove' ? t('libraryLock.removeLock') : t('libraryLock.save')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setMode('idle');
            }}
          >
            {t('libraryLock.cancel')}
          </Button>
        </Space>
      </Form>
    );

  return (
    <Card title={t('libraryLock.cardTitle')} className="section-card" data-testid="library-lock-settings">
      {status ? (
        <>
          <Space size={8} wrap>
            {status.enabled ? (
              <Tag color="green" icon={<LockOutlined aria-hidden="true" />}>
                {t('libraryLock.cardOn')}
              </Tag>
            ) : (
              <Tag icon={<UnlockOutlined aria-hidden="true" />}>{t('libraryLock.cardOff')}</Tag>
            )}
            {mode === 'idle' && !status.enabled ? (
              <Button type="primary" onClick={() => setMode('set')} disabled={status.passwordsNeedSignIn}>
                {t('libraryLock.setPasscode')}
              </Button>
            ) : null}
            {mode === 'idle' && status.enabled ? (
              <>
                <Button onClick={() => setMode('change')}>{t('libraryLock.changePasscode')}</Button>
                <Button danger onClick={() => setMode('remove')}>
                  {t('libraryLock.removeLock')}
                </Button>
                <Button
                  icon={<LockOutlined aria-hidden="true" />}
                  onClick={() => void api['library.lock']({}).then((next) => useLibraryLockStore.getState().set(next), report)}
                >
                  {t('libraryLock.lockNow')}
                </Button>
              </>
            ) : null}
          </Space>
          {status.passwordsNeedSignIn ? <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('libraryLock.cardSignedOut')} /> : null}
          {editing}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('libraryLock.cardLead')}
          </Typography.Paragraph>
          {memoryOnly ? <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('libraryLock.memoryOnly')} /> : null}
          {status.method === 'os' || onWindows ? (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t(status.method === 'os' ? 'libraryLock.osNote' : 'libraryLock.windowsNote')}
            </Typography.Paragraph>
          ) : null}
        </>
      ) : (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      )}
    </Card>
  );
}
