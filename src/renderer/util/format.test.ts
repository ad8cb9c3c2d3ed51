import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime } from './format';

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
