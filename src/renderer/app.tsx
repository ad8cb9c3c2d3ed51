import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { I18nextProvider } from 'react-i18next';
import { i18n } from './i18n';
import { LibraryLockGate } from './library-lock/library-lock-gate';
import { AppShell } from './shell/app-shell';
import { useRouteStore } from './state/route-store';
import { useSettingsStore } from './state/settings-store';
import { usePrefersReducedMotion } from './util/use-reduced-motion';
import { useViewerAddress } from './viewer/use-viewer-address';
import { ViewerScreen } from './viewer/viewer-screen';

/** CJK faces first for Chinese (full-width punctuation); Latin faces first for English. */
const cjkFonts = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC"';
const latinFonts = '"Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans"';
export const fontStacks = {
  'zh-CN': `-apple-system, BlinkMacSystemFont, ${cjkFonts}, ${latinFonts}, sans-serif`,
  en: `-apple-system, BlinkMacSystemFont, ${latinFonts}, ${cjkFonts}, sans-serif`,
} as const;

export function App() {
  const locale = useSettingsStore((s) => s.settings.locale);
  const route = useRouteStore((s) => s.route);
  const viewing = useViewerAddress();
  const reducedMotion = usePrefersReducedMotion();
  return (
    <I18nextProvider i18n={i18n}>
      <ConfigProvider
        locale={locale === 'en' ? enUS : zhCN}
        // The manual's labels exactly: no space inserted into 登录, 同意, 提交.
        button={{ autoInsertSpace: false }}
        theme={{
          algorithm: theme.defaultAlgorithm,
          token: {
            colorPrimary: '#1e4fa3',
            colorInfo: '#1e4fa3',
            borderRadius: 6,
            fontFamily: fontStacks[locale],
            colorBgLayout: '#f3f5f9',
            colorInfoBg: '#eef3fb',
            colorInfoBorder: '#c9d6ee',
            motion: !reducedMotion,
          },
          components: {
            Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerHeight: 60, headerPadding: '0 24px' },
            Menu: {
              itemBorderRadius: 6,
              itemMarginInline: 8,
              subMenuItemBg: '#ffffff',
              itemSelectedBg: '#e8effa',
              itemHoverBg: '#f2f5fa',
            },
          },
        }}
      >
        <AntApp>
          {/* The viewer takes the whole window: reading needs the room more than the menus. */}
          {route === 'viewer' && viewing ? (
            <LibraryLockGate leave>
              <ViewerScreen dossierId={viewing} />
            </LibraryLockGate>
          ) : (
            <AppShell />
          )}
        </AntApp>
      </ConfigProvider>
    </I18nextProvider>
  );
}
