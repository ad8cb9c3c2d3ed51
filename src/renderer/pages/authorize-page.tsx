import { useState } from 'react';
import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Lawyer } from '../../shared/contract';
import { useLogout } from '../shell/use-logout';
import { useReportError } from '../shell/use-report-error';
import { useSessionStore } from '../state/session-store';
import { api } from '../transport';
import { maskIdNumber, maskPhone } from '../util/mask';

/** 授权信息 (manual §2 step 4): consent to 12309 obtaining the verified identity. */
export function AuthorizePage({ lawyer }: { lawyer: Lawyer }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const report = useReportError();
  const [busy, setBusy] = useState(false);

  async function agree() {
    setBusy(true);
    try {
      useSessionStore.getState().set(await api['auth.agree']({}));
    } catch (error) {
      report(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="centered-page">
      <Card className="stage-card">
        <Typography.Title level={2} className="card-heading">
          <SafetyCertificateOutlined className="heading-icon" aria-hidden="true" />
          {t('authorize.title')}
        </Typography.Title>
        <Typography.Paragraph className="stage-lead">{t('authorize.lead')}</Typography.Paragraph>
        <Descriptions
          bordered
          column={1}
          size="middle"
          className="stage-descriptions"
          items={[
            { key: 'name', label: t('authorize.name'), children: lawyer.name },
            { key: 'id', label: t('authorize.idNumber'), children: maskIdNumber(lawyer.idNumberMasked) },
            { key: 'license', label: t('authorize.licenseNumber'), children: lawyer.licenseNumber },
            { key: 'phone', label: t('authorize.phone'), children: maskPhone(lawyer.phone) },
          ]}
        />
        <Space className="stage-actions" size={12}>
          <Button onClick={() => logout({ confirm: false })} disabled={busy}>
            {t('authorize.cancel')}
          </Button>
          <Button type="primary" onClick={() => void agree()} loading={busy}>
            {t('authorize.agree')}
          </Button>
        </Space>
      </Card>
    </div>
  );
}
