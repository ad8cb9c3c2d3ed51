/**
 * SMS passwords kept by case: 【粘贴短信】 of a case the app knows from no appointment (handled on the
 * real portal's site) still keeps its two passwords, in the keychain under the case name and unit.
 * The list of what is kept (case, unit, when, attached to which dossier; never a password) is in
 * `<dataDir>/kept-sms.json`, so 消息 can show it and an arriving archive can find its passwords.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { KeptSms } from '../../shared/sms';
import type { DossierPasswords } from '../dossier-passwords';
import { writeFileAtomic } from '../fs/atomic-write';
import type { SecretStore } from '../secrets';
import { comparableName, namesSameCase } from './case-name-match';

/** Old entries go first once there are more than this (a lawyer has dozens of cases, not thousands). */
const MAX_KEPT = 300;

const keptSchema = z.object({
  id: z.string().min(1).max(100),
  caseName: z.string().min(1).max(200),
  unit: z.string().max(100).nullable(),
  keptAt: z.string(),
  passwords: z.object({ download: z.boolean(), open: z.boolean() }),
  dossierId: z.string().max(100).nullable(),
});
const fileSchema = z.object({ version: z.literal(1), kept: z.array(keptSchema) });

/** The keychain account of one password of a kept SMS: named by its case and unit, as the lawyer knows it. */
export function keptSmsAccount(caseName: string, unit: string | null, kind: 'download' | 'open'): string {
  return `sms-password:${comparableName(unit ?? '')}|${comparableName(caseName)}:${kind}`;
}

function keyOf(caseName: string, unit: string | null): string {
  return `${comparableName(unit ?? '')}|${comparableName(caseName)}`;
}

export class KeptSmsStore {
  private kept: KeptSms[] = [];
  private readonly path: string;
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    dataDir: string,
    private readonly secrets: SecretStore,
  ) {
    this.path = join(dataDir, 'kept-sms.json');
  }

  /** The store of `dataDir`; a missing or damaged list starts empty (the keychain keeps the passwords). */
  static async open(dataDir: string, secrets: SecretStore): Promise<KeptSmsStore> {
    const store = new KeptSmsStore(dataDir, secrets);
    try {
      const parsed = fileSchema.safeParse(JSON.parse(await readFile(store.path, 'utf8')));
      if (parsed.success) store.kept = parsed.data.kept;
    } catch {
      // Nothing kept yet.
    }
    return store;
  }

  list(): KeptSms[] {
    return [...this.kept].sort((a, b) => Date.parse(b.keptAt) - Date.parse(a.keptAt)).map((item) => ({ ...item }));
  }

  /** Keeps the passwords of an SMS about `caseName` (a later SMS of the same case and unit replaces them). */
  async keep(input: { caseName: string; unit: string | null; passwords: DossierPasswords }, now = new Date()): Promise<KeptSms> {
    const { caseName, unit, passwords } = input;
    if (passwords.download) await this.secrets.set(keptSmsAccount(caseName, unit, 'download'), passwords.download);
    if (passwords.open) await this.secrets.set(keptSmsAccount(caseName, unit, 'open'), passwords.open);
    const key = keyOf(caseName, unit);
    const earlier = this.kept.find((item) => keyOf(item.caseName, item.unit) === key);
    const entry: KeptSms = {
      id: earlier?.id ?? `sms-${randomBytes(6).toString('hex')}`,
      caseName,
      unit,
      keptAt: now.toISOString(),
      passwords: {
        download: Boolean(passwords.download) || (earlier?.passwords.download ?? false),
        open: Boolean(passwords.open) || (earlier?.passwords.open ?? false),
      },
      // New passwords are news for the dossier too: they are attached again when it arrives.
      dossierId: null,
    };
    this.kept = [entry, ...this.kept.filter((item) => item !== earlier)];
    await this.dropOldest();
    await this.save();
    return { ...entry };
  }

  /** The kept SMS whose case `name` (an archive's file name, a dossier's name) is about, newest first. */
  match(name: string): KeptSms | null {
    return this.list().find((item) => namesSameCase(name, item.caseName)) ?? null;
  }

  /** The passwords of a kept SMS, for core's own use (never for a result). */
  async passwords(id: string): Promise<DossierPasswords> {
    const entry = this.kept.find((item) => item.id === id);
    if (!entry) return { download: null, open: null };
    const [download, open] = await Promise.all([
      this.secrets.get(keptSmsAccount(entry.caseName, entry.unit, 'download')),
      this.secrets.get(keptSmsAccount(entry.caseName, entry.unit, 'open')),
    ]);
    return { download, open };
  }

  async markAttached(id: string, dossierId: string): Promise<void> {
    const entry = this.kept.find((item) => item.id === id);
    if (!entry || entry.dossierId === dossierId) return;
    entry.dossierId = dossierId;
    await this.save();
  }

  /** Forgets a kept SMS and its passwords (the dossier keeps the copies attached to it). */
  async forget(id: string): Promise<boolean> {
    const entry = this.kept.find((item) => item.id === id);
    if (!entry) return false;
    await this.forgetSecrets(entry);
    this.kept = this.kept.filter((item) => item !== entry);
    await this.save();
    return true;
  }

  private async dropOldest(): Promise<void> {
    if (this.kept.length <= MAX_KEPT) return;
    const dropped = this.list().slice(MAX_KEPT);
    for (const entry of dropped) await this.forgetSecrets(entry);
    this.kept = this.kept.filter((item) => !dropped.some((gone) => gone.id === item.id));
  }

  private async forgetSecrets(entry: KeptSms): Promise<void> {
    await this.secrets.delete(keptSmsAccount(entry.caseName, entry.unit, 'download'));
    await this.secrets.delete(keptSmsAccount(entry.caseName, entry.unit, 'open'));
  }

  private save(): Promise<void> {
    // Writes queue behind each other so the file never goes back to an older list.
    const body = `${JSON.stringify({ version: 1, kept: this.kept }, null, 2)}\n`;
    this.writing = this.writing.catch(() => undefined).then(() => writeFileAtomic(this.path, body));
    return this.writing;
  }
}
