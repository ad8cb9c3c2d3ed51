import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, formatDuration, formatSpeed } from './format';

describe('formatBytes', () => {
  it('uses binary units with one decimal below ten', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
    expect(formatBytes(3.25 * 1024 * 1024 * 1024)).toBe('3.3 GB');
  });
});

describe('formatDateTime', () => {
  it('formats a local date and time to the minute, and a dash for nothing', () => {
    const local = new Date(2024, 2, 5, 14, 7, 59);
    expect(formatDateTime(local.toISOString())).toBe('2024-03-05 14:07');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });
});

describe('formatSpeed', () => {
  it('is a size per second, never negative', () => {
    expect(formatSpeed(2.5 * 1024 * 1024)).toBe('2.5 MB/s');
    expect(formatSpeed(800)).toBe('800 B/s');
    expect(formatSpeed(-5)).toBe('0 B/s');
  });
});

describe('formatDuration', () => {
  it('shows the two largest units, rounded up', () => {
    expect(formatDuration(45, 'zh-CN')).toBe('45 秒');
    expect(formatDuration(200, 'zh-CN')).toBe('3 分 20 秒');
    expect(formatDuration(180, 'zh-CN')).toBe('3 分');
    expect(formatDuration(3900.2, 'zh-CN')).toBe('1 小时 5 分');
    expect(formatDuration(0.2, 'zh-CN')).toBe('1 秒');
    expect(formatDuration(200, 'en')).toBe('3 min 20 s');
    expect(formatDuration(7200, 'en')).toBe('2 h');
  });
});
