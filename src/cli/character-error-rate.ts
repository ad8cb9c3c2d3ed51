/**
 * How far a reading is from the truth: the edit distance between the two, in characters (code
 * points), over the truth's length. Both are compared as search compares text (normalised: Kangxi
 * radicals as ideographs, full-width forms as ASCII, no whitespace), so a line break or a space
 * the reader put elsewhere is no error, and a character read as its radical form is none either.
 */
import { normalizeForSearch } from '../shared/cjk-text';

/** Levenshtein distance over code points (one row of the table at a time). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1));
    }
    previous = current;
  }
  return previous[y.length] as number;
}

export interface CharacterErrors {
  /** Edits (insertions, deletions, substitutions) that turn the reading into the truth. */
  errors: number;
  /** Characters of the truth, normalised. */
  characters: number;
}

export function characterErrors(read: string, truth: string): CharacterErrors {
  const expected = normalizeForSearch(truth);
  return { errors: editDistance(normalizeForSearch(read), expected), characters: [...expected].length };
}

/** errors / characters; 0 for an empty truth read as empty. */
export function characterErrorRate(read: string, truth: string): number {
  const { errors, characters } = characterErrors(read, truth);
  return characters === 0 ? (errors === 0 ? 0 : 1) : errors / characters;
}
