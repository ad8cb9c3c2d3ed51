import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOcrEngine, type OcrEngine } from './ocr-engine';
import { scanGray } from './test-scans';

// OCR takes a second or more a page, and much longer on a loaded machine (CI runs files side by side).
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

/** Edit distance over characters, whitespace ignored: the recogniser's errors on a line. */
function characterErrors(truth: string, read: string): number {
  const a = [...truth.replace(/\s/g, '')];
  const b = [...read.replace(/\s/g, '')];
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

const LINES = [
  '讯问笔录',
  '地点：重庆市涪陵区公安局执法办案中心第二讯问室',
  '问：你把2025年11月3日晚上在涪陵区黎明路茶楼发生的事情讲一下。',
  '答：那天晚上大概10点钟，我和刘某某在茶楼打牌，后来因为钱的事情吵起来了。',
];

let engine: OcrEngine;
beforeAll(async () => {
  engine = await createOcrEngine();
});
afterAll(async () => {
  await engine.close();
});

describe('the OCR engine (PaddleOCR on ONNX Runtime)', () => {
  it('reads a 150-dpi scan line by line, in reading order, with boxes where the lines are', async () => {
    const page = await engine.recognise(scanGray(LINES));
    const read = page.text.split('\n');
    expect(read).toHaveLength(LINES.length);
    const errors = LINES.reduce((sum, line, i) => sum + characterErrors(line, read[i] ?? ''), 0);
    const characters = LINES.join('').length;
    // Office-scan goal: at most 2 % of characters wrong.
    expect(errors / characters).toBeLessThanOrEqual(0.02);
    expect(page.text).toContain('涪陵');
    // Lines drawn 48 px apart from y = 200, from x = 120.
    for (const [i, line] of page.lines.entries()) {
      const baseline = 200 + 48 * i;
      expect(line.box[1]).toBeGreaterThan(baseline - 40);
      expect(line.box[3]).toBeLessThan(baseline + 20);
      expect(Math.abs(line.box[0] - 120)).toBeLessThan(20);
      expect(line.confidence).toBeGreaterThan(0.5);
    }
  });

  it('finds nothing on blank paper', async () => {
    const page = await engine.recognise(scanGray([]));
    expect(page.lines).toEqual([]);
    expect(page.text).toBe('');
  });
});
