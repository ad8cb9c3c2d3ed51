import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { callNames, eventNames, ipcChannel, type DossierApi } from '../shared/contract';
import type { DossierBridge } from '../shared/bridge';

const electron = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const exposed = new Map<string, unknown>();
  const ipcRenderer = Object.assign(new Emitter(), { invoke: vi.fn() });
  return {
    exposed,
    contextBridge: { exposeInMainWorld: vi.fn((key: string, value: unknown) => exposed.set(key, value)) },
    ipcRenderer,
    webUtils: { getPathForFile: vi.fn((file: { name: string }) => `/home/lawyer/Downloads/${file.name}`) },
  };
});
vi.mock('electron', () => electron);

let bridge: DossierBridge;
const ipc = electron.ipcRenderer as EventEmitter & { invoke: ReturnType<typeof vi.fn> };

beforeAll(async () => {
  await import('./index');
  bridge = electron.exposed.get('dossier') as DossierBridge;
});

describe('preload', () => {
  it('exposes window.dossier and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['dossier']);
    expect(Object.keys(bridge).sort()).toEqual(['calls', 'on', 'pathForFile']);
  });

  it('gives the path of a chosen file through webUtils, and nothing of the file itself', () => {
    const file = new File(['PK'], '卷宗.zip');
    ipc.invoke.mockClear();
    expect(bridge.pathForFile(file)).toBe('/home/lawyer/Downloads/卷宗.zip');
    expect(electron.webUtils.getPathForFile).toHaveBeenCalledWith(file);
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('exposes exactly the contract calls', () => {
    expect(Object.keys(bridge.calls).sort()).toEqual([...callNames].sort());
    for (const name of callNames) expect(typeof bridge.calls[name]).toBe('function');
  });

  it('reaches main only on the contract channels, each call on its own', async () => {
    ipc.invoke.mockClear();
    ipc.invoke.mockResolvedValue({ ok: true, result: null });
    for (const name of callNames) await (bridge.calls[name] as (input: unknown) => Promise<unknown>)({});
    const channels = ipc.invoke.mock.calls.map(([channel]) => channel);
    ipc.invoke.mockReset();
    expect(channels).toEqual(callNames.map((name) => ipcChannel.call(name)));
    for (const name of eventNames) bridge.on(name, () => undefined)();
    expect(ipc.eventNames()).toEqual([]);
  });

  it('invokes the call channel and unwraps a result', async () => {
    ipc.invoke.mockResolvedValueOnce({ ok: true, result: { locale: 'en' } });
    await expect(bridge.calls['settings.update']({ locale: 'en' })).resolves.toEqual({ locale: 'en' });
    expect(ipc.invoke).toHaveBeenLastCalledWith(ipcChannel.call('settings.update'), { locale: 'en' });
  });

  it('rejects with the error payload of a failed call', async () => {
    ipc.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'VALIDATION', message: 'locale: 不支持' } });
    await expect(bridge.calls['settings.update']({ locale: 'en' })).rejects.toEqual({
      code: 'VALIDATION',
      message: 'locale: 不支持',
    });
    ipc.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'NOT_A_CODE', message: 'x' } });
    await expect(bridge.calls['app.info']({})).rejects.toMatchObject({ code: 'INTERNAL', message: 'x' });
    ipc.invoke.mockResolvedValueOnce('garbage');
    await expect(bridge.calls['app.info']({})).rejects.toMatchObject({ code: 'INTERNAL' });
    ipc.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    await expect(bridge.calls['app.info']({})).rejects.toEqual({ code: 'INTERNAL', message: 'No handler registered' });
  });

  it('delivers event payloads without the IPC event, until unsubscribed', () => {
    const [name] = eventNames;
    const listener = vi.fn();
    const unsubscribe = bridge.on(name!, listener);
    const payload = { status: 'signed-out' };
    ipc.emit(ipcChannel.event(name!), { sender: ipc, senderId: 0 }, payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([payload]);
    unsubscribe();
    unsubscribe();
    ipc.emit(ipcChannel.event(name!), {}, payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipc.listenerCount(ipcChannel.event(name!))).toBe(0);
  });

  it('refuses event names outside the contract', () => {
    const on = bridge.on as (name: string, listener: () => void) => () => void;
    expect(() => on('dossier:call:app.info', () => undefined)).toThrow(/Unknown event/);
    expect(() => on('__proto__', () => undefined)).toThrow(/Unknown event/);
    expect(ipc.eventNames()).toEqual([]);
  });

  it('keeps the calls object frozen', () => {
    expect(Object.isFrozen(bridge.calls)).toBe(true);
    expect(() => {
      (bridge.calls as Record<string, unknown>)['extra'] = () => undefined;
    }).toThrow();
    expect((bridge.calls as Partial<DossierApi> & Record<string, unknown>)['extra']).toBeUndefined();
  });
});
