/** 1536 → "1.5 KB"; binary units, one decimal below 10. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO time → "2024-03-05 14:07" in local time, as the portal's lists show it; "—" when absent. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** 1.5 MB/s: a transfer rate in the same units as sizes. */
export function formatSpeed(bytesPerSecond: number): string {
  return `${formatBytes(Math.max(0, Math.round(bytesPerSecond)))}/s`;
}

const durationUnits = {
  'zh-CN': { h: ' 小时', m: ' 分', s: ' 秒', join: ' ' },
  en: { h: ' h', m: ' min', s: ' s', join: ' ' },
} as const;

/**
 * Time left, to the two largest units: "1 小时 5 分", "3 分 20 秒", "45 秒" (English: "3 min 20 s").
 * Rounded up, so "0 秒" never shows while bytes are still coming.
 */
export function formatDuration(seconds: number, locale: 'zh-CN' | 'en'): string {
  const units = durationUnits[locale];
  const total = Math.max(1, Math.ceil(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  if (hours > 0) return [`${hours}${units.h}`, minutes ? `${minutes}${units.m}` : ''].filter(Boolean).join(units.join);
  if (minutes > 0) return [`${minutes}${units.m}`, secs ? `${secs}${units.s}` : ''].filter(Boolean).join(units.join);
  return `${secs}${units.s}`;
}
