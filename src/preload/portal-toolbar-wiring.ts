/**
 * The 门户网站 toolbar's wiring (see portal-toolbar.ts): its buttons and address field send
 * commands to main, and main's state updates what they show. The channel names are those of
 * src/main/portal-toolbar/toolbar-page.ts.
 */

const COMMAND_CHANNEL = 'portal-toolbar:command';
const STATE_CHANNEL = 'portal-toolbar:state';

export interface ToolbarState {
  url: string;
  secure: boolean;
  canGoBack: boolean;
  canGoForward: boolean;
  loading: boolean;
}

export interface ToolbarIpc {
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, state: ToolbarState) => void): unknown;
}

export function wireToolbar(doc: Document, ipc: ToolbarIpc): void {
  const byId = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
  const back = byId<HTMLButtonElement>('back');
  const forward = byId<HTMLButtonElement>('forward');
  const reload = byId<HTMLButtonElement>('reload');
  const lock = byId<HTMLSpanElement>('lock');
  const address = byId<HTMLInputElement>('address');
  back.addEventListener('click', () => ipc.send(COMMAND_CHANNEL, { command: 'back' }));
  forward.addEventListener('click', () => ipc.send(COMMAND_CHANNEL, { command: 'forward' }));
  reload.addEventListener('click', () => ipc.send(COMMAND_CHANNEL, { command: 'reload' }));
  byId<HTMLFormElement>('bar').addEventListener('submit', (event) => {
    event.preventDefault();
    ipc.send(COMMAND_CHANNEL, { command: 'go', url: address.value.trim() });
  });
  ipc.on(STATE_CHANNEL, (_event, state) => {
    back.disabled = !state.canGoBack;
    forward.disabled = !state.canGoForward;
    reload.textContent = state.loading ? '加载中' : '刷新';
    lock.textContent = state.secure ? '🔒 安全' : '⚠ 不安全';
    lock.className = state.secure ? 'secure' : 'insecure';
    // Never overwrite what the lawyer is typing.
    if (doc.activeElement !== address) address.value = state.url;
  });
}
