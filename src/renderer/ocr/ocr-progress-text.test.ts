import { describe, expect, it } from 'vitest';
import type { OcrStatus } from '../../shared/ocr';
import { createI18n } from '../i18n';
import { formatRate, formatTimeLeft, ocrProgressText } from './ocr-progress-text';

const zh = createI18n('zh-CN');
const en = createI18n('en');

function status(change: Partial<OcrStatus>): OcrStatus {
  return { dossierId: 'd1', state: 'running', pagesDone: 120, pagesTotal: 456, pagesRecognised: 80, pagesPerMinute: 12, secondsLeft: 480, error: null, ...change };
}

describe('文字识别 progress text', () => {
  it('says pages read, speed and time left while reading', () => {
    const text = ocrProgressText(status({}), zh);
    expect(text.full).toBe('文字识别 120/456 页 · 约 12 页/分钟 · 剩余约 8 分钟');
    expect(text.headline).toBe('文字识别 120/456 页');
    expect(text.facts).toEqual(['约 12 页/分钟', '剩余约 8 分钟']);
    expect(text.percent).toBe(26);
    expect(ocrProgressText(status({}), en).full).toBe('Text recognition 120/456 pages · about 12 pages/min · about 8 min left');
  });

  it('leaves speed and time out until they are measured', () => {
    const text = ocrProgressText(status({ pagesDone: 1, pagesPerMinute: null, secondsLeft: null }), zh);
    expect(text.detail).toBeNull();
    expect(text.facts).toEqual([]);
    expect(text.full).toBe('文字识别 1/456 页');
    expect(text.percent).toBe(0);
  });

  it('says how many scanned pages were recognised once done', () => {
    const done = ocrProgressText(status({ state: 'done', pagesDone: 456, pagesRecognised: 37, secondsLeft: 0 }), zh);
    expect(done.full).toBe('文字识别完成 · 识别扫描页 37 页');
    expect([done.headline, done.detail]).toEqual(['文字识别完成', '识别扫描页 37 页']);
    expect(ocrProgressText(status({ state: 'done', pagesDone: 456, pagesRecognised: 0 }), zh).full).toBe('文字识别完成 · 没有扫描页');
    expect(ocrProgressText(status({ state: 'done', pagesDone: 0, pagesTotal: 0 }), zh).percent).toBe(100);
  });

  it('says paused and waiting without a speed, even one measured before', () => {
    expect(ocrProgressText(status({ state: 'paused' }), zh).full).toBe('文字识别已暂停 · 120/456 页');
    expect(ocrProgressText(status({ state: 'paused' }), en).full).toBe('Text recognition paused · 120/456 pages');
    expect(ocrProgressText(status({ state: 'waiting', pagesDone: 0 }), zh).full).toBe('等待文字识别 · 0/456 页');
  });

  it('says why it failed: core’s words for an internal error, the code’s text for a known one', () => {
    const internal = ocrProgressText(status({ state: 'failed', error: { code: 'INTERNAL', message: 'worker exited' } }), zh);
    expect(internal.full).toBe('文字识别失败 · worker exited');
    expect(ocrProgressText(status({ state: 'failed', error: null }), zh).full).toBe('文字识别失败 · 120/456 页');
    const known = ocrProgressText(status({ state: 'failed', error: { code: 'NOT_FOUND', message: 'gone' } }), zh);
    expect(known.detail).toBe(zh.t('errors.NOT_FOUND'));
    expect(known.detail).not.toBe('');
  });

  it('rounds the speed to one decimal below 10 pages a minute', () => {
    expect(formatRate(40)).toBe('40');
    expect(formatRate(12.4)).toBe('12');
    expect(formatRate(2.66)).toBe('2.7');
    expect(formatRate(3)).toBe('3');
    expect(formatRate(0.04)).toBe('0');
  });

  it('gives time left in minutes, hours and minutes past an hour', () => {
    expect(formatTimeLeft(20, zh)).toBe('剩余不到 1 分钟');
    expect(formatTimeLeft(89, zh)).toBe('剩余约 1 分钟');
    expect(formatTimeLeft(91, zh)).toBe('剩余约 2 分钟');
    expect(formatTimeLeft(3600, zh)).toBe('剩余约 1 小时');
    expect(formatTimeLeft(3900, zh)).toBe('剩余约 1 小时 5 分钟');
    expect(formatTimeLeft(3900, en)).toBe('about 1 h 5 min left');
  });
});
