/**
 * What the 门户网站 window may show: the portal's own pages and nothing of the app. Its contents
 * live in a session of their own, run sandboxed without a preload, and navigate only within the
 * portal's origins; everything else goes to the system browser.
 */
import type { WebPreferences } from 'electron';
import { LOCKED_DOWN_PREFERENCES } from './locked-down-preferences';

/** The portal site's own persistent session: its cookies never mix with the app's. */
export const PORTAL_PARTITION = 'persist:portal-site';

/** Remote content: no preload, no Node, no webviews, the same-origin policy kept. */
export function portalWebPreferences(): WebPreferences {
  return {
    ...LOCKED_DOWN_PREFERENCES,
    partition: PORTAL_PARTITION,
    safeDialogs: true,
  };
}

// Public suffixes of two labels under which a site is three labels long (12309.gov.cn).
const twoLabelSuffixes = new Set(['gov.cn', 'com.cn', 'net.cn', 'org.cn', 'edu.cn', 'ac.cn']);

function isIpAddress(host: string): boolean {
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith('[');
}

/**
 * The registrable domain a host belongs to (www.12309.gov.cn → 12309.gov.cn), or null where a
 * host has no site wider than itself (IP addresses, single-label names).
 */
export function siteOf(host: string): string | null {
  if (isIpAddress(host)) return null;
  const labels = host.split('.');
  if (labels.length < 2) return null;
  const length = twoLabelSuffixes.has(labels.slice(-2).join('.')) ? 3 : 2;
  return labels.length < length ? null : labels.slice(-length).join('.');
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` belongs to the portal at `portalUrl`: its exact origin, and for an https portal
 * any https host of the same site. An http portal (the local mock) is its origin and nothing else
 * (bar the same host over https).
 */
export function isPortalUrl(url: string, portalUrl: string): boolean {
  const target = parse(url);
  const portal = parse(portalUrl);
  if (!target || !portal) return false;
  if (portal.protocol !== 'http:' && portal.protocol !== 'https:') return false;
  if (target.origin === portal.origin) return true;
  // The same host upgraded to https (a site answering http with a redirect to https).
  if (portal.protocol === 'http:' && target.protocol === 'https:' && target.host === portal.host) return true;
  if (portal.protocol !== 'https:' || target.protocol !== 'https:') return false;
  const site = siteOf(portal.hostname);
  if (!site) return false;
  return target.hostname === site || target.hostname.endsWith(`.${site}`);
}
