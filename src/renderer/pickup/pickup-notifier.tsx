import { useEffect, useRef } from 'react';
import { App, Button, Space } from 'antd';
import type { PickupOffer } from '../../shared/pickup';
import { i18n } from '../i18n';
import { viewerHash } from '../state/routes';
import { on } from '../transport';
import { usePickupActions } from './use-pickup-actions';

const KEY_PREFIX = 'pickup-';

/**
 * A dossier archive a browser just saved: a notification, whatever page is open, with 【导入】 and
 * 【忽略】; once imported (by a click, or on its own with 自动导入) it offers 【阅读】.
 */
export function PickupNotifier() {
  const { notification } = App.useApp();
  const actions = usePickupActions();
  // The latest actions, without subscribing again on every render (the seen states would be lost).
  const latest = useRef(actions);
  latest.current = actions;

  useEffect(() => {
    const seen = new Map<string, PickupOffer['state']>();
    function decide(offer: PickupOffer, kind: 'import' | 'ignore') {
      notification.destroy(`${KEY_PREFIX}${offer.id}`);
      void (kind === 'import' ? latest.current.importOffer(offer) : latest.current.ignoreOffer(offer));
    }
    function read(key: string, dossierId: string) {
      notification.destroy(key);
      window.location.hash = viewerHash(dossierId);
    }
    return on('pickup.changed', (offer) => {
      const before = seen.get(offer.id);
      seen.set(offer.id, offer.state);
      const key = `${KEY_PREFIX}${offer.id}`;
      if (offer.state === 'offered' && before === undefined) {
        notification.info({
          key,
          duration: 0,
          title: i18n.t('pickup.found'),
          description: i18n.t('pickup.foundDetail', { fileName: offer.fileName, folder: offer.folder }),
          actions: (
            <Space>
              <Button size="small" onClick={() => decide(offer, 'ignore')}>
                {i18n.t('pickup.ignore')}
              </Button>
              <Button type="primary" size="small" onClick={() => decide(offer, 'import')}>
                {i18n.t('pickup.import')}
              </Button>
            </Space>
          ),
        });
      } else if (offer.state === 'imported' && before !== 'imported' && offer.dossierId) {
        const dossierId = offer.dossierId;
        notification.success({
          key,
          duration: 8,
          title: i18n.t('pickup.imported'),
          description: offer.fileName,
          actions: (
            <Button type="primary" size="small" onClick={() => read(key, dossierId)}>
              {i18n.t('keptSms.read')}
            </Button>
          ),
        });
      } else if (offer.state !== 'offered' && offer.state !== 'imported') {
        // Decided elsewhere (卷宗库's panel), importing, or already in 卷宗库: nothing to ask any more.
        notification.destroy(key);
      }
    });
  }, [notification]);
  return null;
}
