// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { wireToolbar } from './portal-toolbar-wiring';

type StateListener = (event: unknown, state: unknown) => void;

function setUp() {
  document.body.innerHTML = `<form id="bar"><button type="button" id="back" disabled>后退</button>
    <button type="button" id="forward" disabled>前进</button><button type="button" id="reload">刷新</button>
    <span id="lock"></span><input id="address"></form>`;
  let listener: StateListener | null = null;
  const ipc = { send: vi.fn(), on: vi.fn((_channel: string, next: StateListener) => (listener = next)) };
  wireToolbar(document, ipc);
  const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  return { ipc, el, state: (state: object) => listener!({}, state) };
}

const where = { url: 'https://www.12309.gov.cn/lawyer', secure: true, canGoBack: true, canGoForward: false, loading: false };

describe('the toolbar preload', () => {
  beforeEach(() => (document.body.innerHTML = ''));

  it('sends 后退 前进 刷新 as commands', () => {
    const { ipc, el } = setUp();
    for (const id of ['back', 'forward', 'reload']) el<HTMLButtonElement>(id).dispatchEvent(new Event('click'));
    expect(ipc.send.mock.calls).toEqual([
      ['portal-toolbar:command', { command: 'back' }],
      ['portal-toolbar:command', { command: 'forward' }],
      ['portal-toolbar:command', { command: 'reload' }],
    ]);
  });

  it('sends the typed address on Enter', () => {
    const { ipc, el } = setUp();
    el<HTMLInputElement>('address').value = '  http://127.0.0.1:45678/site/  ';
    el<HTMLFormElement>('bar').dispatchEvent(new Event('submit', { cancelable: true }));
    expect(ipc.send).toHaveBeenCalledWith('portal-toolbar:command', { command: 'go', url: 'http://127.0.0.1:45678/site/' });
  });

  it('shows where the site is: the address, the lock, and which buttons work', () => {
    const { ipc, el, state } = setUp();
    expect(ipc.on).toHaveBeenCalledWith('portal-toolbar:state', expect.any(Function));
    state(where);
    expect(el<HTMLInputElement>('address').value).toBe('https://www.12309.gov.cn/lawyer');
    expect(el<HTMLButtonElement>('back').disabled).toBe(false);
    expect(el<HTMLButtonElement>('forward').disabled).toBe(true);
    expect(el('lock').textContent).toContain('安全');
    expect(el('lock').className).toBe('secure');
    state({ ...where, url: 'http://127.0.0.1:45678/site/', secure: false, loading: true });
    expect(el('lock').textContent).toContain('不安全');
    expect(el('lock').className).toBe('insecure');
    expect(el('reload').textContent).toBe('加载中');
  });

  it('leaves the address alone while it is being typed in', () => {
    const { el, state } = setUp();
    const address = el<HTMLInputElement>('address');
    address.focus();
    address.value = 'http://127.0.0.1:45678/site/y';
    state(where);
    expect(address.value).toBe('http://127.0.0.1:45678/site/y');
  });
});
