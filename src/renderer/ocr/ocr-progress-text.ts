/**
 * How far 文字识别 of a dossier has come, as 卷宗库 and the viewer say it:
 * "文字识别 120/456 页 · 约 12 页/分钟 · 剩余约 8 分钟", "文字识别完成 · 识别扫描页 37 页".
 */
import type { i18n as I18n } from 'i18next';
import type { OcrStatus } from '../../shared/ocr';
import { errorText } from '../i18n/error-text';

export interface OcrProgressText {
  /** What the reading is doing and how many pages it has read. */
  headline: string;
  /** Speed and time left while reading, pages, why it failed; null when there is nothing to add. */
  detail: string | null;
  /** The detail's parts (each kept on one line where the detail wraps). */
  facts: string[];
  /** The two in one line. */
  full: string;
  /** Of the pages, read (0–100), for a bar. */
  percent: number;
}

/** Pages per minute: one decimal below 10 (no ".0"), whole above. */
export function formatRate(perMinute: number): string {
  if (perMinute >= 10) return String(Math.round(perMinute));
  const rounded = Math.round(perMinute * 10) / 10;
  return rounded % 1 === 0 ? String(rounded) : rounded.toFixed(1);
}

/** Time left, in whole minutes (an estimate: "about"), hours and minutes past an hour. */
export function formatTimeLeft(seconds: number, i18n: I18n): string {
  if (seconds < 60) return i18n.t('ocr.leftUnderMinute');
  let minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return i18n.t('ocr.left', { time: i18n.t('ocr.minutes', { minutes }) });
  const hours = Math.floor(minutes / 60);
  minutes -= hours * 60;
  const time = minutes === 0 ? i18n.t('ocr.hours', { hours }) : i18n.t('ocr.hoursMinutes', { hours, minutes });
  return i18n.t('ocr.left', { time });
}

function percentOf(status: OcrStatus): number {
  if (status.state === 'done') return 100;
  if (status.pagesTotal <= 0) return 0;
  return Math.min(100, Math.floor((status.pagesDone / status.pagesTotal) * 100));
}

/** Why the reading failed: the code's text, or core's own words where the code says little. */
function failureText(status: OcrStatus, i18n: I18n): string | null {
  const error = status.error;
  if (!error) return null;
  if (error.code === 'INTERNAL' && error.message) return error.message;
  return errorText(i18n, error);
}

export function ocrProgressText(status: OcrStatus, i18n: I18n): OcrProgressText {
  const pages = i18n.t('ocr.pages', { done: status.pagesDone, total: status.pagesTotal });
  let headline: string;
  let facts: (string | null)[];
  switch (status.state) {
    case 'running':
      headline = i18n.t('ocr.running', { done: status.pagesDone, total: status.pagesTotal });
      facts = [
        status.pagesPerMinute !== null && status.pagesPerMinute > 0 ? i18n.t('ocr.rate', { rate: formatRate(status.pagesPerMinute) }) : null,
        status.secondsLeft !== null && status.secondsLeft > 0 ? formatTimeLeft(status.secondsLeft, i18n) : null,
      ];
      break;
    case 'waiting':
      headline = i18n.t('ocr.waiting');
      facts = [pages];
      break;
    case 'paused':
      headline = i18n.t('ocr.paused');
      facts = [pages];
      break;
    case 'done':
      headline = i18n.t('ocr.done');
      facts = [status.pagesRecognised > 0 ? i18n.t('ocr.recognised', { pages: status.pagesRecognised }) : i18n.t('ocr.noScans')];
      break;
    case 'failed':
      headline = i18n.t('ocr.failed');
      facts = [failureText(status, i18n) ?? pages];
      break;
  }
  const kept = facts.filter((fact): fact is string => fact !== null);
  const detail = kept.length > 0 ? kept.join(' · ') : null;
  return { headline, detail, facts: kept, full: detail ? `${headline} · ${detail}` : headline, percent: percentOf(status) };
}
