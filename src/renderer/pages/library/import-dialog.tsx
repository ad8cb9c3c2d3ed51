import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Typography, Upload, type UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DossierSummary } from '../../../shared/library';
import { errorText } from '../../i18n/error-text';
import { i18n } from '../../i18n';
import { api, errorCode, importSource } from '../../transport';
import { archiveAccept, isDossierArchiveName } from './archive-name';

type Phase = 'idle' | 'staging' | 'importing';

/**
 * 导入卷宗: an archive downloaded elsewhere (a browser, another machine), with an optional case name
 * and 卷宗文档打开密码. The file goes to core through the transport (its path under Electron, a
 * staged copy on the web host); antd never uploads it on its own.
 */
export function ImportDialog({
  initialFile,
  onClose,
}: {
  initialFile: File | null;
  /** The imported dossier, or null when the lawyer closed the dialog. */
  onClose: (imported: DossierSummary | null) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ caseName?: string; password?: string }>();
  const [file, setFile] = useState<File | null>(initialFile && isDossierArchiveName(initialFile.name) ? initialFile : null);
  const [fileError, setFileError] = useState<string | null>(
    initialFile && !isDossierArchiveName(initialFile.name) ? t('importDialog.wrongType') : null,
  );
  const [phase, setPhase] = useState<Phase>('idle');
  const [failure, setFailure] = useState<unknown>(null);
  const busy = phase !== 'idle';

  function choose(next: File): void {
    setFailure(null);
    if (!isDossierArchiveName(next.name)) {
      setFileError(t('importDialog.wrongType'));
      return;
    }
    setFileError(null);
    setFile(next);
  }

  async function submit(values: { caseName?: string; password?: string }) {
    if (!file) {
      setFileError(t('importDialog.fileRequired'));
      return;
    }
    setFailure(null);
    try {
      setPhase('staging');
      const source = await importSource(file);
      setPhase('importing');
      const caseName = values.caseName?.trim();
      const imported = await api['library.import']({
        source,
        caseName: caseName ? caseName : undefined,
        password: values.password ? values.password : undefined,
      });
      if (imported.extraction.state !== 'needs-password') void message.success(i18n.t('importDialog.done'));
      onClose(imported);
    } catch (error) {
      if (errorCode(error) === 'WRONG_PASSWORD') {
        form.setFields([{ name: 'password', errors: [errorText(i18n, error)] }]);
      } else {
        setFailure(error);
      }
    } finally {
      setPhase('idle');
    }
  }

  const fileList: UploadFile[] = file ? [{ uid: 'dossier-archive', name: file.name, size: file.size, status: 'done' }] : [];

  return (
    <Modal
      open
      centered
      width={560}
      title={t('importDialog.title')}
      onCancel={() => (busy ? undefined : onClose(null))}
      maskClosable={false}
      modalRender={(node) => <div data-testid="import-dialog">{node}</div>}
      footer={[
        <Button key="cancel" disabled={busy} onClick={() => onClose(null)}>
          {t('importDialog.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => form.submit()}>
          {phase === 'staging' ? t('importDialog.uploading') : phase === 'importing' ? t('importDialog.importing') : t('importDialog.ok')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('importDialog.lead')}</Typography.Paragraph>
      <Upload.Dragger
        accept={archiveAccept}
        multiple={false}
        maxCount={1}
        disabled={busy}
        fileList={fileList}
        // Never upload through antd: the transport hands the file to core on 【导入】.
        beforeUpload={(chosen) => {
          choose(chosen);
          return Upload.LIST_IGNORE;
        }}
        onRemove={() => {
          setFile(null);
          return true;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden="true" />
        </p>
        <p className="ant-upload-text">{t('importDialog.drop')}</p>
        <p className="ant-upload-hint">{t('importDialog.dropHint')}</p>
      </Upload.Dragger>
      {fileError ? (
        <Typography.Text type="danger" role="alert" className="import-file-error">
          {fileError}
        </Typography.Text>
      ) : null}
      <Form form={form} layout="vertical" className="import-form" disabled={busy} onFinish={(values) => void submit(values)}>
        <Form.Item name="caseName" label={t('importDialog.caseName')}>
          <Input maxLength={100} placeholder={t('importDialog.caseNamePlaceholder')} />
        </Form.Item>
        <Form.Item name="password" label={t('importDialog.password')}>
          <Input.Password autoComplete="off" maxLength={128} placeholder={t('importDialog.passwordPlaceholder')} />
        </Form.Item>
      </Form>
      {busy ? (
        <Alert type="info" showIcon title={phase === 'staging' ? t('importDialog.uploading') : t('importDialog.importing')} />
      ) : null}
      {failure ? <Alert type="error" showIcon role="alert" title={errorText(i18n, failure)} /> : null}
    </Modal>
  );
}
