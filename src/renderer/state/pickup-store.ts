import { create } from 'zustand';
import type { PickupList, PickupOffer } from '../../shared/pickup';
import { api } from '../transport';

interface PickupState {
  /** What 下载文件夹 watches and found; null until loaded. */
  list: PickupList | null;
  load(): Promise<void>;
  /** From a `pickup.changed` event or a call's answer. */
  upsert(offer: PickupOffer): void;
}

/** Offers newest first (by the file's time), as core lists them. */
function ordered(offers: PickupOffer[]): PickupOffer[] {
  return [...offers].sort((a, b) => Date.parse(b.modifiedAt) - Date.parse(a.modifiedAt));
}

/** 下载文件夹: seeded by pickup.list, kept live by pickup.changed. */
export const usePickupStore = create<PickupState>((set) => ({
  list: null,
  async load() {
    set({ list: await api['pickup.list']({}) });
  },
  upsert(offer) {
    set((state) => {
      if (!state.list) return state;
      const others = state.list.offers.filter((item) => item.id !== offer.id);
      return { list: { ...state.list, offers: ordered([...others, offer]) } };
    });
  },
}));
