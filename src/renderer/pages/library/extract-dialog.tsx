import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DossierSummary } from '../../../shared/library';
import { errorText } from '../../i18n/error-text';
import { i18n } from '../../i18n';
import { api, errorCode } from '../../transport';

/**
 * 输入密码解压: for an archive that is itself encrypted. A wrong password stays in the dialog with
 * the reason under the field; one that opens the archive is kept by core as the open password.
 */
export function ExtractDialog({
  dossier,
  onClose,
  lead,
}: {
  dossier: DossierSummary;
  onClose: (extracted: DossierSummary | null) => void;
  /** Overrides the explanation (after 导入卷宗 it says the import itself went well). */
  lead?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function submit({ password }: { password: string }) {
    setBusy(true);
    setFailure(null);
    try {
      const result = await api['library.extract']({ id: dossier.id, password });
      if (result.extraction.state === 'needs-password') {
        form.setFields([{ name: 'password', errors: [i18n.t('errors.WRONG_PASSWORD')] }]);
        return;
      }
      void message.success(
        i18n.t(result.extraction.state === 'extracted' ? 'library.extractDone' : 'library.extractStarted'),
      );
      onClose(result);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'WRONG_PASSWORD' || code === 'PASSWORD_REQUIRED') {
        form.setFields([{ name: 'password', errors: [errorText(i18n, error)] }]);
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      centered
      width={520}
      title={
        <span>
          <UnlockOutlined className="heading-icon" aria-hidden="true" /> {t('extract.title')}
        </span>
      }
      onCancel={() => onClose(null)}
      maskClosable={false}
      footer={[
        <Button key="cancel" onClick={() => onClose(null)}>
          {t('extract.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => form.submit()}>
          {t('extract.ok')}
        </Button>,
      ]}
    >
      <Typography.Paragraph strong>{dossier.caseName}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{lead ?? t('extract.lead')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} disabled={busy} onFinish={(values) => void submit(values)}>
        <Form.Item
          name="password"
          label={t('extract.password')}
          rules={[{ required: true, whitespace: true, message: t('extract.placeholder') }]}
        >
          <Input.Password autoFocus autoComplete="off" maxLength={128} placeholder={t('extract.placeholder')} />
        </Form.Item>
      </Form>
      {failure ? <Alert type="error" showIcon role="alert" title={errorText(i18n, failure)} /> : null}
    </Modal>
  );
}
