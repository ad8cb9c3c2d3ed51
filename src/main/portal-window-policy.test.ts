import { describe, expect, it } from 'vitest';
import { isPortalUrl, PORTAL_PARTITION, portalWebPreferences, siteOf } from './portal-window-policy';

describe('portalWebPreferences', () => {
  const preferences = portalWebPreferences();

  it('puts the site in its own persistent session, sandboxed and isolated, with no preload', () => {
    expect(PORTAL_PARTITION).toBe('persist:portal-site');
    expect(preferences).toMatchObject({
      partition: 'persist:portal-site',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(preferences).not.toHaveProperty('preload');
  });

  it('sets nothing that could widen the remote content (experimental or Blink features, Node, a preload)', () => {
    expect(Object.keys(preferences).sort()).toEqual([
      'allowRunningInsecureContent',
      'contextIsolation',
      'navigateOnDragDrop',
      'nodeIntegration',
      'nodeIntegrationInSubFrames',
      'nodeIntegrationInWorker',
      'partition',
      'safeDialogs',
      'sandbox',
      'webSecurity',
      'webviewTag',
    ]);
  });
});

describe('isPortalUrl', () => {
  const real = 'https://www.12309.gov.cn/';
  const mock = 'http://127.0.0.1:45678/site/';

  it('allows the portal origin and https hosts of the same site', () => {
    expect(isPortalUrl('https://www.12309.gov.cn/lawyer/login', real)).toBe(true);
    expect(isPortalUrl('https://12309.gov.cn/', real)).toBe(true);
    expect(isPortalUrl('https://lsfw.12309.gov.cn/yy', real)).toBe(true);
    expect(isPortalUrl('https://a.b.12309.gov.cn/', real)).toBe(true);
  });

  it('refuses other sites, look-alikes, and the same site over http', () => {
    for (const url of [
      'https://gov.cn/',
      'https://www.court.gov.cn/',
      'https://evil12309.gov.cn/',
      'https://12309.gov.cn.evil.example/',
      'http://www.12309.gov.cn/',
      'http://lsfw.12309.gov.cn/',
      'file:///etc/passwd',
      'app://renderer/index.html',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isPortalUrl(url, real), url).toBe(false);
    }
  });

  it('keeps an http mock portal to its exact origin', () => {
    expect(isPortalUrl('http://127.0.0.1:45678/site/login', mock)).toBe(true);
    expect(isPortalUrl('http://127.0.0.1:45679/site/', mock)).toBe(false);
    expect(isPortalUrl('http://localhost:45678/site/', mock)).toBe(false);
    expect(isPortalUrl('http://127.0.0.2:45678/', mock)).toBe(false);
    expect(isPortalUrl('https://www.12309.gov.cn/', mock)).toBe(false);
  });

  it('lets an http portal move to its own host over https, and nowhere else', () => {
    expect(isPortalUrl('https://www.12309.gov.cn/', 'http://www.12309.gov.cn/')).toBe(true);
    expect(isPortalUrl('https://lsfw.12309.gov.cn/', 'http://www.12309.gov.cn/')).toBe(false);
  });

  it('allows nothing for a portal that is not http(s)', () => {
    expect(isPortalUrl('file:///a', 'file:///a')).toBe(false);
  });
});

describe('siteOf', () => {
  it('knows the two-label public suffixes of China, and has no site for IP addresses', () => {
    expect(siteOf('www.12309.gov.cn')).toBe('12309.gov.cn');
    expect(siteOf('12309.gov.cn')).toBe('12309.gov.cn');
    expect(siteOf('gov.cn')).toBeNull();
    expect(siteOf('portal.example.com')).toBe('example.com');
    expect(siteOf('127.0.0.1')).toBeNull();
    expect(siteOf('[::1]')).toBeNull();
    expect(siteOf('localhost')).toBeNull();
  });
});
