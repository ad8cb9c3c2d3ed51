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
});

describe('socketUrl', () => {
  it('uses the page host and the matching scheme, token encoded', () => {
    expect(socketUrl({ protocol: 'http:', host: '127.0.0.1:4173' }, 'a+b')).toBe('ws://127.0.0.1:4173/ws?token=a%2Bb');
    expect(socketUrl({ protocol: 'https:', host: 'example.test' }, 't')).toBe('wss://example.test/ws?token=t');
  });
});
