import { Button, Progress, Tooltip } from 'antd';
import { CaretRightOutlined, CheckCircleOutlined, ExclamationCircleOutlined, PauseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ocrProgressText } from '../ocr/ocr-progress-text';
import { useOcrControl } from '../ocr/use-ocr-control';
import { useOcrStatus } from '../state/ocr-store';

/**
 * The open dossier's 文字识别 in the toolbar: a small ring and percent while it reads (the whole
 * sentence in the tooltip), with pause / resume beside it; a tick once done.
 */
export function OcrIndicator({ dossierId }: { dossierId: string }) {
  const { t, i18n } = useTranslation();
  const status = useOcrStatus(dossierId);
  const control = useOcrControl(dossierId);
  if (!status) return null;
  const text = ocrProgressText(status, i18n);
  const { state } = status;
  const icon =
    state === 'done' ? (
      <CheckCircleOutlined className="viewer-ocr-done" aria-hidden="true" />
    ) : state === 'failed' ? (
      <ExclamationCircleOutlined className="viewer-ocr-failed" aria-hidden="true" />
    ) : (
      <Progress type="circle" percent={text.percent} size={16} showInfo={false} strokeWidth={14} />
    );
  return (
    <span className="viewer-ocr" data-testid="viewer-ocr" data-state={state}>
      <Tooltip title={text.full}>
        <span className="viewer-ocr-label" role="status" aria-label={text.full}>
          {icon}
          <span>{state === 'running' ? t('ocr.compactRunning', { percent: text.percent }) : text.headline}</span>
        </span>
      </Tooltip>
      {state === 'running' || state === 'waiting' ? (
        <Tooltip title={t('ocr.pause')}>
          <Button size="small" type="text" icon={<PauseOutlined aria-hidden="true" />} aria-label={t('ocr.pause')} loading={control.busy} onClick={() => void control.pause()} />
        </Tooltip>
      ) : state === 'paused' ? (
        <Tooltip title={t('ocr.resume')}>
          <Button size="small" type="text" icon={<CaretRightOutlined aria-hidden="true" />} aria-label={t('ocr.resume')} loading={control.busy} onClick={() => void control.resume()} />
        </Tooltip>
      ) : null}
    </span>
  );
}
