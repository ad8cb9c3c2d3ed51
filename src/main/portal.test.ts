import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const mockPortal = vi.hoisted(() => ({
  startMockPortal: vi.fn(async () => ({ url: 'http://127.0.0.1:40123', close: vi.fn(async () => undefined) })),
}));
vi.mock('../mock-portal/index', () => mockPortal);

import { choosePortal, requestedPortalUrl } from './portal';

describe('requestedPortalUrl', () => {
  it('prefers --portal=URL, then DOSSIER_PORTAL_URL, else none', () => {
    const env = { DOSSIER_PORTAL_URL: 'https://env.example/' };
    expect(requestedPortalUrl(env, ['electron', '.', '--portal=http://127.0.0.1:9000'])).toBe('http://127.0.0.1:9000/');
    expect(requestedPortalUrl(env, ['electron', '.'])).toBe('https://env.example/');
    expect(requestedPortalUrl({}, ['electron', '.'])).toBeNull();
    expect(requestedPortalUrl({ DOSSIER_PORTAL_URL: '  ' }, [])).toBeNull();
  });

  it('refuses URLs that are not http(s)', () => {
    expect(() => requestedPortalUrl({}, ['--portal=file:///etc'])).toThrow(/http or https/);
    expect(() => requestedPortalUrl({ DOSSIER_PORTAL_URL: 'nonsense' }, [])).toThrow(/Not a valid portal URL/);
  });
});

describe('choosePortal', () => {
  it('uses the requested portal without starting the mock', async () => {
    const chosen = await choosePortal({ env: {}, argv: ['--portal=https://portal.example'], userDataDir: '/u' });
    expect(chosen).toMatchObject({ url: 'https://portal.example/', embedded: false });
    expect(mockPortal.startMockPortal).not.toHaveBeenCalled();
  });

  it('otherwise starts the embedded mock portal with its state under userData, and closes it', async () => {
    const chosen = await choosePortal({ env: {}, argv: [], userDataDir: '/u' });
    expect(chosen).toMatchObject({ url: 'http://127.0.0.1:40123', embedded: true });
    expect(mockPortal.startMockPortal).toHaveBeenCalledWith(
      expect.objectContaining({ host: '127.0.0.1', dataDir: join('/u', 'mock-portal') }),
    );
    const started = await mockPortal.startMockPortal.mock.results[0]!.value;
    await chosen.close();
    expect(started.close).toHaveBeenCalledOnce();
  });
});
