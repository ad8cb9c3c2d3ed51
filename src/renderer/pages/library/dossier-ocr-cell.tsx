import { Fragment } from 'react';
import { Button, Progress, Tooltip, Typography } from 'antd';
import { CaretRightOutlined, CheckCircleOutlined, PauseOutlined, RedoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ocrProgressText } from '../../ocr/ocr-progress-text';
import { useOcrControl } from '../../ocr/use-ocr-control';
import { useOcrStatus } from '../../state/ocr-store';

/**
 * A 卷宗库 row's 文字识别: pages read of all, a bar, speed and time left, 【暂停识别】/【继续识别】;
 * once done, how many scanned pages were recognised; a failure says why.
 */
export function DossierOcrCell({ dossierId }: { dossierId: string }) {
  const { t, i18n } = useTranslation();
  const status = useOcrStatus(dossierId);
  const control = useOcrControl(dossierId);
  if (!status) return null;
  const text = ocrProgressText(status, i18n);
  const { state } = status;
  return (
    <div className="ocr-progress" data-testid="ocr-progress" data-state={state} data-pages-done={status.pagesDone} data-pages-total={status.pagesTotal}>
      <Tooltip title={t('ocr.hint')}>
        <Typography.Text className="cell-note" type={state === 'failed' ? 'danger' : state === 'done' ? 'success' : undefined}>
          {state === 'done' ? <CheckCircleOutlined aria-hidden="true" /> : null} {text.headline}
        </Typography.Text>
      </Tooltip>
      {state === 'done' ? null : (
        <Progress
          percent={text.percent}
          size="small"
          showInfo={false}
          status={state === 'running' ? 'active' : state === 'failed' ? 'exception' : 'normal'}
          aria-label={text.headline}
        />
      )}
      {text.facts.length > 0 ? (
        <Typography.Text className="cell-note" type={state === 'failed' ? 'danger' : 'secondary'} data-testid="ocr-progress-detail">
          {text.facts.map((fact, index) => (
            <Fragment key={index}>
              {index > 0 ? ' · ' : null}
              <span className="ocr-progress-fact">{fact}</span>
            </Fragment>
          ))}
        </Typography.Text>
      ) : null}
      {state === 'running' || state === 'waiting' ? (
        <Button size="small" type="link" className="ocr-progress-action" icon={<PauseOutlined aria-hidden="true" />} loading={control.busy} onClick={() => void control.pause()}>
          {t('ocr.pause')}
        </Button>
      ) : state === 'paused' || state === 'failed' ? (
        <Button
          size="small"
          type="link"
          className="ocr-progress-action"
          icon={state === 'paused' ? <CaretRightOutlined aria-hidden="true" /> : <RedoOutlined aria-hidden="true" />}
          loading={control.busy}
          onClick={() => void control.resume()}
        >
          {state === 'paused' ? t('ocr.resume') : t('ocr.retry')}
        </Button>
      ) : null}
    </div>
  );
}
