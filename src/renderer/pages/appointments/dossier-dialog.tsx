import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AppointmentItem } from '../../../shared/contract';
import { formatBytes, formatDateTime } from '../../util/format';
import { PasteSmsButton } from '../../messages/paste-sms-button';

function Saved({ saved }: { saved: boolean }) {
  const { t } = useTranslation();
  return saved ? (
    <span className="saved-flag">
      <CheckCircleFilled className="saved-yes" aria-hidden="true" /> {t('appointments.saved')}
    </span>
  ) : (
    <Typography.Text type="secondary">
      <MinusCircleOutlined aria-hidden="true" /> {t('appointments.notSaved')}
    </Typography.Text>
  );
}

/**
 * 【卷宗下载】 of a published dossier: what the portal published and which passwords the app holds.
 * Downloading inside the app arrives with the 卷宗库; this dialog says so rather than pretending.
 */
export function DossierDialog({
  appointment,
  onClose,
  onStored,
}: {
  appointment: AppointmentItem;
  onClose: () => void;
  onStored: () => void;
}) {
  const { t } = useTranslation();
  const dossier = appointment.dossier;
  const missing = !appointment.passwords.download || !appointment.passwords.open;
  return (
    <Modal
      open
      centered
      width={640}
      title={t('appointments.download')}
      onCancel={onClose}
      footer={[
        missing ? <PasteSmsButton key="sms" onStored={onStored} /> : null,
        <Button key="close" type="primary" onClick={onClose}>
          {t('appointments.close')}
        </Button>,
      ]}
    >
      <Typography.Paragraph strong>
        {appointment.caseName} · {appointment.procuratorate.name}
      </Typography.Paragraph>
      {dossier ? (
        <Descriptions
          bordered
          size="small"
          column={1}
          styles={{ label: { width: 160 } }}
          items={[
            { key: 'file', label: t('appointments.fileName'), children: dossier.fileName },
            { key: 'pages', label: t('appointments.pages'), children: t('appointments.pagesValue', { pages: dossier.pages }) },
            { key: 'size', label: t('appointments.size'), children: formatBytes(dossier.size) },
            {
              key: 'sha',
              label: 'SHA-256',
              children: (
                <Typography.Text copyable className="mono-text">
                  {dossier.sha256}
                </Typography.Text>
              ),
            },
            { key: 'published', label: t('appointments.publishedAt'), children: formatDateTime(dossier.publishedAt) },
            { key: 'dl', label: t('appointments.downloadPassword'), children: <Saved saved={appointment.passwords.download} /> },
            { key: 'open', label: t('appointments.openPassword'), children: <Saved saved={appointment.passwords.open} /> },
          ]}
        />
      ) : null}
      <Alert type="info" showIcon className="dossier-later" title={t('appointments.downloadLater')} description={t('appointments.downloadLaterDetail')} />
      {missing ? <Alert type="warning" showIcon className="dossier-later" title={t('appointments.passwordsMissing')} /> : null}
    </Modal>
  );
}
