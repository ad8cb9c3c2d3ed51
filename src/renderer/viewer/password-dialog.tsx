import { useEffect } from 'react';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { usePasswordPrompt } from './password-prompt';
import { useViewerStore } from './viewer-store';

/** 卷宗文档打开密码: asked when neither no password nor the stored one opens a document. */
export function PasswordDialog() {
  const { t } = useTranslation();
  const request = usePasswordPrompt((s) => s.request);
  const checking = usePasswordPrompt((s) => s.checking);
  const answer = usePasswordPrompt((s) => s.answer);
  const documentTitle = useViewerStore((s) => s.documentTitle);
  const [form] = Form.useForm<{ password: string }>();

  // A wrong password: the field is emptied for the next try and says why.
  useEffect(() => {
    if (!request) return;
    form.resetFields();
    if (request.wrong) form.setFields([{ name: 'password', errors: [t('viewer.password.wrong')] }]);
  }, [request, form, t]);

  return (
    <Modal
      open={request !== null}
      centered
      width={460}
      maskClosable={false}
      destroyOnHidden
      title={
        <span>
          <LockOutlined className="heading-icon" aria-hidden="true" /> {t('viewer.password.title')}
        </span>
      }
      onCancel={() => answer(null)}
      footer={[
        <Button key="cancel" disabled={checking} onClick={() => answer(null)}>
          {t('viewer.password.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={checking} onClick={() => form.submit()}>
          {t('viewer.password.ok')}
        </Button>,
      ]}
    >
      {request ? (
        <>
          <Typography.Paragraph>{t('viewer.password.lead', { title: documentTitle(request.document) })}</Typography.Paragraph>
          {request.knownFailed ? <Alert type="warning" showIcon className="viewer-password-note" title={t('viewer.password.storedFailed')} /> : null}
          <Form form={form} layout="vertical" requiredMark={false} disabled={checking} onFinish={({ password }) => answer(password)}>
            <Form.Item name="password" label={t('viewer.password.label')} rules={[{ required: true, message: t('viewer.password.required') }]}>
              <Input.Password autoFocus autoComplete="off" maxLength={128} data-testid="open-password" placeholder={t('viewer.password.placeholder')} />
            </Form.Item>
          </Form>
        </>
      ) : null}
    </Modal>
  );
}
