import { useState } from 'react';
import { Button } from 'antd';
import { MessageOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PasteSmsDialog } from './paste-sms-dialog';

/** 【粘贴短信】 and its dialog; `onStored` runs when passwords were kept (for an appointment or a case). */
export function PasteSmsButton({ onStored }: { onStored?: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<MessageOutlined aria-hidden="true" />} onClick={() => setOpen(true)}>
        {t('sms.button')}
      </Button>
      {open ? <PasteSmsDialog onClose={() => setOpen(false)} onStored={onStored} /> : null}
    </>
  );
}
