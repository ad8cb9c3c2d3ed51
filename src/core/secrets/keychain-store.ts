import { KEYCHAIN_SERVICE, type SecretStore } from './secret-store';

type Keytar = typeof import('keytar');

/** The OS keychain (Keychain, Credential Vault, Secret Service) through keytar. */
export class KeychainSecretStore implements SecretStore {
  readonly kind = 'keychain' as const;

  private constructor(
    private readonly keytar: Keytar,
    private readonly service: string,
  ) {}

  /**
   * Loads keytar and makes one harmless read, so a missing native module or an absent Secret
   * Service is found now, not on the lawyer's first login. Throws when the keychain is unusable.
   */
  static async open(service = KEYCHAIN_SERVICE): Promise<KeychainSecretStore> {
    const loaded = (await import('keytar')) as Keytar & { default?: Keytar };
    const keytar = loaded.default ?? loaded;
    await keytar.getPassword(service, 'probe');
    return new KeychainSecretStore(keytar, service);
  }

  get(account: string): Promise<string | null> {
    return this.keytar.getPassword(this.service, account);
  }

  async set(account: string, secret: string): Promise<void> {
    await this.keytar.setPassword(this.service, account, secret);
  }

  async delete(account: string): Promise<void> {
    await this.keytar.deletePassword(this.service, account);
  }
}
