/** The application menu: a few entries, labelled in Chinese. */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { WINDOW_TITLE } from './window';

export interface MenuOptions {
  /** Unpackaged builds get reload and developer tools. */
  isDev: boolean;
  isMac: boolean;
  onAbout: () => void;
  /** 文件 ▸ 门户网站: the portal's own website in a window of its own. */
  onOpenPortalSite: () => void;
}

export function menuTemplate({ isDev, isMac, onAbout, onOpenPortalSite }: MenuOptions): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: `关于${WINDOW_TITLE}`, click: onAbout };
  const view: MenuItemConstructorOptions[] = [
    ...(isDev
      ? ([
          { label: '重新加载', role: 'reload' },
          { label: '开发者工具', role: 'toggleDevTools' },
          { type: 'separator' },
        ] satisfies MenuItemConstructorOptions[])
      : []),
    { label: '实际大小', role: 'resetZoom' },
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen' },
  ];
  // macOS shows the first menu under the app's name.
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [{ label: WINDOW_TITLE, submenu: [about, { type: 'separator' }, { label: '退出', role: 'quit' }] }]
    : [];
  return [
    ...appMenu,
    {
      label: '文件',
      submenu: [{ label: '门户网站', click: () => onOpenPortalSite() }, { type: 'separator' }, { label: '退出', role: 'quit' }],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '帮助', submenu: [about] },
  ];
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
