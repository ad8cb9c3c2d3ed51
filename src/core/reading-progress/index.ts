/** Pages seen per document of a dossier (reading-progress.json in the dossier's folder). */
export { ReadingProgressStore, PROGRESS_FILE, UNCOUNTED_PAGE_LIMIT } from './reading-progress-store';
