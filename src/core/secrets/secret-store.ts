/** A place for secrets (session token, later the dossier passwords), keyed by account name. */
export interface SecretStore {
  readonly kind: 'keychain' | 'memory';
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<void>;
}

/** The keychain service name every secret of the app is filed under. */
export const KEYCHAIN_SERVICE = 'dossier-desk';
