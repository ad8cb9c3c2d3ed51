/**
 * Lays a scanned page out: where each line of text, rule, photo and seal goes, in the scan's own
 * units (SCAN_WIDTH × SCAN_HEIGHT over an A4 sheet, y from the top), before it is drawn into pixels.
 * A paper (ScanContent) is laid out block by block; a typed document that was printed and scanned
 * keeps the lines its text pages would have had (text-layout's PlacedLine, moved from PDF points).
 *
 * The plan is also the page's ground truth: scanPageLines / scanPageText give exactly the text
 * drawn in ink, one printed line per line, top to bottom, pieces of a line (form and table cells)
 * left to right joined by one space, ends trimmed. The red seal's ring text is not part of it.
 */
import { dossierFontMetrics, drawableText } from './dossier-font';
import type { FormCell, ScanBlock, ScanContent, TableColumn } from './scan-content';
import { PAGE_HEIGHT, PAGE_WIDTH, wrapText, type PlacedLine } from './text-layout';

/** The layout's coordinate space over an A4 sheet (about 1.14 units a point). */
export const SCAN_WIDTH = 680;
export const SCAN_HEIGHT = 962;
const UNITS_PER_POINT = SCAN_WIDTH / PAGE_WIDTH;

/** Type sizes and line pitches in units: body ≈ 11.4 pt, small ≈ 10 pt, title ≈ 19 pt. */
const BODY = 13;
const BODY_LEADING = 24;
const SMALL = 11.5;
const SMALL_LEADING = 21;
const TITLE = 22;
const TITLE_LEADING = 36;
/** Ideographs sit between 0.88 em above the baseline and 0.12 em below it. */
const ASCENT = 0.88;
const DESCENT = 0.12;

const GRID_LEFT = 60;
const GRID_RIGHT = SCAN_WIDTH - 56;
const TEXT_LEFT = 70;
const TEXT_RIGHT = SCAN_WIDTH - 62;
const CONTENT_TOP = 80;
const CONTENT_BOTTOM = SCAN_HEIGHT - 70;
const CELL_PADDING = 8;
const FORM_COLUMNS = [0.17, 0.33, 0.17, 0.33];

export interface PlannedText {
  text: string;
  x: number;
  baseline: number;
  size: number;
}

export interface PlannedRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ScanPagePlan {
  /** Every run of text, in ink, in the order it is drawn. */
  texts: PlannedText[];
  /** Ruled lines of forms and tables. */
  rules: PlannedRect[];
  photos: PlannedRect[];
  /** Red seals: centre, and the unit named around the ring. */
  seals: { x: number; y: number; name: string }[];
}

/** One line of a page's ground truth; `box` is [left, top, right, bottom] in layout units. */
export interface ScanLine {
  text: string;
  box: [number, number, number, number];
}

function emptyPlan(): ScanPagePlan {
  return { texts: [], rules: [], photos: [], seals: [] };
}

function widthOf(text: string, size: number): number {
  return dossierFontMetrics().width(text) * size;
}

/** The baseline of a line of `size` type set in a slot of `leading` height from `top`. */
function baselineIn(top: number, leading: number, size: number): number {
  return top + (leading - size) / 2 + ASCENT * size;
}

/** Text for a cell `width` wide: shrunk a little if that makes it fit, else wrapped. */
function fitCell(text: string, size: number, width: number, wrap: boolean): { lines: string[]; size: number } {
  const clean = drawableText(text);
  const natural = widthOf(clean, size);
  if (natural <= width) return { lines: [clean], size };
  if (natural * 0.8 <= width || !wrap) return { lines: [clean], size: Math.max(6, (size * width) / natural) };
  return { lines: wrapText(clean, size, width), size };
}

interface Cursor {
  plan: ScanPagePlan;
  y: number;
}

