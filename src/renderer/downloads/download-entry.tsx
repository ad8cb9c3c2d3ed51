import { useState } from 'react';
import { App, Button, Progress, Space, Tag, Typography } from 'antd';
import { CloseOutlined, PauseOutlined, ReloadOutlined, CaretRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DownloadItem, DownloadState } from '../../shared/library';
import { errorText } from '../i18n/error-text';
import { i18n } from '../i18n';
import { useReportError } from '../shell/use-report-error';
import { useDownloadsStore } from '../state/downloads-store';
import { isFinished } from '../state/downloads-list';
import { useSettingsStore } from '../state/settings-store';
import { useGuarded } from '../step-up/guarded';
import { api } from '../transport';
import { formatBytes, formatDuration, formatSpeed } from '../util/format';

const tagColor: Record<DownloadState, string> = {
  downloading: 'processing',
  retrying: 'warning',
  verifying: 'processing',
  paused: 'default',
  completed: 'success',
  failed: 'error',
  cancelled: 'default',
};

function progressStatus(state: DownloadState): 'active' | 'exception' | 'success' | 'normal' {
  if (state === 'downloading' || state === 'retrying' || state === 'verifying') return 'active';
  if (state === 'failed') return 'exception';
  if (state === 'completed') return 'success';
  return 'normal';
}

/** One 下载任务: progress, bytes, speed and time left, and what the lawyer can do with it now. */
export function DownloadEntry({ item }: { item: DownloadItem }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const report = useReportError();
  const guarded = useGuarded();
  const locale = useSettingsStore((s) => s.settings.locale);
  const [busy, setBusy] = useState<'pause' | 'resume' | 'cancel' | null>(null);

  async function act(kind: 'pause' | 'resume' | 'cancel') {
    setBusy(kind);
    try {
      const next =
        kind === 'pause'
          ? await api['downloads.pause']({ id: item.id })
          : kind === 'cancel'
            ? await api['downloads.cancel']({ id: item.id })
            : item.via === 'portal-window'
              ? // The portal window's browser holds that download: it goes on without a new link.
                await api['downloads.resume']({ id: item.id })
              : // An expired link needs a new one, which needs a scan (STEP_UP_REQUIRED).
                await guarded('download', (stepUpId) => api['downloads.resume']({ id: item.id, stepUpId }));
      useDownloadsStore.getState().answer(next);
    } catch (error) {
      report(error);
    } finally {
      setBusy(null);
    }
  }

  function confirmCancel() {
    modal.confirm({
      title: t('downloads.cancelConfirm', { caseName: item.caseName }),
      content: t('downloads.cancelDetail'),
      okText: t('downloads.cancelOk'),
      okButtonProps: { danger: true },
      cancelText: t('downloads.cancelKeep'),
      onOk: () => act('cancel'),
    });
  }

  const running = item.state === 'downloading' || item.state === 'retrying';
  // A download the portal window's browser gave up is downloaded again on the site, not resumed here.
  const canResume = item.state === 'paused' || (item.state === 'failed' && item.via === 'app');
  const canCancel = running || canResume || (item.state === 'verifying' && item.via === 'app');
  const percent = Math.max(0, Math.min(100, Math.floor(item.percent)));
  const facts = [
    `${percent}%`,
    item.total > 0 ? `${formatBytes(Math.min(item.bytes, item.total))} / ${formatBytes(item.total)}` : formatBytes(item.bytes),
    running && item.bytesPerSecond > 0 ? formatSpeed(item.bytesPerSecond) : null,
    running && item.secondsLeft !== null ? t('downloads.timeLeft', { time: formatDuration(item.secondsLeft, locale) }) : null,
  ].filter(Boolean);

  return (
    <div className="download-entry" data-testid="download-progress" data-state={item.state}>
      <div className="download-entry-head">
        <div className="download-entry-name">
          <Typography.Text strong>{item.caseName}</Typography.Text>
          <Typography.Text type="secondary" className="cell-note">
            {item.via === 'portal-window' ? `${t('downloads.viaPortalWindow')} · ${item.fileName}` : item.fileName}
          </Typography.Text>
        </div>
        <Tag color={tagColor[item.state]}>{t(`downloads.states.${item.state}`)}</Tag>
      </div>
      <Progress
        percent={percent}
        status={progressStatus(item.state)}
        size="small"
        showInfo={false}
        aria-label={`${item.caseName} ${percent}%`}
      />
      <div className="download-entry-foot">
        <Typography.Text type="secondary" className="cell-note download-facts">
          {facts.join(' · ')}
        </Typography.Text>
        <Space size={4} wrap>
          {running ? (
            <Button size="small" icon={<PauseOutlined aria-hidden="true" />} loading={busy === 'pause'} onClick={() => void act('pause')}>
              {t('downloads.pause')}
            </Button>
          ) : null}
          {canResume ? (
            <Button
              size="small"
              type={item.state === 'failed' ? 'primary' : 'default'}
              icon={item.state === 'failed' ? <ReloadOutlined aria-hidden="true" /> : <CaretRightOutlined aria-hidden="true" />}
              loading={busy === 'resume'}
              onClick={() => void act('resume')}
            >
              {item.state === 'failed' ? t('downloads.retry') : t('downloads.resume')}
            </Button>
          ) : null}
          {canCancel ? (
            <Button size="small" danger type="text" loading={busy === 'cancel'} onClick={confirmCancel}>
              {t('downloads.cancel')}
            </Button>
          ) : null}
          {isFinished(item) ? (
            <Button
              size="small"
              type="text"
              icon={<CloseOutlined aria-hidden="true" />}
              onClick={() => useDownloadsStore.getState().hide(item.id)}
            >
              {t('downloads.clear')}
            </Button>
          ) : null}
        </Space>
      </div>
      {item.error && (item.state === 'failed' || item.state === 'retrying') ? (
        <Typography.Text type={item.state === 'failed' ? 'danger' : 'warning'} className="cell-note" role="status">
          {errorText(i18n, item.error)}
        </Typography.Text>
      ) : null}
    </div>
  );
}
