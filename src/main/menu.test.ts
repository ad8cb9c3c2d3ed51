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

  it('has 文件, 编辑, 视图, 帮助 with Chinese labels', () => {
    const template = menuTemplate({ isDev: false, isMac: false, onAbout });
    expect(template.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(find(template, '文件')).toEqual([{ label: '退出', role: 'quit' }]);
    expect(find(template, '编辑').map((item) => item.role)).toEqual(
      expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll']),
    );
    const about = find(template, '帮助')[0]!;
    expect(about.label).toBe('关于卷宗台');
    about.click!({} as never, undefined, {} as never);
    expect(onAbout).toHaveBeenCalledOnce();
  });

  it('offers reload only in development, zoom always', () => {
    const roles = (isDev: boolean) =>
      find(menuTemplate({ isDev, isMac: false, onAbout }), '视图').map((item) => item.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('reload');
    expect(roles(false)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
  });

  it('puts an app menu first on macOS', () => {
    const [first] = menuTemplate({ isDev: false, isMac: true, onAbout });
    expect(first?.label).toBe('卷宗台');
  });
});
