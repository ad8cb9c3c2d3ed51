export { DossierText, DossierTextStore, TEXT_STORE_FILE, filesSignature, type TextStoreDossier } from './dossier-text-store';
export type { DocumentRecord, PageRecord, PageSource, TextRecord } from './text-records';
