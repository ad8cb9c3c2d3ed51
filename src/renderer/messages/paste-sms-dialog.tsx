import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Modal, Tag, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SmsPasteResult } from '../../shared/contract';
import { errorText } from '../i18n/error-text';
import { i18n } from '../i18n';
import { useAppInfoStore } from '../state/app-info-store';
import { api } from '../transport';
import { maskSecret } from '../util/mask';

/**
 * One password row. Core keeps the passwords to itself (the result carries none), so the row says
 * whether the matched appointment now holds one; a value, should one ever arrive, shows only as
 * dots and its length.
 */
function PasswordRow({ secret, saved }: { secret: string | null; saved: boolean | null }) {
  const { t } = useTranslation();
  if (secret) {
    const { dots, length } = maskSecret(secret);
    return (
      <span className="masked-secret">
        <span aria-hidden="true" className="masked-dots">
          {dots}
        </span>
        <Typography.Text type="secondary">{t('sms.length', { length })}</Typography.Text>
      </span>
    );
  }
  if (saved) {
    return (
      <span className="masked-secret">
        <span aria-hidden="true" className="masked-dots">
          {maskSecret('').dots}
        </span>
        <Typography.Text type="success">{t('appointments.saved')}</Typography.Text>
      </span>
    );
  }
  return <Typography.Text type="secondary">{saved === false ? t('appointments.notSaved') : t('sms.none')}</Typography.Text>;
}

/** Where the passwords went: the appointment, the case (and a dossier of it already in 卷宗库). */
function storedText(result: SmsPasteResult): string {
  const parts: string[] = [];
  if (result.attachedTo) parts.push(i18n.t('sms.storedFor', { caseName: result.attachedTo.caseName }));
  else if (result.kept) {
    const { caseName, unit } = result.kept;
    parts.push(unit ? i18n.t('sms.keptForUnit', { caseName, unit }) : i18n.t('sms.keptFor', { caseName }));
  }
  if (result.dossier) parts.push(i18n.t('sms.givenToDossier', { caseName: result.dossier.caseName }));
  return parts.join(' ');
}

/**
 * 【粘贴短信】: the lawyer pastes a portal SMS; core reads it and keeps its passwords for the
 * matching appointment. The dialog shows what was read — passwords only as dots and a length.
 */
export function PasteSmsDialog({ onClose, onStored }: { onClose: () => void; onStored?: () => void }) {
  const { t } = useTranslation();
  const secretStore = useAppInfoStore((s) => s.info?.secretStore ?? 'keychain');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<SmsPasteResult | null>(null);
  /** Which passwords the matched appointment holds now (from appointments.list). */
  const [held, setHeld] = useState<{ download: boolean; open: boolean } | null>(null);

  async function parse() {
    if (!text.trim()) {
      setError(new Error(t('sms.empty')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const next = await api['sms.paste']({ text });
      // The SMS text holds the passwords: it is not kept once read.
      setText('');
      let passwords: { download: boolean; open: boolean } | null = null;
      if (next.attachedTo) {
        const { appointmentId } = next.attachedTo;
        const appointments = await api['appointments.list']({}).catch(() => []);
        passwords = appointments.find((item) => item.id === appointmentId)?.passwords ?? null;
      } else if (next.kept) {
        const keptId = next.kept.id;
        const kept = await api['sms.kept']({}).catch(() => []);
        passwords = kept.find((item) => item.id === keptId)?.passwords ?? null;
      }
      if (next.attachedTo || next.kept) onStored?.();
      setHeld(passwords);
      setResult(next);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const parsed = result?.parsed;
  // Only these SMS may carry the dossier's passwords.
  const mayCarryPasswords = parsed?.kind === 'review-approved' || parsed?.kind === 'dossier-ready';

  return (
    <Modal
      open
      centered
      width={620}
      title={t('sms.title')}
      onCancel={onClose}
      maskClosable={false}
      footer={
        result
          ? [
              <Button key="again" onClick={() => setResult(null)}>
                {t('sms.again')}
              </Button>,
              <Button key="done" type="primary" onClick={onClose}>
                {t('sms.done')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={onClose}>
                {t('header.cancel')}
              </Button>,
              <Button key="parse" type="primary" loading={busy} onClick={() => void parse()}>
                {t('sms.parse')}
              </Button>,
            ]
      }
    >
      {result && parsed ? (
        <div className="sms-result" role="status">
          <Descriptions
            bordered
            size="small"
            column={1}
            styles={{ label: { width: 160 } }}
            items={[
              { key: 'kind', label: t('sms.kind'), children: <Tag color={parsed.kind === 'unknown' ? 'default' : 'blue'}>{t(`sms.kinds.${parsed.kind}`)}</Tag> },
              { key: 'case', label: t('sms.case'), children: parsed.caseName ?? <Typography.Text type="secondary">{t('sms.none')}</Typography.Text> },
              { key: 'unit', label: t('sms.unit'), children: parsed.unit ?? <Typography.Text type="secondary">{t('sms.none')}</Typography.Text> },
              {
                key: 'download',
                label: t('sms.downloadPassword'),
                children: <PasswordRow secret={parsed.downloadPassword} saved={held ? held.download : null} />,
              },
              {
                key: 'open',
                label: t('sms.openPassword'),
                children: <PasswordRow secret={parsed.openPassword} saved={held ? held.open : null} />,
              },
              {
                key: 'attached',
                label: t('sms.attachedTo'),
                children: result.attachedTo ? (
                  result.attachedTo.caseName
                ) : (
                  <Typography.Text type="secondary">{result.kept ? t('sms.keptCase') : t('sms.noMatch')}</Typography.Text>
                ),
              },
            ]}
          />
          {result.attachedTo || result.kept ? (
            <Alert
              type="success"
              showIcon
              icon={<LockOutlined />}
              className="sms-stored"
              title={secretStore === 'keychain' ? t('sms.storedKeychain') : t('sms.storedMemory')}
              description={storedText(result)}
            />
          ) : mayCarryPasswords ? (
            <Alert type="warning" showIcon className="sms-stored" title={t('sms.notStored')} />
          ) : parsed.kind === 'unknown' ? (
            <Alert type="warning" showIcon className="sms-stored" title={t('sms.unknownHint')} />
          ) : null}
        </div>
      ) : (
        <Form layout="vertical" onFinish={() => void parse()}>
          <Typography.Paragraph type="secondary">{t('sms.lead')}</Typography.Paragraph>
          <Form.Item label={t('sms.textLabel')} htmlFor="sms-text" className="sms-text-item">
            <Input.TextArea
              id="sms-text"
              value={text}
              autoFocus
              rows={6}
              maxLength={2000}
              placeholder={t('sms.placeholder')}
              onChange={(event) => {
                setText(event.target.value);
                if (error) setError(null);
              }}
            />
          </Form.Item>
          {error ? <Alert type="error" showIcon role="alert" title={errorText(i18n, error)} /> : null}
          <Typography.Paragraph type="secondary" className="sms-privacy">
            <LockOutlined aria-hidden="true" /> {t('sms.privacy')}
          </Typography.Paragraph>
        </Form>
      )}
    </Modal>
  );
}
