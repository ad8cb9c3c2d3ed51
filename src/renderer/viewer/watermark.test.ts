import { describe, expect, it } from 'vitest';
import { localDate, watermarkText, watermarkTile } from './watermark';

describe('watermark', () => {
  it("names the lawyer and today's date, or the app when nobody is signed in", () => {
    const day = new Date(2025, 2, 8, 23, 59);
    expect(localDate(day)).toBe('2025-03-08');
    expect(watermarkText('张明 ', day, '卷宗台')).toBe('张明 2025-03-08');
    expect(watermarkText(null, day, '卷宗台')).toBe('卷宗台 2025-03-08');
    expect(watermarkText('  ', day, '卷宗台')).toBe('卷宗台 2025-03-08');
  });

  it('is a self-contained, escaped SVG image', () => {
    const tile = watermarkTile('<张明> & 2025-03-08');
    expect(tile.startsWith('url("data:image/svg+xml;charset=utf-8,')).toBe(true);
    const svg = decodeURIComponent(tile.slice('url("data:image/svg+xml;charset=utf-8,'.length, -2));
    expect(svg).toContain('&#60;张明&#62; &#38; 2025-03-08');
    expect(svg).toContain('rotate(-30');
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    // Nothing inside may end the CSS url("…") early.
    expect(tile.slice(5, -2)).not.toContain('"');
  });
});
