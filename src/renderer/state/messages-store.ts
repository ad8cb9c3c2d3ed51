import { create } from 'zustand';
import type { MessageList } from '../../shared/contract';
import { api } from '../transport';

interface MessagesState {
  /** The portal's notifications, newest first; null until loaded (and when signed out). */
  list: MessageList | null;
  /** For the 消息 badge: from the last list, or from the latest `messages.changed` event. */
  unread: number;
  loadError: unknown;
  load(): Promise<void>;
  markRead(ids?: string[]): Promise<void>;
  setUnread(unread: number): void;
  clear(): void;
}

export const useMessagesStore = create<MessagesState>((set) => ({
  list: null,
  unread: 0,
  loadError: null,
  async load() {
    try {
      const list = await api['messages.list']({});
      set({ list, unread: list.unread, loadError: null });
    } catch (error) {
      set({ loadError: error });
    }
  },
  async markRead(ids) {
    const list = await api['messages.markRead'](ids ? { ids } : {});
    set({ list, unread: list.unread, loadError: null });
  },
  setUnread(unread) {
    set({ unread });
  },
  clear() {
    set({ list: null, unread: 0, loadError: null });
  },
}));
