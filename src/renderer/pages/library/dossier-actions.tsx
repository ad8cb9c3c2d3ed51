import { useState } from 'react';
import { App, Button, Space } from 'antd';
import { DeleteOutlined, FolderOpenOutlined, KeyOutlined, ReadOutlined, RedoOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DossierSummary } from '../../../shared/library';
import { i18n } from '../../i18n';
import { useReportError } from '../../shell/use-report-error';
import { viewerHash } from '../../state/routes';
import { api, errorCode } from '../../transport';

/** A 卷宗库 row's actions; the dialogs they open live on the page. */
export function DossierActions({
  dossier,
  onShowPasswords,
  onAskPassword,
  onChanged,
}: {
  dossier: DossierSummary;
  onShowPasswords: () => void;
  onAskPassword: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const [busy, setBusy] = useState<'reveal' | 'extract' | null>(null);
  const state = dossier.extraction.state;

  async function reveal() {
    setBusy('reveal');
    try {
      await api['library.reveal']({ id: dossier.id });
    } catch (error) {
      report(error);
    } finally {
      setBusy(null);
    }
  }

  async function extract() {
    setBusy('extract');
    try {
      const result = await api['library.extract']({ id: dossier.id });
      if (result.extraction.state === 'needs-password') onAskPassword();
      else if (result.extraction.state === 'extracted') void message.success(i18n.t('library.extractDone'));
      onChanged();
    } catch (error) {
      const code = errorCode(error);
      if (code === 'PASSWORD_REQUIRED' || code === 'WRONG_PASSWORD') onAskPassword();
      else report(error);
    } finally {
      setBusy(null);
    }
  }

  function remove() {
    modal.confirm({
      title: t('library.removeConfirm', { caseName: dossier.caseName }),
      content: t('library.removeDetail'),
      okText: t('library.removeOk'),
      okButtonProps: { danger: true },
      cancelText: t('library.cancel'),
      onOk: async () => {
        try {
          await api['library.remove']({ id: dossier.id });
          void message.success(i18n.t('library.removed'));
          onChanged();
        } catch (error) {
          report(error);
        }
      },
    });
  }

  return (
    <Space size={[2, 2]} wrap className="dossier-actions">
      {state === 'extracted' ? (
        <Button
          size="small"
          type="primary"
          icon={<ReadOutlined aria-hidden="true" />}
          data-testid="library-read"
          onClick={() => {
            window.location.hash = viewerHash(dossier.id);
          }}
        >
          {t('library.read')}
        </Button>
      ) : null}
      {dossier.passwords.download || dossier.passwords.open ? (
        <Button size="small" type="link" icon={<KeyOutlined aria-hidden="true" />} onClick={onShowPasswords}>
          {t('library.showPasswords')}
        </Button>
      ) : null}
      <Button
        size="small"
        type="link"
        icon={<FolderOpenOutlined aria-hidden="true" />}
        loading={busy === 'reveal'}
        onClick={() => void reveal()}
      >
        {t('library.reveal')}
      </Button>
      {state === 'needs-password' ? (
        <Button size="small" type="link" icon={<UnlockOutlined aria-hidden="true" />} onClick={onAskPassword}>
          {t('library.extractWithPassword')}
        </Button>
      ) : (
        <Button
          size="small"
          type="link"
          icon={<RedoOutlined aria-hidden="true" />}
          disabled={state === 'extracting'}
          loading={busy === 'extract'}
          onClick={() => void extract()}
        >
          {t('library.reextract')}
        </Button>
      )}
      <Button size="small" type="link" danger icon={<DeleteOutlined aria-hidden="true" />} onClick={remove}>
        {t('library.remove')}
      </Button>
    </Space>
  );
}
