// 门户网站: which site core names (the mock portal's own website, or the real 12309 site chosen in 设置),
// and who opens it (the host's window when it has one, else the renderer's new tab).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockPortal, type MockPortal } from '../mock-portal';
import { REAL_PORTAL_URL } from '../shared/contract';
import { dispatchCall } from '../shared/dispatch';
import { CoreHarness } from './test-harness';

let portal: MockPortal;
const harness = new CoreHarness();

beforeEach(async () => {
  portal = await startMockPortal({});
});
afterEach(async () => {
  await harness.closeAll();
  await portal.close();
});

describe('portalSite', () => {
  it('names the mock portal\'s website while the mock is the portal, and the real site once chosen', async () => {
    const core = await harness.open(portal.url);
    expect((await core.api['app.info']({})).portalSite).toEqual({ url: `${portal.url}/site/`, mock: true });
    const site = await fetch(`${portal.url}/site/`);
    expect(site.status).toBe(200);
    expect(await site.text()).toContain('12309');

    await core.api['settings.update']({ useRealPortalSite: true });
    expect((await core.api['app.info']({})).portalSite).toEqual({ url: REAL_PORTAL_URL, mock: false });
    await core.api['settings.update']({ realPortalUrl: 'https://www.12309.gov.cn/lsfw/' });
    expect(await core.api['portalSite.open']({})).toEqual({ url: 'https://www.12309.gov.cn/lsfw/', opened: false });
  });

  it('refuses an address that is not a web address', async () => {
    const core = await harness.open(portal.url);
    // As every transport hands it in: through the contract's validation.
    await expect(dispatchCall(core.api, 'settings.update', { realPortalUrl: 'file:///etc/passwd' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(dispatchCall(core.api, 'settings.update', { realPortalUrl: 'javascript:alert(1)' })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await core.api['settings.get']({})).realPortalUrl).toBe(REAL_PORTAL_URL);
  });

  it('hands the site to a host that shows it in a window of its own', async () => {
    const opened: string[] = [];
    const core = await harness.open(portal.url, {
      openPortalSite: async (url) => {
        opened.push(url);
      },
    });
    expect(await core.api['portalSite.open']({})).toEqual({ url: `${portal.url}/site/`, opened: true });
    expect(opened).toEqual([`${portal.url}/site/`]);
  });
});
