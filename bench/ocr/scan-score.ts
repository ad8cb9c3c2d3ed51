/**
 * How well a set of scanned pages was read: the character error rate (edit distance over the
 * ground truth's length, both compared as search compares text: no whitespace, radical and
 * full-width forms folded), summed over the set's characters, and how many of the rare place-name
 * characters drawn came back.
 */
import { characterErrors } from '../../src/cli/character-error-rate';

/** Characters of place names OCR models often miss (涪陵, 亳州, 谯城, 嵊州, 犍为, 盱眙). */
export const RARE_CHARACTERS = '涪亳谯嵊犍盱眙';

export interface PageScore {
  errors: number;
  characters: number;
  /** Rare characters in the truth. */
  rareDrawn: number;
  /** Of those, how many the reading has: per rare character, the lesser of its counts in truth and reading. */
  rareRead: number;
}

export interface SetScore extends PageScore {
  pages: number;
  /** 100 × errors / characters. */
  cerPercent: number;
  worstPagePercent: number;
}

function counts(text: string, rare: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const char of text) if (rare.has(char)) out.set(char, (out.get(char) ?? 0) + 1);
  return out;
}

/** Rare characters in the truth, and how many of them the reading has. */
export function rareHits(read: string, truth: string, rareCharacters = RARE_CHARACTERS): { rareDrawn: number; rareRead: number } {
  const rare = new Set(rareCharacters);
  const drawn = counts(truth, rare);
  const found = counts(read, rare);
  let rareDrawn = 0;
  let rareRead = 0;
  for (const [char, count] of drawn) {
    rareDrawn += count;
    rareRead += Math.min(count, found.get(char) ?? 0);
  }
  return { rareDrawn, rareRead };
}

export function scorePage(read: string, truth: string, rareCharacters = RARE_CHARACTERS): PageScore {
  return { ...characterErrors(read, truth), ...rareHits(read, truth, rareCharacters) };
}

export function sumScores(pages: readonly PageScore[]): SetScore {
  const sum = (pick: (page: PageScore) => number) => pages.reduce((total, page) => total + pick(page), 0);
  const errors = sum((page) => page.errors);
  const characters = sum((page) => page.characters);
  return {
    pages: pages.length,
    errors,
    characters,
    rareDrawn: sum((page) => page.rareDrawn),
    rareRead: sum((page) => page.rareRead),
    cerPercent: characters === 0 ? 0 : (100 * errors) / characters,
    worstPagePercent: Math.max(0, ...pages.map((page) => (100 * page.errors) / Math.max(1, page.characters))),
  };
}
