import { useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Modal, Skeleton, Space, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined, KeyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DossierSummary } from '../../../shared/library';
import { errorText } from '../../i18n/error-text';
import { i18n } from '../../i18n';
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

  useEffect(() => {
    let live = true;
    api['library.passwords']({ id: dossier.id })
      .then((value) => live && setPasswords(value))
      .catch((failure: unknown) => live && setError(failure));
    return () => {
      live = false;
    };
  }, [dossier.id]);

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
      {error ? (
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