function centered(cursor: Cursor, text: string, size: number, leading: number): void {
  const clean = drawableText(text);
  const fit = Math.min(size, (GRID_RIGHT - GRID_LEFT) / Math.max(1, dossierFontMetrics().width(clean)));
  cursor.plan.texts.push({ text: clean, x: (SCAN_WIDTH - widthOf(clean, fit)) / 2, baseline: baselineIn(cursor.y, leading, fit), size: fit });
  cursor.y += leading;
}

function paragraphs(cursor: Cursor, texts: string[], indent: boolean): void {
  for (const text of texts) {
    for (const line of wrapText(drawableText(indent ? `\u3000\u3000${text}` : text), BODY, TEXT_RIGHT - TEXT_LEFT)) {
      cursor.plan.texts.push({ text: line, x: TEXT_LEFT, baseline: baselineIn(cursor.y, BODY_LEADING, BODY), size: BODY });
      cursor.y += BODY_LEADING;
    }
  }
  cursor.y += 8;
}

function signature(cursor: Cursor, lines: string[]): void {
  cursor.y += 10;
  for (const line of lines) {
    const clean = drawableText(line);
    cursor.plan.texts.push({ text: clean, x: TEXT_RIGHT - 10 - widthOf(clean, BODY), baseline: baselineIn(cursor.y, BODY_LEADING + 2, BODY), size: BODY });
    cursor.y += BODY_LEADING + 2;
  }
}

function rule(plan: ScanPagePlan, x: number, y: number, width: number, height: number): void {
  plan.rules.push({ x, y, width, height });
}

function form(cursor: Cursor, rows: FormCell[][], limit: number): void {
  const width = GRID_RIGHT - GRID_LEFT;
  const { plan } = cursor;
  rule(plan, GRID_LEFT, cursor.y, width, 1.5);
  for (const row of rows) {
    let column = 0;
    const cells = row.map((cell) => {
      const span = Math.min(cell.span ?? 1, FORM_COLUMNS.length - column);
      const left = GRID_LEFT + width * FORM_COLUMNS.slice(0, column).reduce((a, b) => a + b, 0);
      const cellWidth = width * FORM_COLUMNS.slice(column, column + span).reduce((a, b) => a + b, 0);
      column += span;
      return { left, width: cellWidth, ...fitCell(cell.text, BODY, cellWidth - 2 * CELL_PADDING, true) };
    });
    const lines = Math.max(1, ...cells.map((cell) => cell.lines.length));
    const height = Math.max(40, lines * (BODY_LEADING - 2) + 2 * CELL_PADDING);
    if (cursor.y + height > limit) break;
    for (const cell of cells) {
      // Every cell starts on the row's first line, so a label reads on the line of its value.
      cell.lines.forEach((line, i) => {
        const top = cursor.y + (lines === 1 ? (height - (BODY_LEADING - 2)) / 2 : CELL_PADDING) + i * (BODY_LEADING - 2);
        plan.texts.push({ text: line, x: cell.left + CELL_PADDING, baseline: baselineIn(top, BODY_LEADING - 2, BODY), size: cell.size });
      });
      rule(plan, cell.left, cursor.y, 1.5, height);
    }
    rule(plan, GRID_RIGHT, cursor.y, 1.5, height);
    cursor.y += height;
    rule(plan, GRID_LEFT, cursor.y, width, 1.5);
  }
  cursor.y += 12;
}

