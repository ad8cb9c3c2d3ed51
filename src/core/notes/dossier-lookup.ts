import type { DossierDetail } from '../../shared/library';

/** How the notes and the reading position find a dossier: its folder and files (the library's get). */
export interface DossierLookup {
  dossier(id: string): Promise<DossierDetail>;
}
