import { describe, expect, it } from 'vitest';
import { socketUrl, takeLaunchToken, tokenStorageKey } from './launch-token';

function fakes(href: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  return {
    location: { href },
    history: { state: null, replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)) },
    storage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
    stored: storage,
    replaced,
  };
}

describe('takeLaunchToken', () => {
  it('takes the token from the query, stores it for reloads and removes it from the address bar', () => {
    const f = fakes('http://127.0.0.1:4173/?token=abc123&lang=en#/settings');
    expect(takeLaunchToken(f.location, f.history, f.storage)).toBe('abc123');
    expect(f.stored.get(tokenStorageKey)).toBe('abc123');
    expect(f.replaced).toEqual(['/?lang=en#/settings']);
  });

  it('falls back to the stored token on reload, leaving the address alone', () => {
    const f = fakes('http://127.0.0.1:4173/#/help', { [tokenStorageKey]: 'kept' });
    expect(takeLaunchToken(f.location, f.history, f.storage)).toBe('kept');
    expect(f.replaced).toEqual([]);
  });

  it('returns null when there is no token anywhere', () => {
    const f = fakes('http://127.0.0.1:4173/');
    expect(takeLaunchToken(f.location, f.history, f.storage)).toBeNull();
  });

  it('a link with a new token replaces the one kept for the tab', () => {
    const f = fakes('http://127.0.0.1:4173/?token=fresh', { [tokenStorageKey]: 'old' });
    expect(takeLaunchToken(f.location, f.history, f.storage)).toBe('fresh');
    expect(f.stored.get(tokenStorageKey)).toBe('fresh');
  });

  it('drops a token that could not travel as a subprotocol, from the address bar and from storage', () => {
    const f = fakes('http://127.0.0.1:4173/?token=a%20b,c', { [tokenStorageKey]: 'kept' });
    expect(takeLaunchToken(f.location, f.history, f.storage)).toBe('kept');
    expect(f.replaced).toEqual(['/']);
    const g = fakes('http://127.0.0.1:4173/', { [tokenStorageKey]: 'no;good' });
    expect(takeLaunchToken(g.location, g.history, g.storage)).toBeNull();
  });
});

describe('socketUrl', () => {
  it('uses the page host and the matching scheme, and carries no token', () => {
    expect(socketUrl({ protocol: 'http:', host: '127.0.0.1:4173' })).toBe('ws://127.0.0.1:4173/ws');
    expect(socketUrl({ protocol: 'https:', host: 'example.test' })).toBe('wss://example.test/ws');
  });
});
