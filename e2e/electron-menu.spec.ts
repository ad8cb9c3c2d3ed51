/**
 * The application menu, and the native box its 关于卷宗台 opens: stubbed at the Electron API in
 * the main process (a real modal box would wait for a person to close it).
 */
import { electronMissing, expect, test } from './support/electron-app';

test.skip(electronMissing !== null, electronMissing ?? '');

interface Recorded {
  shownBoxes: unknown[];
}

test('the menu has 文件, 编辑, 视图 and 帮助 in Chinese', async ({ shell }) => {
  const menu = await shell.app.evaluate(({ Menu }) =>
    Menu.getApplicationMenu()!.items.map((item) => ({
      label: item.label,
      entries: item.submenu?.items.filter((entry) => entry.type !== 'separator').map((entry) => entry.label) ?? [],
    })),
  );
  // macOS puts the app's own menu first.
  expect(menu.slice(-4).map((item) => item.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  const entries = Object.fromEntries(menu.map((item) => [item.label, item.entries]));
  expect(entries['文件']).toEqual(['门户网站', '退出']);
  expect(entries['编辑']).toEqual(expect.arrayContaining(['复制', '粘贴', '全选']));
  expect(entries['视图']).toEqual(expect.arrayContaining(['放大', '缩小', '实际大小']));
  expect(entries['帮助']).toEqual(['关于卷宗台']);
});

test('帮助 ▸ 关于卷宗台 shows the product name and version in a native message box', async ({ shell }) => {
  const { app } = shell;
  await app.evaluate(({ dialog }) => {
    const recorded = globalThis as unknown as Recorded;
    recorded.shownBoxes = [];
    // Called as showMessageBox(options) or showMessageBox(window, options): keep the options.
    dialog.showMessageBox = (async (...args: unknown[]) => {
      recorded.shownBoxes.push(args[args.length - 1]);
      return { response: 0, checkboxChecked: false };
    }) as typeof dialog.showMessageBox;
  });
  await app.evaluate(({ Menu }) => {
    const help = Menu.getApplicationMenu()!.items.find((item) => item.label === '帮助')!;
    help.submenu!.items.find((item) => item.label === '关于卷宗台')!.click();
  });
  await expect
    .poll(() => app.evaluate(() => (globalThis as unknown as Recorded).shownBoxes))
    .toEqual([expect.objectContaining({ type: 'info', title: '关于卷宗台', message: '卷宗台', detail: expect.stringMatching(/^版本 \d+\.\d+\.\d+/) })]);
});
