/**
 * Lays a text document out on A4 pages: wraps Chinese text by glyph width (closing punctuation
 * may hang into the margin rather than start a line), then flows the title, header, as much body
 * as fits, and the closing over the document's text pages, so the closing ends the last one.
 */
import { dossierFontMetrics, drawableText } from './dossier-font';
import type { SeededRandom } from './seeded-random';
import type { TextContent } from './text-content';

export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const MARGIN_LEFT = 72;
export const MARGIN_RIGHT = 66;
export const MARGIN_TOP = 78;
export const MARGIN_BOTTOM = 76;
export const BODY_SIZE = 12;
const BODY_LEADING = 22;
const TITLE_SIZE = 20;
const TITLE_LEADING = 36;

export interface PlacedLine {
  text: string;
  x: number;
  /** Baseline, PDF coordinates (from the bottom). */
  y: number;
  size: number;
}

const HANGING = new Set('，。、；：？！）》」』”’,.;:?!)%'.split(''));

export function wrapText(text: string, size: number, width: number): string[] {
  const metrics = dossierFontMetrics();
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const char of text) {
    const charWidth = metrics.width(char) * size;
    if (lineWidth + charWidth > width && line !== '' && !HANGING.has(char)) {
      lines.push(line);
      line = '';
      lineWidth = 0;
    }
    line += char;
    lineWidth += charWidth;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

interface FlowLine {
  text: string;
  size: number;
  leading: number;
  centered: boolean;
  indent: number;
}

function paragraphLines(text: string, options: { indent?: boolean } = {}): FlowLine[] {
  const clean = drawableText(text);
  // Prose opens with two full-width spaces; 问/答 lines and labels start at the margin.
  const indented = options.indent !== false && !/^(问|答)：/.test(clean);
  const width = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
  return wrapText(indented ? `\u3000\u3000${clean}` : clean, BODY_SIZE, width).map((line) => ({
    text: line,
    size: BODY_SIZE,
    leading: BODY_LEADING,
    centered: false,
    indent: 0,
  }));
}

function centered(text: string, size: number, leading: number): FlowLine {
  return { text: drawableText(text), size, leading, centered: true, indent: 0 };
}

const CONTENT_TOP = PAGE_HEIGHT - MARGIN_TOP;
const CONTENT_BOTTOM = MARGIN_BOTTOM;

/** Where the next line goes, and whether a line of `leading` still fits on the current page. */
interface Cursor {
  page: number;
  y: number;
}

function advance(cursor: Cursor, leading: number): Cursor {
  return cursor.y - leading < CONTENT_BOTTOM ? { page: cursor.page + 1, y: CONTENT_TOP - leading } : { page: cursor.page, y: cursor.y - leading };
}

function endsWithin(cursor: Cursor, lines: FlowLine[], pages: number): boolean {
  let at = cursor;
  for (const line of lines) at = advance(at, line.leading);
  return at.page < pages;
}

/** Lines for `pages` text pages (index = page), with `radicals` applied to some body lines. */
export function layoutText(content: TextContent, pages: number, random: SeededRandom): PlacedLine[][] {
  const prelude: FlowLine[] = [
    ...content.titleLines.map((t) => centered(t, TITLE_SIZE, TITLE_LEADING)),
    ...(content.subtitle ? [centered(content.subtitle, BODY_SIZE, 28)] : []),
    ...content.header.flatMap((p) => paragraphLines(p, { indent: false })),
  ];
  const closing = content.closing.flatMap((p) => paragraphLines(p, { indent: false }));
  const flow: FlowLine[] = [...prelude];
  let cursor: Cursor = { page: 0, y: CONTENT_TOP };
  for (const line of prelude) cursor = advance(cursor, line.leading);
  // Take body paragraphs while the closing still ends on the last page.
  for (let guard = 0; content.body && guard < 10_000; guard++) {
    const next = content.body.next();
    if (next.done) break;
    let lines = paragraphLines(next.value);
    if (content.radicals) lines = lines.map((line) => (random.chance(0.2) ? { ...line, text: withRadicals(line.text) } : line));
    if (!endsWithin(cursor, [...lines, ...closing], pages)) break;
    for (const line of lines) cursor = advance(cursor, line.leading);
    flow.push(...lines);
  }
  flow.push(...closing);

  const placed: PlacedLine[][] = Array.from({ length: pages }, () => []);
  let at: Cursor = { page: 0, y: CONTENT_TOP };
  const metrics = dossierFontMetrics();
  for (const line of flow) {
    at = advance(at, line.leading);
    if (at.page >= pages) break;
    const width = metrics.width(line.text) * line.size;
    const x = line.centered ? (PAGE_WIDTH - width) / 2 : MARGIN_LEFT + line.indent;
    placed[at.page]?.push({ text: line.text, x, y: at.y, size: line.size });
  }
  return placed;
}

/** 人 → ⼈ (U+2F08, KANGXI RADICAL MAN), 见 → ⻅ (U+2EC5, CJK RADICAL C-SIMPLIFIED SEE). */
export function withRadicals(text: string): string {
  return text.replace(/人/g, '\u2F08').replace(/见/g, '\u2EC5');
}
