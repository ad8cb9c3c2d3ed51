import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => ({ Menu: {}, BrowserWindow: class {}, protocol: {} }));

import { menuTemplate } from './menu';

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  return (menu?.submenu ?? []) as MenuItemConstructorOptions[];
}

describe('menuTemplate', () => {
  const onAbout = vi.fn();
  const onOpenPortalSite = vi.fn();

  it('has 文件, 编辑, 视图, 帮助 with Chinese labels', () => {
    const template = menuTemplate({ isDev: false, isMac: false, onAbout, onOpenPortalSite });
    expect(template.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(find(template, '文件').map((item) => item.label ?? item.type)).toEqual(['门户网站', 'separator', '退出']);
    expect(find(template, '文件').at(-1)).toEqual({ label: '退出', role: 'quit' });
    expect(find(template, '编辑').map((item) => item.role)).toEqual(
      expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll']),
    );
    const about = find(template, '帮助')[0]!;
    expect(about.label).toBe('关于卷宗台');
    about.click!({} as never, undefined, {} as never);
    expect(onAbout).toHaveBeenCalledOnce();
  });

  it('opens the portal website from 文件 ▸ 门户网站', () => {
    const portalSite = find(menuTemplate({ isDev: false, isMac: false, onAbout, onOpenPortalSite }), '文件')[0]!;
    expect(portalSite.label).toBe('门户网站');
    expect(onOpenPortalSite).not.toHaveBeenCalled();
    portalSite.click!({} as never, undefined, {} as never);
    expect(onOpenPortalSite).toHaveBeenCalledOnce();
  });

  it('offers reload only in development, zoom always', () => {
    const roles = (isDev: boolean) =>
      find(menuTemplate({ isDev, isMac: false, onAbout, onOpenPortalSite }), '视图').map((item) => item.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('reload');
    expect(roles(false)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
  });

  it('puts an app menu first on macOS', () => {
    const [first] = menuTemplate({ isDev: false, isMac: true, onAbout, onOpenPortalSite });
    expect(first?.label).toBe('卷宗台');
  });
});
