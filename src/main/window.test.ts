import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

const electron = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const created: unknown[] = [];
  class BrowserWindow extends Emitter {
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    constructor(readonly options: unknown) {
      super();
      created.push(this);
    }
  }
  return { BrowserWindow, created, protocol: {} };
});
vi.mock('electron', () => electron);

import { RENDERER_URL } from './app-protocol';
import { createMainWindow, mainWindowOptions } from './window';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs');

  it('isolates and sandboxes the renderer', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('sets nothing beyond those that could widen the renderer (experimental or Blink features, Node in frames)', () => {
    expect(Object.keys(options.webPreferences ?? {}).sort()).toEqual([
      'allowRunningInsecureContent',
      'contextIsolation',
      'navigateOnDragDrop',
      'nodeIntegration',
      'nodeIntegrationInSubFrames',
      'nodeIntegrationInWorker',
      'preload',
      'safeDialogs',
      'sandbox',
      'spellcheck',
      'webSecurity',
      'webviewTag',
    ]);
    expect(options.webPreferences).toMatchObject({ navigateOnDragDrop: false, safeDialogs: true });
  });

  it('has the app title and a desktop size, hidden until ready', () => {
    expect(options).toMatchObject({ title: '卷宗台', width: 1280, height: 820, minWidth: 1024, minHeight: 680, show: false });
  });
});

describe('createMainWindow', () => {
  it('loads the renderer from app:// and shows the window when ready to show', () => {
    const window = createMainWindow('/p.cjs') as unknown as EventEmitter & {
      loadURL: ReturnType<typeof vi.fn>;
      show: ReturnType<typeof vi.fn>;
    };
    expect(electron.created).toHaveLength(1);
    expect(window.loadURL).toHaveBeenCalledWith(RENDERER_URL);
    expect(RENDERER_URL).toBe('app://renderer/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });
});
