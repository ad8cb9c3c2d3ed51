import { MemorySecretStore } from './memory-store';
import type { SecretStore } from './secret-store';

/**
 * Uses the keychain while it works and memory from the moment it fails, so a keychain that
 * disappears mid-run (daemon stopped, locked) never loses the lawyer's session for this run.
 */
export class FallbackSecretStore implements SecretStore {
  private readonly memory = new MemorySecretStore();

  constructor(
    private keychain: SecretStore | null,
    private readonly onFallback: (reason: string) => void,
  ) {}

  get kind(): 'keychain' | 'memory' {
    return this.keychain ? 'keychain' : 'memory';
  }

  get(account: string): Promise<string | null> {
    return this.attempt((store) => store.get(account), () => this.memory.get(account));
  }

  set(account: string, secret: string): Promise<void> {
    return this.attempt((store) => store.set(account, secret), () => this.memory.set(account, secret));
  }

  delete(account: string): Promise<void> {
    return this.attempt((store) => store.delete(account), () => this.memory.delete(account));
  }

  private async attempt<T>(withKeychain: (store: SecretStore) => Promise<T>, withMemory: () => Promise<T>): Promise<T> {
    if (this.keychain) {
      try {
        return await withKeychain(this.keychain);
      } catch (error) {
        this.keychain = null;
        this.onFallback(error instanceof Error ? error.message : String(error));
      }
    }
    return withMemory();
  }
}
