/**
 * 导入卷宗 of one archive, whoever brought it (the lawyer, the 门户网站 window, the 下载文件夹 pickup):
 * an SMS kept for the case the archive is named after gives the dossier its unit and passwords.
 */
import { basename } from 'node:path';
import type { ImportSource } from '../../shared/library';
import type { KeptSmsStore } from '../kept-sms';
import type { StagingArea } from '../staging';
import type { LibraryService } from './library-service';

export class DossierImport {
  constructor(
    private readonly library: LibraryService,
    private readonly keptSms: KeptSmsStore,
    private readonly staging: StagingArea,
  ) {}

  /** 导入卷宗 of a path on disk or of a file staged by the web host's upload. */
  async importSource(source: ImportSource, password?: string, caseName?: string) {
    // A staged upload keeps the browser's file name, so the dossier is named as the lawyer knows it.
    const archivePath = source.kind === 'staged' ? (await this.staging.take(source.stagedId)).path : source.path;
    const dossier = await this.importArchive(archivePath, password, caseName);
    // Kept until the import went through, so a retry (another password) can take it again.
    if (source.kind === 'staged') await this.staging.discard(source.stagedId);
    return dossier;
  }

  async importArchive(archivePath: string, password?: string, caseName?: string) {
    const sms = this.keptSms.match(caseName ?? basename(archivePath));
    const dossier = await this.library.importArchive({
      archivePath,
      ...(password === undefined ? {} : { password }),
      ...(caseName === undefined ? {} : { caseName }),
      ...(sms ? { unit: sms.unit, passwords: await this.keptSms.passwords(sms.id) } : {}),
    });
    if (sms) await this.keptSms.markAttached(sms.id, dossier.id);
    return dossier;
  }
}
