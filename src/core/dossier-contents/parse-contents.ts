/**
 * Reads a 卷内目录 (序号 | 文件名称 | 页次) out of the text layer of a volume's first pages. The
 * text comes as pdf.js gives it: cells may be split into several items, spaced out (卷 内 目 录),
 * on one line per row or one line per cell, with full-width digits and dashes (1－6) and Kangxi
 * radicals for some ideographs. Pure: no PDF here, only page texts.
 */
import { normalizeForSearch, RADICALS_SUPPLEMENT } from '../../shared/cjk-text';

export interface ParsedEntry {
  /** 序号 as printed. */
  seq: number;
  title: string;
  /** 页次 as the 目录 counts them (not yet PDF pages); null where the row gives none and none can be inferred. */
  firstPage: number | null;
  /** null: up to the end of the volume (the last row gives only where it starts). */
  lastPage: number | null;
}

export interface ParsedContents {
  /** 0-based indices of the pages that carry the 目录 (consecutive). */
  tocPages: number[];
  entries: ParsedEntry[];
}

/** How far into a PDF a 目录 may start (a cover, perhaps a blank or a 封皮 back before it). */
export const TOC_SEARCH_PAGES = 6;
/** The page texts a caller should read to find and parse a 目录 (its pages follow each other). */
export const TOC_READ_PAGES = 16;

const HEADING = /^(卷内)?目录/;
/** 序号 文件名称 页次 (or 题名 / 页号 / 页码, and columns such as 责任者, 文号, 日期, 备注). */
const HEADER_ROW = /序号.*(页次|页号|页码)|^(序号|顺序号)(责任者|文号|文件名称|题名)/;
const FOOTER = /第\s*\d+\s*页\s*[，,]?\s*共\s*\d+\s*页/g;
/** 12, 1-6, 1~6, 1至6, 第7页, 7页 (full-width digits and dashes folded before). */
const PAGE_SPEC = /^第?(\d{1,5})(?:[-~—–―至](\d{1,5}))?页?$/;

/** Text as it should be shown: radicals and full-width forms folded, spacing kept. */
function displayText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code >= 0x2e80 && code <= 0x2fdf) out += RADICALS_SUPPLEMENT.get(code) ?? char.normalize('NFKC');
    else if (code >= 0xff01 && code <= 0xff5e && !'（）：；，、'.includes(char)) out += char.normalize('NFKC');
    else out += char;
  }
  return out;
}

/** True for a page whose first lines say 卷内目录 (or 目录), however spaced. */
export function isContentsPage(text: string): boolean {
  const lines = text.split('\n').slice(0, 4);
  return lines.some((line) => HEADING.test(normalizeForSearch(line)));
}

interface Token {
  text: string;
  page: ParsedPage | null;
}

interface ParsedPage {
  first: number;
  last: number | null;
}

function pageSpec(token: string): ParsedPage | null {
  const match = PAGE_SPEC.exec(token);
  if (!match) return null;
  const first = Number(match[1]);
  const last = match[2] === undefined ? null : Number(match[2]);
  // 6-1 is not a range anyone writes: not a 页次.
  if (last !== null && last < first) return null;
  return { first, last };
}

/** The page's rows as tokens: everything after the header row (or the heading), footers dropped. */
function tokensOf(text: string): Token[] {
  const lines = displayText(text).replace(FOOTER, ' ').split('\n');
  let start = 0;
  const header = lines.findIndex((line) => HEADER_ROW.test(normalizeForSearch(line)));
  if (header >= 0) start = header + 1;
  else {
    const heading = lines.findIndex((line) => HEADING.test(normalizeForSearch(line)));
    if (heading >= 0) start = heading + 1;
  }
  const body = lines
    .slice(start)
    .join('\n')
    // A range split into items (1 - 6, 1 －6) is one token.
    .replace(/(\d)\s*([-~—–―至])\s*(?=\d)/g, '$1$2');
  return body
    .split(/\s+/)
    .filter((token) => token !== '')
    .map((token) => ({ text: token, page: pageSpec(token) }));
}

const isTitle = (token: Token | undefined): boolean => token !== undefined && token.page === null;

