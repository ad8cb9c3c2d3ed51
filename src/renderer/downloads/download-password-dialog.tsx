import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AppointmentItem } from '../../shared/contract';
import { errorText } from '../i18n/error-text';
import { i18n } from '../i18n';
import { useAppInfoStore } from '../state/app-info-store';
import { useDownloadsStore } from '../state/downloads-store';
import { isStepUpCancelled, useStepUpVerify } from '../step-up/guarded';
import { api, errorCode } from '../transport';
import { formatBytes } from '../util/format';

/**
 * 卷宗下载密码 (manual §6 (2)–(3)), after the 律师身份核验 scan: the password from the SMS —
 * prefilled when the keychain holds it — then 【确定】 starts the download. A wrong password keeps
 * the dialog open for another try with the same verification; a verification the portal no longer
 * accepts is replaced by a new scan.
 */
export function DownloadPasswordDialog({
  appointment,
  stepUpId: firstStepUpId,
  onClose,
}: {
  appointment: AppointmentItem;
  stepUpId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const verify = useStepUpVerify();
  const folder = useAppInfoStore((s) => s.info?.libraryFolder ?? null);
  const [stepUpId, setStepUpId] = useState(firstStepUpId);
  const [busy, setBusy] = useState(false);
  const [prefilled, setPrefilled] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [prefillFailure, setPrefillFailure] = useState<unknown>(null);
  const mounted = useRef(true);
  const stored = appointment.passwords.download;

  useEffect(() => {
    mounted.current = true;
    if (stored) {
      // The stored value only prefills the field; it is never shown unless the lawyer asks (eye). It is
      // the appointment's: before the first download there is no 卷宗库 entry to ask.
      api['appointments.downloadPassword']({ appointmentId: appointment.id })
        .then(({ download }) => {
          if (!mounted.current || !download || form.getFieldValue('password')) return;
          form.setFieldValue('password', download);
          setPrefilled(true);
        })
        .catch((error: unknown) => {
          // Typing the password from the SMS still works: say why the box is empty.
          if (mounted.current) setPrefillFailure(error);
        });
    }
    return () => {
      mounted.current = false;
    };
  }, [appointment.id, form, stored]);

  async function submit({ password }: { password: string }) {
    setBusy(true);
    setFailure(null);
    let verification = stepUpId;
    try {
      for (let attempt = 0; ; attempt += 1) {
        try {
          const item = await api['downloads.start']({
            appointmentId: appointment.id,
            password: password ? password : undefined,
            stepUpId: verification,
          });
          useDownloadsStore.getState().answer(item);
          void message.success(i18n.t('downloads.started'));
          onClose();
          return;
        } catch (error) {
          // The verification went stale: scan again (once), keeping the password typed.
          if (errorCode(error) !== 'STEP_UP_REQUIRED' || attempt > 0) throw error;
          verification = await verify('download');
          if (mounted.current) setStepUpId(verification);
        }
      }
    } catch (error) {
      if (!mounted.current || isStepUpCancelled(error)) return;
      const code = errorCode(error);
      if (code === 'WRONG_PASSWORD' || code === 'PASSWORD_REQUIRED') {
        setPrefilled(false);
        form.setFields([{ name: 'password', errors: [errorText(i18n, error, 'downloadPassword')] }]);
      } else {
        setFailure(error);
      }
    } finally {
      if (mounted.current) setBusy(false);
    }
  }

  const dossier = appointment.dossier;
  return (
    <Modal
      open
      centered
      width={560}
      title={
        <span>
          <LockOutlined className="heading-icon" aria-hidden="true" /> {t('downloadPassword.title')}
        </span>
      }
      onCancel={onClose}
      maskClosable={false}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('downloadPassword.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => form.submit()}>
          {t('downloadPassword.ok')}
        </Button>,
      ]}
    >
      <Typography.Paragraph strong>
        {appointment.caseName} · {appointment.procuratorate.name}
      </Typography.Paragraph>
      {dossier ? (
        <Descriptions
          size="small"
          column={1}
          className="download-dossier-facts"
          styles={{ label: { width: 96 } }}
          items={[
            { key: 'file', label: t('appointments.fileName'), children: dossier.fileName },
            {
              key: 'size',
              label: t('appointments.size'),
              children: `${formatBytes(dossier.size)} · ${t('appointments.pagesValue', { pages: dossier.pages })}`,
            },
          ]}
        />
      ) : null}
      <Typography.Paragraph type="secondary">{t('downloadPassword.lead')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)} disabled={busy}>
        <Form.Item
          name="password"
          label={t('downloadPassword.label')}
          extra={prefilled ? t('downloadPassword.prefilled') : undefined}
          rules={stored ? [] : [{ required: true, whitespace: true, message: t('downloadPassword.required') }]}
        >
          <Input.Password
            autoFocus
            autoComplete="off"
            maxLength={128}
            placeholder={t('downloadPassword.placeholder')}
            data-testid="download-password"
            onChange={() => setPrefilled(false)}
          />
        </Form.Item>
      </Form>
      {prefillFailure && !failure ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="download-password-prefill-failed"
          title={t('downloadPassword.prefillFailed')}
          description={errorText(i18n, prefillFailure)}
        />
      ) : null}
      {failure ? <Alert type="error" showIcon role="alert" title={errorText(i18n, failure)} /> : null}
      {folder ? (
        <Typography.Paragraph type="secondary" className="cell-note download-folder-note">
          {t('downloadPassword.savesTo', { folder })}
        </Typography.Paragraph>
      ) : null}
    </Modal>
  );
}
