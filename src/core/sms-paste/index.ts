/**
 * 【粘贴短信】: reads a portal SMS the lawyer pasted and, when it carries the dossier's passwords,
 * keeps them: for the appointment it is about (a case worked in the app), and always under the
 * case name and unit, so a dossier of that case downloaded on the real portal's site finds them.
 * A dossier of the case already in 卷宗库 gets them at once. The result never holds a password.
 */
import type { SmsPasteResult } from '../../shared/contract';
import type { DossierSummary } from '../../shared/library';
import type { ParsedSms } from '../../shared/sms';
import { parseSms } from '../../shared/sms-parser';
import type { AuthService } from '../auth';
import type { DossierPasswords, DossierPasswordStore } from '../dossier-passwords';
import { namesSameCase, type KeptSmsStore } from '../kept-sms';
import type { PortalClient } from '../portal-client';
import { matchAppointment } from './match-appointment';

/** What the service needs of 卷宗库 (the LibraryService implements it). */
export interface LibraryForSms {
  list(): DossierSummary[] | Promise<DossierSummary[]>;
  attachPasswords(id: string, passwords: DossierPasswords, unit: string | null): Promise<void>;
}

export class SmsPasteService {
  constructor(
    private readonly portal: PortalClient,
    private readonly auth: AuthService,
    private readonly passwords: DossierPasswordStore,
    private readonly kept: KeptSmsStore,
    private readonly library: LibraryForSms,
  ) {}

  async paste(text: string): Promise<SmsPasteResult> {
    const parsed = parseSms(text);
    const { downloadPassword, openPassword } = parsed;
    const result: SmsPasteResult = { parsed: withoutPasswords(parsed), attachedTo: null, kept: null, dossier: null };
    if (!downloadPassword && !openPassword) return result;
    const passwords = { download: downloadPassword, open: openPassword };

    const match = await this.appointmentOf(parsed);
    if (match) {
      await this.passwords.store(match.id, passwords);
      result.attachedTo = { appointmentId: match.id, caseName: match.caseName };
    }
    if (!parsed.caseName) return result;
    const kept = await this.kept.keep({ caseName: parsed.caseName, unit: parsed.unit, passwords });
    result.kept = { id: kept.id, caseName: kept.caseName, unit: kept.unit };
    const dossier = await this.dossierOf(kept.caseName, match?.id ?? null);
    if (dossier) {
      await this.library.attachPasswords(dossier.id, passwords, kept.unit);
      await this.kept.markAttached(kept.id, dossier.id);
      result.dossier = { id: dossier.id, caseName: dossier.caseName };
    }
    return result;
  }

  /** The lawyer's appointment the SMS is about; none while signed out or when the portal cannot say. */
  private async appointmentOf(parsed: ParsedSms) {
    if (this.auth.currentSession().status !== 'signed-in') return null;
    try {
      const appointments = await this.auth.withToken((token) => this.portal.appointments(token));
      return matchAppointment(parsed, appointments);
    } catch {
      // Unreachable portal or an expired session: the passwords are still kept by case below.
      return null;
    }
  }

  /** The newest imported dossier of the case (a portal download of the matched appointment has its passwords). */
  private async dossierOf(caseName: string, appointmentId: string | null): Promise<DossierSummary | null> {
    const dossiers = await this.library.list();
    const same = dossiers.filter(
      (dossier) =>
        dossier.id !== appointmentId &&
        dossier.source === 'import' &&
        (namesSameCase(dossier.caseName, caseName) || namesSameCase(dossier.archive.fileName, caseName)),
    );
    same.sort((a, b) => Date.parse(b.addedAt) - Date.parse(a.addedAt));
    return same[0] ?? null;
  }
}

/** What the UI is told: everything but the passwords (whether they were kept shows in attachedTo and kept). */
function withoutPasswords(parsed: ParsedSms): ParsedSms {
  return { ...parsed, downloadPassword: null, openPassword: null };
}
