/**
 * The search of library.list: what a dossier is found by (its case name, its unit, the paths of its
 * files), folded once per change so a search over many dossiers only compares prepared text.
 */
import { normalizeForSearch } from '../../shared/cjk-text';
import type { DossierRecord } from './dossier-record';

/** A search lists at most this many matching files per dossier. */
const MAX_MATCHED_FILES = 50;

/**
 * Folding for the library search: the same normalisation as search inside documents (full-width
 * forms, Kangxi and radical-supplement code points as ordinary ideographs; case and spaces do not
 * matter).
 */
export function foldForSearch(text: string): string {
  return normalizeForSearch(text);
}

/** A dossier's searchable text, folded; `paths` in the order of the record's files. */
export interface SearchFields {
  caseName: string;
  unit: string;
  paths: string[];
}

export function searchFields(record: DossierRecord): SearchFields {
  return {
    caseName: foldForSearch(record.caseName),
    unit: foldForSearch(record.unit ?? ''),
    paths: record.files.map((file) => foldForSearch(file.path)),
  };
}

/**
 * Whether a dossier matches the folded `query`, and which of its files did: none listed when its case
 * name or unit matched (or the query is empty), null when nothing matched.
 */
export function matchDossier(search: SearchFields, record: DossierRecord, query: string): string[] | null {
  if (query === '' || search.caseName.includes(query) || search.unit.includes(query)) return [];
  const matched: string[] = [];
  for (let i = 0; i < search.paths.length && matched.length < MAX_MATCHED_FILES; i++) {
    if ((search.paths[i] as string).includes(query)) matched.push((record.files[i] as { path: string }).path);
  }
  return matched.length > 0 ? matched : null;
}
