import { useState } from 'react';
import type { PickupOffer } from '../../shared/pickup';
import { useReportError } from '../shell/use-report-error';
import { usePickupStore } from '../state/pickup-store';
import { api } from '../transport';

/** 【导入】 and 【忽略】 of an offered archive, shared by the 卷宗库 panel and the notification. */
export function usePickupActions() {
  const report = useReportError();
  const [busy, setBusy] = useState<Record<string, 'import' | 'ignore'>>({});

  async function act(offer: PickupOffer, kind: 'import' | 'ignore'): Promise<PickupOffer | null> {
    setBusy((state) => ({ ...state, [offer.id]: kind }));
    try {
      const next = kind === 'import' ? await api['pickup.import']({ id: offer.id }) : await api['pickup.ignore']({ id: offer.id });
      usePickupStore.getState().upsert(next);
      if (next.state === 'failed' && next.error) report(next.error);
      return next;
    } catch (error) {
      report(error);
      return null;
    } finally {
      setBusy(({ [offer.id]: _done, ...rest }) => rest);
    }
  }

  return {
    busy,
    importOffer: (offer: PickupOffer) => act(offer, 'import'),
    ignoreOffer: (offer: PickupOffer) => act(offer, 'ignore'),
  };
}
