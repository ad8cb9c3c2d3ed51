import { useMemo } from 'react';
import { Button, Progress, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { activeProgress } from '../state/downloads-list';
import { useDownloadsStore } from '../state/downloads-store';
import { navigate } from '../state/route-store';

/** In the header while something downloads: overall progress, opening 卷宗库 (where 下载任务 is). */
export function DownloadIndicator() {
  const { t } = useTranslation();
  const list = useDownloadsStore((s) => s.list);
  const progress = useMemo(() => activeProgress(list), [list]);
  if (!progress) return null;
  const label = t('downloads.indicator', progress);
  return (
    <Tooltip title={label}>
      <Button
        type="text"
        className="download-indicator"
        aria-label={label}
        icon={<Progress type="circle" percent={progress.percent} size={22} showInfo={false} aria-hidden="true" />}
        onClick={() => navigate('library')}
      >
        {progress.percent}%
      </Button>
    </Tooltip>
  );
}
