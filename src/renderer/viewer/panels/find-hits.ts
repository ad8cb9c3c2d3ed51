import type { FindHit } from '../../../shared/viewer';

/** A hit with its place in the whole list (for the up/down keys and the active mark). */
export interface IndexedHit {
  hit: FindHit;
  index: number;
}

/** The hits of one document, in the order core found them (volume, document, page). */
export interface HitGroup {
  document: string;
  hits: IndexedHit[];
}

/** Groups hits by document, keeping the order documents first appear in. */
export function groupHits(hits: readonly FindHit[]): HitGroup[] {
  const groups = new Map<string, HitGroup>();
  hits.forEach((hit, index) => {
    let group = groups.get(hit.document);
    if (!group) {
      group = { document: hit.document, hits: [] };
      groups.set(hit.document, group);
    }
    group.hits.push({ hit, index });
  });
  return [...groups.values()];
}

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

/** The next hit to show for the up/down keys, wrapping at both ends; -1 when there are none. */
export function stepHit(active: number, count: number, step: 1 | -1): number {
  if (count <= 0) return -1;
  if (active < 0 || active >= count) return step === 1 ? 0 : count - 1;
  return (active + step + count) % count;
}

/**
 * Which of its page's matches hit `index` is (0-based): hits come in page order, so it is the number
 * of hits on the same page before it. The page then marks that occurrence, not just the first.
 */
export function occurrenceOnPage(hits: readonly FindHit[], index: number): number {
  const hit = hits[index];
  if (!hit) return 0;
  return hits.slice(0, index).filter((other) => other.document === hit.document && other.page === hit.page).length;
}