function table(cursor: Cursor, block: { columns: TableColumn[]; rows: string[][]; ruled: boolean; small?: boolean }, limit: number): void {
  const { plan } = cursor;
  const size = block.small ? SMALL : BODY;
  const height = block.ruled ? 34 : SMALL_LEADING + 1;
  const width = GRID_RIGHT - GRID_LEFT;
  const lefts = block.columns.map((_, i) => GRID_LEFT + width * block.columns.slice(0, i).reduce((a, c) => a + c.share, 0));
  const row = (cells: string[]): void => {
    cells.forEach((text, i) => {
      if (text === '') return;
      const column = block.columns[i] as TableColumn;
      const fit = fitCell(text, size, width * column.share - 2 * CELL_PADDING + (block.ruled ? 0 : 4), false);
      plan.texts.push({ text: fit.lines[0] as string, x: (lefts[i] as number) + CELL_PADDING, baseline: baselineIn(cursor.y, height, size), size: fit.size });
      if (block.ruled) rule(plan, lefts[i] as number, cursor.y, 1.5, height);
    });
    if (block.ruled) {
      for (let i = cells.length; i < lefts.length; i++) rule(plan, lefts[i] as number, cursor.y, 1.5, height);
      rule(plan, GRID_RIGHT, cursor.y, 1.5, height);
    }
    cursor.y += height;
    if (block.ruled) rule(plan, GRID_LEFT, cursor.y, width, 1.5);
  };
  rule(plan, GRID_LEFT, cursor.y, width, 1.5);
  row(block.columns.map((c) => c.title));
  if (!block.ruled) rule(plan, GRID_LEFT, cursor.y, width, 1);
  for (const cells of block.rows) {
    if (cursor.y + height > limit) break;
    row(cells.map((cell, i) => (i < block.columns.length ? cell : '')));
  }
  if (!block.ruled) rule(plan, GRID_LEFT, cursor.y + 2, width, 1);
  cursor.y += 14;
}

const PHOTO_HEIGHT = 292;

function photo(cursor: Cursor, caption: string): void {
  cursor.plan.photos.push({ x: 90, y: cursor.y, width: SCAN_WIDTH - 180, height: PHOTO_HEIGHT });
  cursor.y += PHOTO_HEIGHT + 6;
  centered(cursor, caption, BODY, BODY_LEADING + 6);
}

function block(cursor: Cursor, item: ScanBlock, limit: number): void {
  switch (item.kind) {
    case 'title':
      return centered(cursor, item.text, TITLE, TITLE_LEADING);
    case 'subtitle':
      return centered(cursor, item.text, BODY, BODY_LEADING + 8);
    case 'paragraphs':
      return paragraphs(cursor, item.texts, item.indent === true);
    case 'signature':
      return signature(cursor, item.lines);
    case 'form':
      return form(cursor, item.rows, limit);
    case 'table':
      return table(cursor, item, limit);
    case 'photo':
      return photo(cursor, item.caption);
  }
}

/** Height the blocks take when laid out on their own (room a table must leave for them). */
function heightOf(blocks: ScanBlock[]): number {
  const cursor = { plan: emptyPlan(), y: 0 };
  for (const item of blocks) block(cursor, item, Number.POSITIVE_INFINITY);
  return cursor.y;
}

export const SEAL_RADIUS = 60;

/**
 * Where the seal goes: on the signature line that names the sealing unit (or the last one), over
 * its end and the date below, as a unit seals its name; the ring's top just above the line.
 */
function sealOver(plan: ScanPagePlan, name: string, lines: PlannedText[]): void {
  const line = [...lines].reverse().find((l) => l.text.includes(name) || l.text.includes('（印）')) ?? lines[lines.length - 1];
  if (!line) return;
  const at = line.text.indexOf('（印）');
  const centre = at > 0 ? line.x + widthOf(line.text.slice(0, at), line.size) : line.x + widthOf(line.text, line.size) / 2;
  const y = Math.min(SCAN_HEIGHT - SEAL_RADIUS - 10, line.baseline - line.size * 1.3 + SEAL_RADIUS);
  plan.seals.push({ x: Math.min(SCAN_WIDTH - SEAL_RADIUS - 10, Math.max(SEAL_RADIUS + 10, centre)), y, name });
}

/** A paper laid out from the top of the page; what does not fit (rows of a long list) is left off. */
export function layoutScanContent(content: ScanContent): ScanPagePlan {
  const cursor: Cursor = { plan: emptyPlan(), y: CONTENT_TOP };
  let signatureLines: PlannedText[] = [];
  content.blocks.forEach((item, i) => {
    const before = cursor.plan.texts.length;
    block(cursor, item, CONTENT_BOTTOM - heightOf(content.blocks.slice(i + 1)));
    if (item.kind === 'signature') signatureLines = cursor.plan.texts.slice(before);
  });
  if (content.seal) sealOver(cursor.plan, content.seal, signatureLines);
  return cursor.plan;
}

