import { useMemo } from 'react';
import { Card } from 'antd';
import { CloudDownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadsInOrder } from '../state/downloads-list';
import { useDownloadsStore } from '../state/downloads-store';
import { DownloadEntry } from './download-entry';

/** 下载任务 at the top of 卷宗库: every download of this run and those resumed, newest first. */
export function DownloadsPanel() {
  const { t } = useTranslation();
  const list = useDownloadsStore((s) => s.list);
  const hidden = useDownloadsStore((s) => s.hidden);
  const items = useMemo(() => downloadsInOrder(list, hidden), [list, hidden]);
  if (items.length === 0) return null;
  return (
    <Card
      className="section-card downloads-card"
      size="small"
      title={
        <span>
          <CloudDownloadOutlined className="heading-icon" aria-hidden="true" /> {t('downloads.title')}
        </span>
      }
    >
      <div className="download-list" role="list" aria-label={t('downloads.title')}>
        {items.map((item) => (
          <div role="listitem" key={item.id}>
            <DownloadEntry item={item} />
          </div>
        ))}
      </div>
    </Card>
  );
}
