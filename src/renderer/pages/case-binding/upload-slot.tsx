import { useEffect, useRef, useState } from 'react';
import { Button, Space, Spin, Typography } from 'antd';
import { CheckCircleFilled, DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { UploadKind, UploadView } from '../../../shared/portal-wire';
import { errorText } from '../../i18n/error-text';
import { i18n } from '../../i18n';
import { api } from '../../transport';
import { formatBytes } from '../../util/format';
import { bytesToBase64, checkUploadFile, uploadAccept } from '../../util/upload-file';

type Status =
  | { phase: 'empty' }
  | { phase: 'uploading'; fileName: string; step: 'reading' | 'sending' }
  | { phase: 'done'; upload: UploadView }
  | { phase: 'failed'; fileName: string; message: string };

/**
 * One material of the binding form: picks a file, checks it in place (type, size), reads it and
 * uploads it at once (uploads.add), then shows it with 【删除】. Its form value is the upload's id.
 */
export function UploadSlot({
  id,
  kind,
  label,
  value,
  onChange,
  onBusy,
}: {
  id: string;
  kind: UploadKind;
  label: string;
  value?: string;
  onChange?: (uploadId: string | undefined) => void;
  onBusy?: (busy: boolean) => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>({ phase: 'empty' });
  const input = useRef<HTMLInputElement>(null);
  const attempt = useRef(0);

  // The form was reset (or the value cleared elsewhere): forget the shown file.
  useEffect(() => {
    if (!value) setStatus((current) => (current.phase === 'done' ? { phase: 'empty' } : current));
  }, [value]);

  const busy = status.phase === 'uploading';
  useEffect(() => {
    onBusy?.(busy);
  }, [busy, onBusy]);
  // A slot removed mid-upload (the relation changed) must not hold the form's 【确定】.
  useEffect(() => () => onBusy?.(false), [onBusy]);

  async function pick(file: File) {
    const ticket = ++attempt.current;
    const problem = checkUploadFile(file);
    // Only a slot that held a file changes value (a change also re-runs the field's check).
    if (value) onChange?.(undefined);
    if (problem) {
      setStatus({ phase: 'failed', fileName: file.name, message: t(`binding.upload.${problem}`) });
      return;
    }
    setStatus({ phase: 'uploading', fileName: file.name, step: 'reading' });
    try {
      const dataBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      if (ticket !== attempt.current) return;
      setStatus({ phase: 'uploading', fileName: file.name, step: 'sending' });
      const upload = await api['uploads.add']({ kind, fileName: file.name, dataBase64 });
      if (ticket !== attempt.current) return;
      setStatus({ phase: 'done', upload });
      onChange?.(upload.id);
    } catch (error) {
      if (ticket !== attempt.current) return;
      setStatus({ phase: 'failed', fileName: file.name, message: errorText(i18n, error) });
    }
  }

  function remove() {
    attempt.current += 1;
    setStatus({ phase: 'empty' });
    onChange?.(undefined);
  }

  return (
    <div className="upload-slot">
      <input
        ref={input}
        id={id}
        type="file"
        accept={uploadAccept}
        aria-label={label}
        className="visually-hidden"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so that picking the same file again still fires.
          event.target.value = '';
          if (file) void pick(file);
        }}
      />
      {status.phase === 'done' ? (
        <div className="upload-file">
          <CheckCircleFilled className="upload-ok" aria-hidden="true" />
          <PaperClipOutlined aria-hidden="true" />
          <Typography.Text ellipsis className="upload-name" title={status.upload.fileName}>
            {status.upload.fileName}
          </Typography.Text>
          <Typography.Text type="secondary">{formatBytes(status.upload.size)}</Typography.Text>
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined aria-hidden="true" />}
            aria-label={t('binding.upload.removeNamed', { label })}
            onClick={remove}
          >
            {t('binding.upload.remove')}
          </Button>
        </div>
      ) : status.phase === 'uploading' ? (
        <div className="upload-file" role="status">
          <Spin size="small" />
          <Typography.Text ellipsis className="upload-name">
            {status.fileName}
          </Typography.Text>
          <Typography.Text type="secondary">
            {status.step === 'reading' ? t('binding.upload.reading') : t('binding.upload.sending')}
          </Typography.Text>
        </div>
      ) : (
        <Space size={12} wrap>
          <Button icon={<UploadOutlined aria-hidden="true" />} onClick={() => input.current?.click()}>
            {status.phase === 'failed' ? t('binding.upload.again') : t('binding.upload.choose')}
          </Button>
          {status.phase === 'failed' ? (
            <Typography.Text type="danger" role="alert">
              {t('binding.upload.failed', { name: status.fileName, reason: status.message })}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t('binding.upload.hint')}</Typography.Text>
          )}
        </Space>
      )}
    </div>
  );
}
