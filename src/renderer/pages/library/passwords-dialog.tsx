import { useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Modal, Skeleton, Space, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined, KeyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DossierSummary } from '../../../shared/library';
import { errorText } from '../../i18n/error-text';
import { i18n } from '../../i18n';
import { LibraryLockScreen } from '../../library-lock/library-lock-screen';
import { useLibraryLockStore } from '../../library-lock/lock-store';
import { api } from '../../transport';
import { maskSecret } from '../../util/mask';

function SecretValue({ value, label }: { value: string | null; label: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  if (!value) return <Typography.Text type="secondary">{t('libraryPasswords.none')}</Typography.Text>;
  return (
    <Space size={8} wrap>
      {shown ? (
        <Typography.Text className="mono-text secret-value">{value}</Typography.Text>
      ) : (
        <span className="masked-dots" aria-label={label}>
          {maskSecret(value).dots}
        </span>
      )}
      <Button
        size="small"
        type="link"
        icon={shown ? <EyeInvisibleOutlined aria-hidden="true" /> : <EyeOutlined aria-hidden="true" />}
        aria-label={`${shown ? t('libraryPasswords.hide') : t('libraryPasswords.show')} ${label}`}
        onClick={() => setShown(!shown)}
      >
        {shown ? t('libraryPasswords.hide') : t('libraryPasswords.show')}
      </Button>
      <Typography.Text
        copyable={{ text: value, tooltips: [t('libraryPasswords.copy'), t('libraryPasswords.copied')] }}
        aria-label={`${t('libraryPasswords.copy')} ${label}`}
      />
    </Space>
  );
}

/**
 * 显示密码: the dossier's stored passwords, fetched only when this dialog opens, masked until the
 * lawyer clicks 显示, and forgotten again when it closes.
 */
export function PasswordsDialog({ dossier, onClose }: { dossier: DossierSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const [passwords, setPasswords] = useState<{ download: string | null; open: string | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  // 卷宗库锁: LIBRARY_LOCKED asks for the passcode here (or, with no lock set, says to sign in again).
  const [attempt, setAttempt] = useState(0);
  const lock = useLibraryLockStore((s) => s.status);
  const locked = (error as { code?: unknown } | null)?.code === 'LIBRARY_LOCKED';

  useEffect(() => {
    let live = true;
    setError(null);
    api['library.passwords']({ id: dossier.id })
      .then((value) => live && setPasswords(value))
      .catch((failure: unknown) => {
        if (!live) return;
        setError(failure);
        if ((failure as { code?: unknown }).code === 'LIBRARY_LOCKED') void useLibraryLockStore.getState().load().catch(() => undefined);
      });
    return () => {
      live = false;
    };
  }, [dossier.id, attempt]);

  return (
    <Modal
      open
      centered
      width={520}
      title={
        <span>
          <KeyOutlined className="heading-icon" aria-hidden="true" /> {t('libraryPasswords.title')}
        </span>
      }
      onCancel={onClose}
      footer={[
        <Button key="close" type="primary" onClick={onClose}>
          {t('libraryPasswords.close')}
        </Button>,
      ]}
    >
      <Typography.Paragraph strong>{dossier.caseName}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('libraryPasswords.lead')}</Typography.Paragraph>
      {locked && lock?.enabled ? (
        <div data-testid="passwords-unlock">
          <Typography.Paragraph>{t('libraryLock.passwordsLead')}</Typography.Paragraph>
          <LibraryLockScreen compact onUnlocked={() => setAttempt((n) => n + 1)} />
        </div>
      ) : locked ? (
        <Alert type="warning" showIcon title={t('libraryLock.passwordsSignIn')} />
      ) : error ? (
        <Alert type="error" showIcon title={errorText(i18n, error)} />
      ) : passwords ? (
        <Descriptions
          bordered
          size="small"
          column={1}
          styles={{ label: { width: 150 } }}
          items={[
            {
              key: 'download',
              label: t('libraryPasswords.download'),
              children: <SecretValue value={passwords.download} label={t('libraryPasswords.download')} />,
            },
            {
              key: 'open',
              label: t('libraryPasswords.open'),
              children: <SecretValue value={passwords.open} label={t('libraryPasswords.open')} />,
            },
          ]}
        />
      ) : (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      )}
    </Modal>
  );
}
