/**
 * Folding for the library search: full-width and half-width forms, Kangxi radicals (U+2F00–) and
 * other compatibility characters become their ordinary forms (NFKC); case and spaces do not matter.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}
