/** 关于 (the app and its portal), 设置, and 门户网站: the contract's app-wide calls. */
import type { AppInfo, Settings } from '../../shared/contract';
import type { PortalHealth } from '../../shared/portal-wire';
import { checkPickupFolders } from '../download-pickup';
import { checkLibraryFolder } from '../library-folder';
import type { SettingsService } from '../settings';
import type { CallsOf, CallsUnder } from './call-group';

export interface AppCallsWiring {
  appVersion: string;
  portalUrl: string;
  /** The portal's health: asked again while it has not answered, kept once it has. */
  health(): Promise<PortalHealth | null>;
  /** Where secrets live now (a keychain that stops answering falls back to memory). */
  secretStore(): AppInfo['secretStore'];
  settings: SettingsService;
  /** The managed folder when 设置 names none. */
  libraryDefault: string;
  /** A folder added to the watched ones, or the watch turned on: look now rather than at the next poll. */
  pickupScanNow(): void;
  /** The host's own window for the portal's site (Electron); without one the renderer opens a tab. */
  openPortalSite?: (url: string) => Promise<void>;
}

/** What 门户网站 opens: the real site when chosen (or when the portal is not a mock), else the mock's site. */
export function portalSiteOf(settings: Settings, portalUrl: string, health: PortalHealth | null): AppInfo['portalSite'] {
  if (settings.useRealPortalSite || !health?.mock) return { url: settings.realPortalUrl, mock: false };
  return { url: new URL('/site/', portalUrl).toString(), mock: true };
}

export function appCalls(wiring: AppCallsWiring): CallsOf<'app.info' | 'portalSite.open'> & CallsUnder<'settings'> {
  const { settings } = wiring;
  return {
    'app.info': async () => {
      const health = await wiring.health();
      return {
        version: wiring.appVersion,
        portal: { url: wiring.portalUrl, name: health?.name ?? null, mock: health?.mock ?? false, reachable: health !== null },
        secretStore: wiring.secretStore(),
        libraryFolder: settings.get().libraryFolder ?? wiring.libraryDefault,
        portalSite: portalSiteOf(settings.get(), wiring.portalUrl, health),
      };
    },
    'settings.get': async () => settings.get(),
    'settings.update': async (change) => {
      if (change.libraryFolder) change = { ...change, libraryFolder: await checkLibraryFolder(change.libraryFolder) };
      if (change.pickupFolders) change = { ...change, pickupFolders: await checkPickupFolders(change.pickupFolders) };
      const updated = await settings.update(change);
      if (change.pickupFolders || change.pickupEnabled) wiring.pickupScanNow();
      return updated;
    },
    'portalSite.open': async () => {
      const { url } = portalSiteOf(settings.get(), wiring.portalUrl, await wiring.health());
      if (!wiring.openPortalSite) return { url, opened: false };
      await wiring.openPortalSite(url);
      return { url, opened: true };
    },
  };
}
