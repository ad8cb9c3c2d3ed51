/** The 卷内目录 of a dossier's volumes, read from their first pages and placed on pages or files. */
export { contentsCandidates, contentsOf, DossierContentsReader, type LeadingPagesSource } from './dossier-contents';
export { matchFiles } from './match-files';
export { parseContents, type ParsedContents, type ParsedEntry } from './parse-contents';
export { placeInPdf, type PlacedContents } from './place-contents';
