import { KeychainSecretStore } from './keychain-store';
import { MemorySecretStore } from './memory-store';
import type { SecretStore } from './secret-store';

export type { SecretStore } from './secret-store';
export { KEYCHAIN_SERVICE } from './secret-store';
export { MemorySecretStore } from './memory-store';
export { KeychainSecretStore } from './keychain-store';
export { FallbackSecretStore } from './fallback-store';

import { FallbackSecretStore } from './fallback-store';

/**
 * The OS keychain when it answers; otherwise memory. `onFallback` is told why, whether the keychain
 * was missing at start or stopped answering later, so the lawyer can be told once.
 */
export async function openSecretStore(
  preference: 'keychain' | 'memory',
  onFallback: (reason: string) => void,
): Promise<SecretStore> {
  if (preference === 'memory') return new MemorySecretStore();
  let keychain: SecretStore | null = null;
  try {
    keychain = await KeychainSecretStore.open();
  } catch (error) {
    onFallback(error instanceof Error ? error.message : String(error));
  }
  return new FallbackSecretStore(keychain, onFallback);
}
