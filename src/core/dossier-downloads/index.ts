/** 卷宗下载: appointments' dossiers downloaded, verified and handed to the library. */
export {
  DossierDownloadService,
  type AppointmentLookup,
  type DossierDownloadServiceOptions,
  type LibraryForDownloads,
} from './dossier-download-service';
