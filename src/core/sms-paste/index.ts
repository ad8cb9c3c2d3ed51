/**
 * 【粘贴短信】: reads a portal SMS the lawyer pasted and, when it carries the dossier's passwords,
 * keeps them in the secret store for the appointment it is about. The result never holds them.
 */
import type { SmsPasteResult } from '../../shared/contract';
import type { ParsedSms } from '../../shared/sms';
import { parseSms } from '../../shared/sms-parser';
import type { AuthService } from '../auth';
import type { DossierPasswordStore } from '../dossier-passwords';
import type { PortalClient } from '../portal-client';
import { matchAppointment } from './match-appointment';

export class SmsPasteService {
  constructor(
    private readonly portal: PortalClient,
    private readonly auth: AuthService,
    private readonly passwords: DossierPasswordStore,
  ) {}

  async paste(text: string): Promise<SmsPasteResult> {
    const parsed = parseSms(text);
    const { downloadPassword, openPassword } = parsed;
    if (!downloadPassword && !openPassword) return { parsed: withoutPasswords(parsed), attachedTo: null };
    // Passwords are only worth keeping for one of the lawyer's own appointments.
    const appointments = await this.auth.withToken((token) => this.portal.appointments(token));
    const match = matchAppointment(parsed, appointments);
    if (!match) return { parsed: withoutPasswords(parsed), attachedTo: null };
    await this.passwords.store(match.id, { download: downloadPassword, open: openPassword });
    return { parsed: withoutPasswords(parsed), attachedTo: { appointmentId: match.id, caseName: match.caseName } };
  }
}

/** What the UI is told: everything but the passwords (whether they were kept shows in attachedTo). */
function withoutPasswords(parsed: ParsedSms): ParsedSms {
  return { ...parsed, downloadPassword: null, openPassword: null };
}
