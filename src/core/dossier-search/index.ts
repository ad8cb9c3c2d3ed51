/** Find across every document of a dossier, with text normalised for search (radicals, full-width forms). */
export { DEFAULT_FIND_LIMIT, DossierSearch, type DossierSearchOptions, type LeadingPages, type PageStamps, type SearchableDossier } from './dossier-search';
export { SNIPPET_CONTEXT } from './find-snippet';
