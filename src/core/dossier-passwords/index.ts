/**
 * The two passwords of a published dossier (卷宗下载密码, 卷宗文档打开密码), kept in the secret store
 * under the review's id — never in files, logs or any result sent to the UI.
 */
import type { SecretStore } from '../secrets';

export type DossierPasswordKind = 'download' | 'open';

export interface DossierPasswords {
  download: string | null;
  open: string | null;
}

/** The keychain account of one password of one review (the appointment's id is its review's id). */
export function dossierPasswordAccount(reviewId: string, kind: DossierPasswordKind): string {
  return `dossier-password:${reviewId}:${kind}`;
}

export class DossierPasswordStore {
  constructor(private readonly secrets: SecretStore) {}

  /** Stores the passwords given; a null leaves what is stored for that kind as it is. */
  async store(reviewId: string, passwords: DossierPasswords): Promise<void> {
    if (passwords.download) await this.secrets.set(dossierPasswordAccount(reviewId, 'download'), passwords.download);
    if (passwords.open) await this.secrets.set(dossierPasswordAccount(reviewId, 'open'), passwords.open);
  }

  /** The stored passwords, for core's own use (the download and the viewer); never for a result. */
  async get(reviewId: string): Promise<DossierPasswords> {
    const [download, open] = await Promise.all([
      this.secrets.get(dossierPasswordAccount(reviewId, 'download')),
      this.secrets.get(dossierPasswordAccount(reviewId, 'open')),
    ]);
    return { download, open };
  }

  /** Deletes both passwords of a review (its dossier was removed). */
  async forget(reviewId: string): Promise<void> {
    await this.secrets.delete(dossierPasswordAccount(reviewId, 'download'));
    await this.secrets.delete(dossierPasswordAccount(reviewId, 'open'));
  }

  /** Which of the passwords are stored. */
  async held(reviewId: string): Promise<{ download: boolean; open: boolean }> {
    const { download, open } = await this.get(reviewId);
    return { download: download !== null, open: open !== null };
  }
}
