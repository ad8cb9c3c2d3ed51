import { useState } from 'react';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lawyer } from '../../shared/contract';
import { useReportError } from '../shell/use-report-error';
import { useSessionStore } from '../state/session-store';
import { api, ClientError } from '../transport';
import { maskIdNumber, maskPhone } from '../util/mask';
import { validationField } from '../util/validation-field';

interface Values {
  lawFirm: string;
  email?: string;
  address?: string;
}

/** Words by which the server's messages name each editable field. */
const fieldWords = {
  lawFirm: ['lawFirm', '律师事务所', 'law firm'],
  email: ['email', '邮箱'],
  address: ['address', '地址'],
} as const;

/** 完善信息 (manual §2 step 5): verified identity read-only; the firm and contacts to fill in. */
export function CompleteProfilePage({ lawyer }: { lawyer: Lawyer }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const report = useReportError();
  const [busy, setBusy] = useState(false);

  async function submit(values: Values) {
    setBusy(true);
    try {
      const session = await api['auth.completeProfile']({
        lawFirm: values.lawFirm.trim(),
        email: values.email?.trim() ?? '',
        address: values.address?.trim() ?? '',
      });
      useSessionStore.getState().set(session);
    } catch (error) {
      const onField =
        error instanceof ClientError && error.code === 'VALIDATION' ? validationField(error.message, fieldWords) : null;
      if (onField) form.setFields([{ name: onField.field, errors: [onField.reason] }]);
      else report(error);
    } finally {
      setBusy(false);
    }
  }

  const readOnly = { readOnly: true, variant: 'filled' as const, tabIndex: -1 };

  return (
    <div className="centered-page">
      <Card className="stage-card">
        <Typography.Title level={2} className="card-heading">
          {t('completeProfile.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="stage-lead">
          {t('completeProfile.lead')}
        </Typography.Paragraph>
        <Form<Values>
          form={form}
          layout="horizontal"
          labelCol={{ flex: '112px' }}
          labelWrap
          wrapperCol={{ flex: 1 }}
          colon={false}
          requiredMark
          onFinish={(values) => void submit(values)}
          initialValues={{ lawFirm: lawyer.lawFirm ?? '', email: lawyer.email ?? '', address: lawyer.address ?? '' }}
          className="profile-form"
        >
          <Form.Item label={t('completeProfile.name')}>
            <Input {...readOnly} value={lawyer.name} aria-label={t('completeProfile.name')} />
          </Form.Item>
          <Form.Item label={t('completeProfile.idNumber')}>
            <Input {...readOnly} value={maskIdNumber(lawyer.idNumberMasked)} aria-label={t('completeProfile.idNumber')} />
          </Form.Item>
          <Form.Item label={t('completeProfile.licenseNumber')}>
            <Input {...readOnly} value={lawyer.licenseNumber} aria-label={t('completeProfile.licenseNumber')} />
          </Form.Item>
          <Form.Item label={t('completeProfile.phone')}>
            <Input {...readOnly} value={maskPhone(lawyer.phone)} aria-label={t('completeProfile.phone')} />
          </Form.Item>
          <Form.Item
            name="lawFirm"
            label={t('completeProfile.lawFirm')}
            rules={[
              { required: true, whitespace: true, message: t('completeProfile.lawFirmRequired') },
              { min: 2, message: t('completeProfile.lawFirmMin') },
              { max: 100 },
            ]}
          >
            <Input autoComplete="organization" maxLength={100} />
          </Form.Item>
          <Form.Item name="email" label={t('completeProfile.email')} rules={[{ type: 'email', message: t('completeProfile.emailInvalid') }]}>
            <Input autoComplete="email" maxLength={100} />
          </Form.Item>
          <Form.Item name="address" label={t('completeProfile.address')} rules={[{ max: 200 }]}>
            <Input autoComplete="street-address" maxLength={200} />
          </Form.Item>
          <Form.Item label=" " className="form-actions">
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('completeProfile.submit')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </div>
  );
}
