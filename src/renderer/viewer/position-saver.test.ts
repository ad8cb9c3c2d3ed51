import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReadingPosition } from '../../shared/viewer';
import { PositionSaver } from './position-saver';

const at = (page: number): ReadingPosition => ({ document: '第一卷/01_起诉意见书.pdf', page, zoom: 'fit-width', rotation: 0 });

describe('PositionSaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves the last position once scrolling has paused', () => {
    const saved: ReadingPosition[] = [];
    const saver = new PositionSaver(async (position) => saved.push(position), 800);
    saver.update(at(1));
    saver.update(at(2));
    vi.advanceTimersByTime(799);
    saver.update(at(3));
    vi.advanceTimersByTime(799);
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(saved).toEqual([at(3)]);
  });

  it('does not save what was restored or saved already, and flushes at once when leaving', () => {
    const saved: ReadingPosition[] = [];
    const saver = new PositionSaver(async (position) => saved.push(position), 800);
    saver.restored(at(5));
    saver.update(at(5));
    vi.advanceTimersByTime(800);
    expect(saved).toEqual([]);
    saver.update({ ...at(5), zoom: 1.5 });
    saver.flush();
    expect(saved).toEqual([{ ...at(5), zoom: 1.5 }]);
    saver.flush();
    expect(saved).toHaveLength(1);
  });
});