/**
 * A typed page, printed and scanned: its lines (PDF points, baseline from the bottom) moved into
 * the scan's units, the footer line, and the seal of the unit whose name ends in （印）.
 */
export function layoutTypedPage(lines: PlacedLine[], footer?: string): ScanPagePlan {
  const plan = emptyPlan();
  for (const line of lines) {
    plan.texts.push({ text: line.text, x: line.x * UNITS_PER_POINT, baseline: (PAGE_HEIGHT - line.y) * UNITS_PER_POINT, size: line.size * UNITS_PER_POINT });
  }
  if (footer !== undefined) {
    const clean = drawableText(footer);
    const size = 9 * UNITS_PER_POINT;
    plan.texts.push({ text: clean, x: (SCAN_WIDTH - widthOf(clean, size)) / 2, baseline: (PAGE_HEIGHT - 42) * UNITS_PER_POINT, size });
  }
  const sealed = plan.texts.filter((t) => t.text.includes('（印）'));
  const last = sealed[sealed.length - 1];
  if (last) sealOver(plan, last.text.slice(0, last.text.indexOf('（印）')).split('\u3000').pop() ?? '', [last]);
  return plan;
}

/** The archive's page number stamped in the top right corner: 5×7 dots of STAMP_DOT units. */
export const STAMP_DOT = 3;
export const STAMP_TOP = 30;
const STAMP_RIGHT = SCAN_WIDTH - 40;

/** Left edge of the stamp's first digit. */
export function stampLeft(page: number): number {
  return STAMP_RIGHT - String(page).length * 6 * STAMP_DOT;
}

/** The page's ground truth: its lines of text in reading order, the stamped page number first. */
export function scanPageLines(plan: ScanPagePlan, stampedPage: number | null): ScanLine[] {
  // Pieces on one baseline (a row of cells) are one printed line.
  const rows: PlannedText[][] = [];
  for (const text of [...plan.texts].filter((t) => t.text.trim() !== '').sort((a, b) => a.baseline - b.baseline)) {
    const row = rows[rows.length - 1];
    if (row && Math.abs((row[0] as PlannedText).baseline - text.baseline) < 2) row.push(text);
    else rows.push([text]);
  }
  const lines: ScanLine[] = rows.map((pieces) => {
      pieces.sort((a, b) => a.x - b.x);
      const text = pieces
        .map((p) => p.text)
        .join(' ')
        .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
      // Leading full-width spaces are indentation, not ink.
      const first = pieces[0] as PlannedText;
      const indent = widthOf(first.text.slice(0, first.text.length - first.text.replace(/^[\s\u3000]+/, '').length), first.size);
      const last = pieces[pieces.length - 1] as PlannedText;
      const right = last.x + widthOf(last.text.replace(/[\s\u3000]+$/, ''), last.size);
      const top = Math.min(...pieces.map((p) => p.baseline - ASCENT * p.size));
      const bottom = Math.max(...pieces.map((p) => p.baseline + DESCENT * p.size));
    return { text, box: [first.x + indent, top, right, bottom] };
  });
  if (stampedPage !== null) {
    const left = stampLeft(stampedPage);
    lines.unshift({ text: String(stampedPage), box: [left, STAMP_TOP, STAMP_RIGHT - STAMP_DOT, STAMP_TOP + 7 * STAMP_DOT] });
  }
  return lines;
}

/** The page's text as OCR should read it: scanPageLines joined by '\n'. */
export function scanPageText(plan: ScanPagePlan, stampedPage: number | null): string {
  return scanPageLines(plan, stampedPage)
    .map((line) => line.text)
    .join('\n');
}
