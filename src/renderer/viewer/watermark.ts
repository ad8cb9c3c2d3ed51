/** The watermark over every page the viewer shows: who is reading, and when (dossiers are confidential). */

/** 2025-03-08 in local time. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** 张律师 2025-03-08; the fallback (the app's name) when nobody is signed in. */
export function watermarkText(lawyerName: string | null | undefined, date: Date, fallback: string): string {
  const name = lawyerName?.trim();
  return `${name ? name : fallback} ${localDate(date)}`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * One tile of the watermark as a CSS image: the text turned 30° upwards, faint, repeated across the
 * page by the stylesheet. An SVG data: URL, which the CSP allows for images (img-src data:).
 */
export function watermarkTile(text: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200">` +
    `<text x="150" y="100" text-anchor="middle" dominant-baseline="middle" transform="rotate(-30 150 100)" ` +
    `font-family="PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif" font-size="18" ` +
    `fill="rgb(40, 50, 70)" fill-opacity="0.14">${escapeXml(text)}</text></svg>`;
  return `url("data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}")`;
}
