import { create } from 'zustand';
import type { LibraryLockStatus } from '../../shared/contract';
import { api, on, onConnection } from '../transport';

interface LibraryLockState {
  /** As core last said; null until loaded. */
  status: LibraryLockStatus | null;
  load(): Promise<LibraryLockStatus>;
  set(status: LibraryLockStatus): void;
}

/** 卷宗库锁 as core enforces it: seeded by library.lockStatus, kept live by library.lockChanged. */
export const useLibraryLockStore = create<LibraryLockState>((set) => ({
  status: null,
  async load() {
    const status = await api['library.lockStatus']({});
    set({ status });
    return status;
  },
  set(status) {
    set({ status });
  },
}));

let watching = false;

/** Follows the lock from the first screen that needs it (again after a reconnect: events may have been missed). */
export function watchLibraryLock(): void {
  if (watching) return;
  watching = true;
  const store = useLibraryLockStore.getState();
  on('library.lockChanged', (status) => store.set(status));
  onConnection((state) => {
    if (state === 'open') void store.load().catch(() => undefined);
  });
  void store.load().catch((error: unknown) => console.warn('卷宗库锁 status unavailable', error));
}
