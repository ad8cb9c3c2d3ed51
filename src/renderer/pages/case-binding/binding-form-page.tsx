import { useCallback, useMemo, useRef, useState } from 'react';
import { App, Button, Card, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Procuratorate } from '../../../shared/portal-wire';
import { UPLOAD_KIND_LABELS } from '../../../shared/portal-wire';
import { PageTitle } from '../../shell/page-title';
import { useReportError } from '../../shell/use-report-error';
import { navigate } from '../../state/route-store';
import { useGuarded } from '../../step-up/guarded';
import { api, ClientError } from '../../transport';
import { useRemote } from '../../util/use-remote';
import { validationField } from '../../util/validation-field';
import {
  bindingFieldWords,
  hasCaseReference,
  relations,
  roles,
  toBindingInput,
  uploadSlotsFor,
  type BindingFormValues,
} from './binding-form-model';
import { UploadSlot } from './upload-slot';

/** What the 受理单位 search matches: full name, short name, city, province. */
function unitSearchText(unit: Procuratorate): string {
  return `${unit.name} ${unit.shortName} ${unit.city} ${unit.province}`.toLowerCase();
}

/** 案件绑定信息填写 (manual §3): the case, the 委托人, the materials; 【确定】 → 保存成功. */
export function BindingFormPage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<BindingFormValues>();
  const report = useReportError();
  const guarded = useGuarded();
  const units = useRemote(() => api['procuratorates.list']({}));
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState<ReadonlySet<string>>(new Set());
  const relation = Form.useWatch('clientRelation', form);
  const slots = uploadSlotsFor(relation);
  const busyHandlers = useRef(new Map<string, (busy: boolean) => void>());

  // A stable callback per slot, so a slot's effect does not re-run on every render.
  const onBusyFor = useCallback((slot: string) => {
    let handler = busyHandlers.current.get(slot);
    if (!handler) {
      handler = (isBusy: boolean) =>
        setUploading((current) => {
          if (current.has(slot) === isBusy) return current;
          const next = new Set(current);
          if (isBusy) next.add(slot);
          else next.delete(slot);
          return next;
        });
      busyHandlers.current.set(slot, handler);
    }
    return handler;
  }, []);

  const unitOptions = useMemo(
    () =>
      (units.data ?? []).map((unit) => ({
        value: unit.id,
        search: unitSearchText(unit),
        label: (
          <span className="unit-option">
            <span className="unit-option-name">{unit.name}</span>
            <Typography.Text type="secondary" className="unit-option-city">
              {unit.city}
            </Typography.Text>
            {unit.pilot ? (
              <Tag color="blue" className="unit-option-tag">
                {t('binding.pilot')}
              </Tag>
            ) : null}
          </span>
        ),
      })),
    [units.data, t],
  );

  async function submit() {
    let values: BindingFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const input = toBindingInput({ ...values, uploads: form.getFieldValue('uploads') as BindingFormValues['uploads'] });
    setBusy(true);
    try {
      await guarded('binding', (stepUpId) => api['bindings.create']({ ...input, ...(stepUpId ? { stepUpId } : {}) }));
      modal.success({
        title: t('binding.saved'),
        content: t('binding.savedDetail'),
        okText: t('header.ok'),
        onOk: () => navigate('case-binding'),
        afterClose: () => navigate('case-binding'),
      });
    } catch (error) {
      const onField =
        error instanceof ClientError && error.code === 'VALIDATION' ? validationField(error.message, bindingFieldWords) : null;
      if (onField) form.setFields([{ name: onField.field, errors: [onField.reason] }]);
      else report(error);
    } finally {
      setBusy(false);
    }
  }

  const caseRefRule = {
    validator: async () => {
      const values = form.getFieldsValue(['departmentCaseNo', 'suspectName']) as BindingFormValues;
      if (!hasCaseReference(values)) throw new Error(t('binding.caseRefRequired'));
    },
  };

  return (
    <div className="page">
      <PageTitle
        title={t('binding.formTitle')}
        subtitle={t('binding.formLead')}
        extra={
          <Button icon={<ArrowLeftOutlined aria-hidden="true" />} onClick={() => navigate('case-binding')}>
            {t('binding.back')}
          </Button>
        }
      />
      <Form<BindingFormValues>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '168px' }}
        labelWrap
        wrapperCol={{ flex: 1 }}
        colon={false}
        scrollToFirstError
        initialValues={{ role: 'defender', clientRelation: 'self', uploads: {} }}
        onFinish={() => void submit()}
        className="binding-form"
      >
        <Card title={t('binding.sectionCase')} className="section-card">
          <Form.Item
            name="procuratorateId"
            label={t('binding.unit')}
            rules={[{ required: true, message: t('binding.unitRequired') }]}
            extra={units.error ? <Typography.Text type="danger">{t('binding.unitsFailed')}</Typography.Text> : t('binding.unitHint')}
          >
            <Select
              showSearch={{
                filterOption: (query, option) => Boolean(option?.search.includes(query.trim().toLowerCase())),
              }}
              loading={units.loading}
              options={unitOptions}
              placeholder={t('binding.unitPlaceholder')}
              notFoundContent={t('binding.unitNone')}
              className="unit-select"
            />
          </Form.Item>
          <Form.Item
            name="caseName"
            label={t('binding.caseName')}
            rules={[
              { required: true, whitespace: true, message: t('binding.caseNameRequired') },
              { min: 2, message: t('binding.caseNameRequired') },
              { max: 100 },
            ]}
          >
            <Input maxLength={100} placeholder={t('binding.caseNamePlaceholder')} />
          </Form.Item>
          <Form.Item
            name="departmentCaseNo"
            label={t('binding.departmentCaseNo')}
            dependencies={['suspectName']}
            rules={[caseRefRule, { max: 60 }]}
          >
            <Input maxLength={60} placeholder={t('binding.caseNoPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="suspectName"
            label={t('binding.suspectName')}
            rules={[{ max: 30 }]}
          >
            <Input maxLength={30} placeholder={t('binding.suspectPlaceholder')} />
          </Form.Item>
          <Form.Item name="role" label={t('binding.role')} rules={[{ required: true }]}>
            <Radio.Group options={roles.map((role) => ({ value: role, label: t(`binding.roles.${role}`) }))} />
          </Form.Item>
          <Form.Item
            name="clientName"
            label={t('binding.clientName')}
            rules={[
              { required: true, whitespace: true, message: t('binding.clientNameRequired') },
              { min: 2, message: t('binding.clientNameRequired') },
              { max: 30 },
            ]}
          >
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="clientRelation" label={t('binding.relation')} rules={[{ required: true }]}>
            <Radio.Group
              className="relation-group"
              options={relations.map((value) => ({ value, label: t(`binding.relations.${value}`) }))}
            />
          </Form.Item>
        </Card>
        <Card title={t('binding.sectionUploads')} className="section-card">
          <Typography.Paragraph type="secondary" className="upload-lead">
            {t('binding.uploadLead')}
          </Typography.Paragraph>
          {slots.map(({ slot, kind }) => {
            const label = t(`binding.kinds.${kind}`, { defaultValue: UPLOAD_KIND_LABELS[kind] });
            return (
              <Form.Item
                key={slot}
                name={['uploads', slot]}
                label={label}
                htmlFor={`upload-${slot}`}
                rules={[{ required: true, message: t('binding.upload.required', { label }) }]}
              >
                <UploadSlot id={`upload-${slot}`} kind={kind} label={label} onBusy={onBusyFor(slot)} />
              </Form.Item>
            );
          })}
        </Card>
        <div className="form-footer">
          <Space size={12}>
            <Button onClick={() => navigate('case-binding')} disabled={busy}>
              {t('binding.cancel')}
            </Button>
            <Button type="primary" htmlType="submit" loading={busy} disabled={uploading.size > 0}>
              {t('binding.confirm')}
            </Button>
          </Space>
          {uploading.size > 0 ? <Typography.Text type="secondary">{t('binding.upload.wait')}</Typography.Text> : null}
        </div>
      </Form>
    </div>
  );
}
