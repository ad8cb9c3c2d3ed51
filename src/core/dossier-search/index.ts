/** Find across every document of a dossier, with text normalised for search (radicals, full-width forms). */
export {
  DEFAULT_FIND_LIMIT,
  DossierSearch,
  type DossierSearchOptions,
  type FindBatch,
  type LeadingPages,
  type PageStamps,
  type SearchableDossier,
  type StreamOptions,
} from './dossier-search';
export { FindStreams, type SearchTarget } from './find-streams';
export { SNIPPET_CONTEXT } from './find-snippet';
