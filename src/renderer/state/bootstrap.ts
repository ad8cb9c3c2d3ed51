import { on, onConnection } from '../transport';
import { useAppInfoStore } from './app-info-store';
import { useConnectionStore } from './connection-store';
import { useDownloadsStore } from './downloads-store';
import { useMessagesStore } from './messages-store';
import { useOcrStore } from './ocr-store';
import { usePickupStore } from './pickup-store';
import { navigate, useRouteStore } from './route-store';
import { routeAfterSessionChange } from './session-routing';
import { useSessionStore } from './session-store';
import { useSettingsStore } from './settings-store';

function loadAll(): void {
  void useSessionStore
    .getState()
    .load()
    .then(() => {
      // After a reconnect the session may be unchanged while messages arrived meanwhile.
      if (useSessionStore.getState().session?.status === 'signed-in') void useMessagesStore.getState().load();
    });
  void useAppInfoStore.getState().load();
  useSettingsStore
    .getState()
    .load()
    .catch((error: unknown) => console.warn('settings unavailable, keeping the default locale', error));
  useDownloadsStore
    .getState()
    .load()
    .catch((error: unknown) => console.warn('downloads unavailable', error));
  useOcrStore
    .getState()
    .load()
    .catch((error: unknown) => console.warn('文字识别 status unavailable', error));
  usePickupStore
    .getState()
    .load()
    .catch((error: unknown) => console.warn('下载文件夹 unavailable', error));
}

/** Wires the stores to core: first load, events, and a reload after a reconnect (events may have been missed). */
export function startStores(): void {
  on('auth.sessionChanged', (session) => useSessionStore.getState().set(session));
  // Core may fall back to memory when the keychain refuses a write: app.info then says so.
  on('app.notice', () => void useAppInfoStore.getState().load());
  on('downloads.changed', (item) => useDownloadsStore.getState().upsert(item));
  on('ocr.progress', (status) => useOcrStore.getState().upsert(status));
  on('pickup.changed', (offer) => usePickupStore.getState().upsert(offer));
  on('messages.changed', ({ unread }) => {
    const messages = useMessagesStore.getState();
    messages.setUnread(unread);
    if (useSessionStore.getState().session?.status === 'signed-in') void messages.load();
  });

  useSessionStore.subscribe((state, previous) => {
    if (!state.session || state.session === previous.session) return;
    // 消息 belong to the signed-in lawyer: fetched on sign-in (and by loadAll), dropped on sign-out.
    if (state.session.status === 'signed-in') {
      if (previous.session?.status === 'signed-out') void useMessagesStore.getState().load();
    } else {
      useMessagesStore.getState().clear();
    }
    const next = routeAfterSessionChange(previous.session, state.session, useRouteStore.getState().route);
    if (next) navigate(next);
  });

  let wasOpen = useConnectionStore.getState().state === 'open';
  onConnection((state) => {
    useConnectionStore.setState({ state });
    if (state === 'open' && !wasOpen) loadAll();
    wasOpen = state === 'open';
  });

  // The first load waits for the socket's `open` above; Electron is open from the start.
  if (wasOpen) loadAll();
}