/** Joins title pieces: ideographs close up, Latin words keep a space. */
function joinTitle(parts: string[]): string {
  let out = '';
  for (const part of parts) {
    if (out !== '' && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(part)) out += ' ';
    out += part;
  }
  return out;
}

/**
 * The rows of one 目录 page. A row starts where the expected 序号 stands before a title token
 * (so a 页次 equal to the next 序号, as in "1 封面 2 2 目录 3", is not taken for it); its 页次 is
 * the last page-like token of the row.
 */
function parseRows(text: string, nextSeq: number | null): ParsedEntry[] {
  const tokens = tokensOf(text);
  const isSeqAt = (i: number, seq: number | null): boolean => {
    const token = tokens[i];
    if (!token?.page || token.page.last !== null || !/^\d+$/.test(token.text) || !isTitle(tokens[i + 1])) return false;
    return seq === null || token.page.first === seq;
  };
  let at = tokens.findIndex((_, i) => isSeqAt(i, nextSeq));
  const entries: ParsedEntry[] = [];
  while (at >= 0) {
    const seq = (tokens[at]?.page as ParsedPage).first;
    let end = at + 2;
    while (end < tokens.length && !isSeqAt(end, seq + 1)) end++;
    const cells = tokens.slice(at + 1, end);
    let specAt = -1;
    for (let i = cells.length - 1; i > 0; i--) {
      if (cells[i]?.page) {
        specAt = i;
        break;
      }
    }
    const titleCells = (specAt > 0 ? cells.slice(0, specAt) : cells).map((cell) => cell.text);
    const spec = specAt > 0 ? (cells[specAt]?.page ?? null) : null;
    entries.push({ seq, title: joinTitle(titleCells), firstPage: spec?.first ?? null, lastPage: spec?.last ?? null });
    at = end < tokens.length ? end : -1;
  }
  return entries;
}

/**
 * Fills in what the 目录 leaves out: a row with one number runs up to where the next row starts
 * (a 目录 that gives only start pages), a row with none starts after the previous one.
 */
function inferPages(entries: ParsedEntry[]): ParsedEntry[] {
  const out = entries.map((entry) => ({ ...entry }));
  for (let i = 0; i < out.length; i++) {
    const entry = out[i] as ParsedEntry;
    if (entry.firstPage === null) {
      const previous = out[i - 1];
      if (!previous) entry.firstPage = 1;
      else if (previous.lastPage !== null) entry.firstPage = previous.lastPage + 1;
      else if (previous.firstPage !== null) entry.firstPage = previous.firstPage + 1;
    }
  }
  for (let i = 0; i < out.length; i++) {
    const entry = out[i] as ParsedEntry;
    if (entry.lastPage !== null || entry.firstPage === null) continue;
    const nextStart = out.slice(i + 1).find((next) => next.firstPage !== null)?.firstPage ?? null;
    if (nextStart !== null && nextStart > entry.firstPage) entry.lastPage = nextStart - 1;
    else if (nextStart !== null) entry.lastPage = entry.firstPage;
  }
  return out;
}

/**
 * The 目录 of a volume from the texts of its first pages (index 0 = page 1), or null when none of
 * the first pages is one or it lists no rows. Pages after the first 目录 page belong to it while
 * they are headed 目录 too, or continue its 序号.
 */
export function parseContents(pages: readonly string[]): ParsedContents | null {
  const first = pages.slice(0, TOC_SEARCH_PAGES).findIndex(isContentsPage);
  if (first < 0) return null;
  const tocPages: number[] = [];
  const entries: ParsedEntry[] = [];
  for (let index = first; index < pages.length; index++) {
    const text = pages[index] as string;
    const last = entries[entries.length - 1];
    const rows = parseRows(text, last ? last.seq + 1 : null);
    const headed = isContentsPage(text);
    // A page without the heading continues the 目录 only when it goes on counting from its last row.
    if (!headed && (rows.length === 0 || !last)) break;
    if (!headed && rows.length < 2 && rows[0]?.firstPage === null) break;
    if (rows.length === 0 && index > first) break;
    tocPages.push(index);
    entries.push(...rows);
  }
  if (entries.length === 0) return null;
  return { tocPages, entries: inferPages(entries) };
}
