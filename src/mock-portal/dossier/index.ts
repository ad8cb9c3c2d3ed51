/** The dossier generator: realistic, encrypted, reproducible 卷宗 archives for the mock portal. */
export { generateDossier, writeDossierFile, type WrittenDossier } from './generate-dossier';
export {
  MAX_DOSSIER_PAGES,
  MIN_DOSSIER_PAGES,
  type DossierSpec,
  type GeneratedDocument,
  type GeneratedDossier,
  type GeneratedVolume,
} from './dossier-spec';
export { scannedPageTexts, type ScannedPageText } from './scan-ground-truth';
