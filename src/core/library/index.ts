/** The offline library (卷宗库): dossier folders in the managed folder, extraction, search. */
export { LibraryService, type LibraryOptions, type PendingDownloadFolder } from './library-service';
export { foldForSearch } from './library-search';
export { openInDefaultApp } from './file-manager';
