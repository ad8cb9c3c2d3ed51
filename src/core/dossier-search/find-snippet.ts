/** A hit's snippet: the match with some context, in the page's own text, and where the match sits in it. */
import { normalizeWithSourceMap, sourceRange, type SourceMappedText } from '../../shared/cjk-text';

/** UTF-16 units of context on each side of a match. */
export const SNIPPET_CONTEXT = 30;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export class PageSnippets {
  private mapped: SourceMappedText | null = null;

  constructor(private readonly original: string) {}

  /** Where the match at [start, end) of the normalised text is in the page's own text. */
  sourceRange(start: number, end: number): [number, number] {
    this.mapped ??= normalizeWithSourceMap(this.original);
    return sourceRange(this.mapped, start, end);
  }

  /** The snippet for the match at [start, end) of the page's normalised text. */
  snippet(start: number, end: number): { snippet: string; match: [number, number] } {
    const text = this.original;
    const [from, to] = this.sourceRange(start, end);
    let left = Math.max(0, from - SNIPPET_CONTEXT);
    let right = Math.min(text.length, to + SNIPPET_CONTEXT);
    // Never cut a character outside the basic plane in half.
    if (left > 0 && isLowSurrogate(text.charCodeAt(left))) left -= 1;
    if (right < text.length && isLowSurrogate(text.charCodeAt(right))) right += 1;
    // Line breaks become spaces (same length, so the match offsets hold); outer spaces are dropped.
    const raw = text.slice(left, right).replace(/[\r\n\t\f\v]/g, ' ');
    const lead = raw.length - raw.trimStart().length;
    const snippet = raw.trim();
    return { snippet, match: [from - left - lead, to - left - lead] };
  }
}
