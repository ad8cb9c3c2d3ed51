import { describe, expect, it } from 'vitest';
import { Lru } from './lru';

function lru(limit: number) {
  const evicted: string[] = [];
  return { cache: new Lru<string, number>(limit, (key) => evicted.push(key)), evicted };
}

describe('Lru', () => {
  it('evicts the least recently used entry over the limit', () => {
    const { cache, evicted } = lru(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(evicted).toEqual(['b']);
    expect(cache.keys()).toEqual(['a', 'c']);
    expect(cache.size).toBe(2);
  });

  it('keeps entries still wanted, even over the limit, and lets them go later', () => {
    const { cache, evicted } = lru(1);
    cache.set('a', 1);
    cache.set('b', 2, (key) => key === 'a');
    expect(evicted).toEqual([]);
    expect(cache.keys()).toEqual(['a', 'b']);
    cache.trim();
    expect(evicted).toEqual(['a']);
  });

  it('releases entries on delete and clear, once each', () => {
    const { cache, evicted } = lru(3);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.delete('a');
    cache.delete('a');
    cache.clear();
    expect(evicted).toEqual(['a', 'b']);
    expect(cache.has('b')).toBe(false);
  });

  it('stays bounded across many insertions', () => {
    const { cache, evicted } = lru(4);
    for (let i = 0; i < 2000; i += 1) cache.set(`d${i}`, i);
    expect(cache.size).toBe(4);
    expect(evicted).toHaveLength(1996);
    expect(cache.keys()).toEqual(['d1996', 'd1997', 'd1998', 'd1999']);
  });
});
