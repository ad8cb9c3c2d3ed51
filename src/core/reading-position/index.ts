/** The remembered reading position per dossier (reading.json in the dossier's folder). */
export { ReadingPositionStore, READING_FILE } from './reading-position-store';
