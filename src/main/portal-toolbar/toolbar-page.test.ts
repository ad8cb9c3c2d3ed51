import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseToolbarCommand, TOOLBAR_COMMAND_CHANNEL, TOOLBAR_PAGE_URL, TOOLBAR_STATE_CHANNEL } from './toolbar-page';

const page = decodeURIComponent(TOOLBAR_PAGE_URL.slice(TOOLBAR_PAGE_URL.indexOf(',') + 1));
// The preload is built apart (src/preload may not be imported from main): read as text.
const preloadDir = join(import.meta.dirname, '..', '..', 'preload');
const entry = readFileSync(join(preloadDir, 'portal-toolbar.ts'), 'utf8');
const preload = readFileSync(join(preloadDir, 'portal-toolbar-wiring.ts'), 'utf8');
const importsOf = (source: string) => [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((match) => match[1]);

describe('the toolbar page', () => {
  it('is a data: URL of static HTML whose CSP runs no script and loads nothing', () => {
    expect(TOOLBAR_PAGE_URL.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(page).not.toMatch(/<script/i);
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
  });

  it('has the 后退 前进 刷新 buttons and the address field the preload wires', () => {
    for (const label of ['后退', '前进', '刷新']) expect(page).toContain(`>${label}</button>`);
    const ids = [...preload.matchAll(/byId<\w+>\('(\w+)'\)/g)].map((match) => match[1]);
    expect(ids.sort()).toEqual(['address', 'back', 'bar', 'forward', 'lock', 'reload']);
    for (const id of ids) expect(page).toContain(`id="${id}"`);
  });

  it('speaks over the channels the preload uses, and the preload exposes nothing to the page', () => {
    expect(preload).toContain(`const COMMAND_CHANNEL = '${TOOLBAR_COMMAND_CHANNEL}';`);
    expect(preload).toContain(`const STATE_CHANNEL = '${TOOLBAR_STATE_CHANNEL}';`);
    expect(entry + preload).not.toMatch(/contextBridge|exposeInMainWorld/);
    // Nothing shared with the app's preload, so the preload build splits no chunk off (a sandbox
    // cannot load one), and the entry exports nothing (a sandboxed preload is a plain script).
    expect(importsOf(entry)).toEqual(['electron', './portal-toolbar-wiring']);
    expect(importsOf(preload)).toEqual([]);
    expect(entry).not.toMatch(/^export /m);
  });
});

describe('parseToolbarCommand', () => {
  it('accepts the four commands and nothing else', () => {
    expect(parseToolbarCommand({ command: 'back' })).toEqual({ command: 'back' });
    expect(parseToolbarCommand({ command: 'forward', extra: 1 })).toEqual({ command: 'forward' });
    expect(parseToolbarCommand({ command: 'reload' })).toEqual({ command: 'reload' });
    expect(parseToolbarCommand({ command: 'go', url: 'https://www.12309.gov.cn/' })).toEqual({
      command: 'go',
      url: 'https://www.12309.gov.cn/',
    });
    for (const input of [null, 'back', { command: 'go' }, { command: 'go', url: 7 }, { command: 'go', url: 'x'.repeat(5000) }, { command: 'close' }]) {
      expect(parseToolbarCommand(input)).toBeNull();
    }
  });
});
