/**
 * Which open password to give pdf.js next for a document of a dossier. pdf.js first tries none
 * (documents with only an owner password open so, and a wrong user password would fail them); then
 * the password that opened another document of this dossier, then the one stored for the dossier,
 * then the lawyer is asked — one dialog at a time for the whole dossier, and a password typed for
 * one document is tried on the others before they ask again. Each check of an AES-256 (R6)
 * password costs ~150 ms, so nothing is tried twice.
 */

/** pdf.js PasswordResponses. */
export const NEED_PASSWORD = 1;
export const INCORRECT_PASSWORD = 2;

export interface PasswordRequest {
  /** The document being opened (path inside the dossier). */
  document: string;
  /** The password the lawyer typed last did not open it. */
  wrong: boolean;
  /** A password stored or used before was tried and did not open it. */
  knownFailed: boolean;
}

export interface PasswordGateDeps {
  /** The dossier's stored open password (library.passwords), if any. */
  stored(): Promise<string | null>;
  /** Asks the lawyer; null when they decline. */
  prompt(request: PasswordRequest): Promise<string | null>;
  /** The asking is over (opened, declined or failed): the dialog closes. */
  settled(): void;
  /** A typed password opened a document: keep it for the dossier (library.rememberOpenPassword). */
  remember(password: string): Promise<void>;
  /** A password opened a document: the next ones try it first. */
  onKnown(password: string): void;
}

export class PasswordGate {
  #known: string | null;
  #stored: Promise<string | null> | null = null;
  #queue: Promise<void> = Promise.resolve();
  #declined = false;

  constructor(
    readonly deps: PasswordGateDeps,
    known: string | null = null,
  ) {
    this.#known = known;
  }

  get known(): string | null {
    return this.#known;
  }

  /** The lawyer declined to type a password: documents stop asking until this is called. */
  get declined(): boolean {
    return this.#declined;
  }

  allowPrompts(): void {
    this.#declined = false;
  }

  /** One opening of one document. */
  attempt(document: string): PasswordAttempt {
    return new PasswordAttempt(this, document);
  }

  /** @internal The known, then the stored password, skipping those already tried. */
  async candidate(tried: ReadonlySet<string>): Promise<string | null> {
    if (this.#known !== null && !tried.has(this.#known)) return this.#known;
    this.#stored ??= this.deps.stored().catch(() => null);
    const stored = await this.#stored;
    return stored !== null && stored !== '' && !tried.has(stored) ? stored : null;
  }

  /** @internal Waits for the dialog to be free; resolves with the function that frees it. */
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#queue;
    this.#queue = previous.then(() => next);
    await previous;
    return release;
  }

  /** @internal */
  decline(): void {
    this.#declined = true;
  }

  /** @internal */
  opened(password: string): void {
    this.#known = password;
    this.deps.onKnown(password);
  }
}

export class PasswordAttempt {
  readonly #tried = new Set<string>();
  #last: string | null = null;
  #typed: string | null = null;
  #release: (() => void) | null = null;

  constructor(
    private readonly gate: PasswordGate,
    readonly document: string,
  ) {}

  /** The password to try after pdf.js said NEED_PASSWORD or INCORRECT_PASSWORD; null to give up. */
  async next(): Promise<string | null> {
    if (this.#typed === null) {
      const known = await this.gate.candidate(this.#tried);
      if (known !== null) return this.#try(known);
    }
    if (!this.#release) {
      if (this.gate.declined) return null;
      this.#release = await this.gate.acquire();
      // While this one waited, another document may have been opened with a typed password.
      const known = await this.gate.candidate(this.#tried);
      if (known !== null) {
        this.#free(false);
        return this.#try(known);
      }
      if (this.gate.declined) {
        this.#free(false);
        return null;
      }
    }
    const password = await this.gate.deps.prompt({
      document: this.document,
      wrong: this.#typed !== null,
      knownFailed: this.#tried.size > 0 && this.#typed === null,
    });
    if (password === null) {
      this.gate.decline();
      this.finish();
      return null;
    }
    this.#typed = password;
    this.#last = password;
    return password;
  }

  /** The document opened with the last password given (or with none). */
  async opened(): Promise<void> {
    const typed = this.#typed;
    if (this.#last !== null) this.gate.opened(this.#last);
    this.finish();
    if (typed !== null) await this.gate.deps.remember(typed);
  }

  /** The attempt is over, however it ended: frees the dialog for the next document. */
  finish(): void {
    this.#free(true);
  }

  #try(password: string): string {
    this.#tried.add(password);
    this.#last = password;
    return password;
  }

  #free(prompted: boolean): void {
    const release = this.#release;
    if (!release) return;
    this.#release = null;
    if (prompted) this.gate.deps.settled();
    release();
  }
}
