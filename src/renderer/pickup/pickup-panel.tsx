import { Button, Card, Popover, Space, Tag, Typography } from 'antd';
import { FolderOpenOutlined, ImportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PickupOffer } from '../../shared/pickup';
import { i18n } from '../i18n';
import { errorText } from '../i18n/error-text';
import { navigate } from '../state/route-store';
import { usePickupStore } from '../state/pickup-store';
import { formatBytes, formatDateTime } from '../util/format';
import { usePickupActions } from './use-pickup-actions';

/** Offers the lawyer still has to decide on, or whose import is running or failed. */
const OPEN_STATES: ReadonlySet<PickupOffer['state']> = new Set(['offered', 'importing', 'failed']);

/**
 * 卷宗库 ▸ 下载文件夹: dossier archives found where browsers save downloads, each with 【导入】 / 【忽略】,
 * and which folders are watched.
 */
export function PickupPanel() {
  const { t } = useTranslation();
  const list = usePickupStore((s) => s.list);
  const { busy, importOffer, ignoreOffer } = usePickupActions();
  if (!list?.enabled) return null;
  const open = list.offers.filter((offer) => OPEN_STATES.has(offer.state));

  const folders = (
    <ul className="pickup-folders" aria-label={t('pickup.folders')}>
      {list.folders.map((folder) => (
        <li key={folder.path}>
          <Typography.Text className="cell-note">{folder.path}</Typography.Text>{' '}
          <Typography.Text type="secondary" className="cell-note">
            {folder.label ?? t('pickup.addedFolder')}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );

  return (
    <Card
      className="section-card pickup-card"
      size="small"
      data-testid="pickup-panel"
      title={
        <span>
          <FolderOpenOutlined className="heading-icon" aria-hidden="true" /> {t('pickup.title')}
        </span>
      }
      extra={
        <Space size={4}>
          <Popover content={folders} title={t('pickup.folders')} trigger="click">
            <Button type="link" size="small">
              {t('pickup.watching', { count: list.folders.length })}
            </Button>
          </Popover>
          <Button type="link" size="small" onClick={() => navigate('settings')}>
            {t('nav.settings')}
          </Button>
        </Space>
      }
    >
      {open.length === 0 ? (
        <Typography.Text type="secondary" className="cell-note">
          {t('pickup.nothing')}
        </Typography.Text>
      ) : (
        <div className="pickup-list" role="list" aria-label={t('pickup.title')}>
          {open.map((offer) => (
            <div role="listitem" className="pickup-offer" key={offer.id} data-testid="pickup-offer">
              <div className="pickup-offer-name">
                <Typography.Text strong>{offer.fileName}</Typography.Text>
                <Typography.Text type="secondary" className="cell-note">
                  {[offer.folder, formatBytes(offer.size), formatDateTime(offer.modifiedAt)].join(' · ')}
                </Typography.Text>
                {offer.caseName ? <Tag color="blue">{t('pickup.knownCase', { caseName: offer.caseName })}</Tag> : null}
                {offer.state === 'failed' && offer.error ? (
                  <Typography.Text type="danger" className="cell-note" role="status">
                    {errorText(i18n, offer.error)}
                  </Typography.Text>
                ) : null}
              </div>
              <Space size={8}>
                <Button
                  type="primary"
                  size="small"
                  icon={<ImportOutlined aria-hidden="true" />}
                  loading={offer.state === 'importing' || busy[offer.id] === 'import'}
                  onClick={() => void importOffer(offer)}
                >
                  {t('pickup.import')}
                </Button>
                <Button size="small" disabled={offer.state === 'importing'} loading={busy[offer.id] === 'ignore'} onClick={() => void ignoreOffer(offer)}>
                  {t('pickup.ignore')}
                </Button>
              </Space>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
