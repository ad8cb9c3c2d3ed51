import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { readFileIfExists, writeFileAtomic } from './atomic-file';
import {
  STATE_VERSION,
  persistedStateSchema,
  type AccountRecord,
  type BindingRecord,
  type MessageRecord,
  type PersistedState,
  type ReviewRecord,
  type SmsRecord,
  type TokenRecord,
  type UploadRecord,
} from './records';

export const STATE_FILE_NAME = 'portal-state.json';

/**
 * The portal's durable state: in memory, and with a data folder also on disk. Services change the
 * maps, then await `save()`; saves are serialised and coalesced, each writing a full snapshot
 * atomically. Short-lived things (QR sessions) are not kept here.
 */
export class PortalStore {
  readonly instanceId: string;
  readonly accounts = new Map<string, AccountRecord>();
  /** By the token's SHA-256. */
  readonly tokens = new Map<string, TokenRecord>();
  readonly uploads = new Map<string, UploadRecord>();
  readonly bindings = new Map<string, BindingRecord>();
  readonly reviews = new Map<string, ReviewRecord>();
  /** The lawyers' 消息 (no secrets in them, so they are persisted). */
  readonly messages = new Map<string, MessageRecord>();
  /**
   * The simulated phones' inboxes, in the order sent. Memory only, never in the data file: the
   * dossier-ready SMS carries both dossier passwords, and secrets do not go to disk.
   */
  readonly sms: SmsRecord[] = [];

  private writing: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  private constructor(
    private readonly file: string | null,
    state: PersistedState,
    /** Started empty (memory mode, or a data folder's first use): only then are demo data seeded. */
    readonly fresh: boolean,
  ) {
    this.instanceId = state.instanceId;
    for (const account of state.accounts) this.accounts.set(account.id, account);
    for (const token of state.tokens) this.tokens.set(token.sha256, token);
    for (const upload of state.uploads) this.uploads.set(upload.id, upload);
    for (const binding of state.bindings) this.bindings.set(binding.id, binding);
    for (const review of state.reviews) this.reviews.set(review.id, review);
    for (const message of state.messages) this.messages.set(message.id, message);
  }

  /** Loads the state from `dataDir` (creating it on first use), or starts empty in memory. */
  static async open(dataDir?: string): Promise<PortalStore> {
    const fresh: PersistedState = {
      version: STATE_VERSION,
      instanceId: randomUUID(),
      accounts: [],
      tokens: [],
      uploads: [],
      bindings: [],
      reviews: [],
      messages: [],
    };
    if (dataDir === undefined) return new PortalStore(null, fresh, true);
    const file = join(dataDir, STATE_FILE_NAME);
    const text = await readFileIfExists(file);
    if (text === null) {
      const store = new PortalStore(file, fresh, true);
      // Written at once so the instance id is stable even if nothing else ever changes.
      await store.save();
      return store;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`mock portal data file ${file} is not valid JSON; move it away to start afresh`);
    }
    const parsed = persistedStateSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`mock portal data file ${file} is not usable (${issue?.path.join('.') || 'root'}: ${issue?.message})`);
    }
    return new PortalStore(file, parsed.data, false);
  }

  get persistent(): boolean {
    return this.file !== null;
  }

  findAccountByPhone(phone: string): AccountRecord | undefined {
    for (const account of this.accounts.values()) if (account.phone === phone) return account;
    return undefined;
  }

  findAccountByIdNumber(idNumber: string): AccountRecord | undefined {
    for (const account of this.accounts.values()) if (account.idNumber === idNumber) return account;
    return undefined;
  }

  /** Persists the current state; resolves once a snapshot taken after this call is on disk. */
  save(): Promise<void> {
    const file = this.file;
    if (file === null) return Promise.resolve();
    if (this.queued) return this.queued;
    const run = async (): Promise<void> => {
      await this.writing?.catch(() => undefined);
      this.queued = null;
      const write = writeFileAtomic(file, `${JSON.stringify(this.snapshot(), null, 2)}\n`);
      this.writing = write;
      try {
        await write;
      } finally {
        if (this.writing === write) this.writing = null;
      }
    };
    this.queued = run();
    return this.queued;
  }

  /** Waits for pending writes. */
  async flush(): Promise<void> {
    await (this.queued ?? this.writing)?.catch(() => undefined);
  }

  private snapshot(): PersistedState {
    return {
      version: STATE_VERSION,
      instanceId: this.instanceId,
      accounts: [...this.accounts.values()],
      tokens: [...this.tokens.values()],
      uploads: [...this.uploads.values()],
      bindings: [...this.bindings.values()],
      reviews: [...this.reviews.values()],
      messages: [...this.messages.values()],
    };
  }
}
