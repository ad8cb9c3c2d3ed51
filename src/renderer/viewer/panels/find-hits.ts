/** A hit's snippet, split for marking the match in the 搜索 list. */
export interface SnippetParts {
  before: string;
  match: string;
  after: string;
}

/**
 * Splits a snippet around its match for marking; a range outside the snippet (or reversed) is
 * clamped, so a bad range marks less rather than breaking the list.
 */
export function splitSnippet(snippet: string, match: readonly [number, number]): SnippetParts {
  const clamp = (n: number) => Math.min(Math.max(0, Math.trunc(Number.isFinite(n) ? n : 0)), snippet.length);
  const start = clamp(match[0]);
  const end = Math.max(start, clamp(match[1]));
  return { before: snippet.slice(0, start), match: snippet.slice(start, end), after: snippet.slice(end) };
}

/**
 * The parts with at most `max` characters (code points) before the match, cut with an ellipsis, so
 * the match shows on the first line of a narrow, two-line row.
 */
export function leadUpTo(parts: SnippetParts, max: number): SnippetParts {
  const before = [...parts.before];
  if (before.length <= max) return parts;
  return { ...parts, before: `…${before.slice(before.length - max).join('')}` };
}
