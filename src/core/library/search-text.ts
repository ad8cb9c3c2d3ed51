/**
 * Folding for the library search: the same normalisation as search inside documents (full-width
 * forms, Kangxi and radical-supplement code points as ordinary ideographs; case and spaces do not
 * matter).
 */
import { normalizeForSearch } from '../../shared/cjk-text';

export function foldForSearch(text: string): string {
  return normalizeForSearch(text);
}
