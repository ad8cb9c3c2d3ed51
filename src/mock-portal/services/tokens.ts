import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { AccountRecord, LoginMethod } from '../state/records';
import type { PortalStore } from '../state/store';

export const SESSION_EXPIRED_MESSAGE = '登录已过期，请重新登录';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Bearer tokens: 32 random bytes, base64url. Lifetime is fixed from issue (not sliding): the
 * `expiresAt` the portal hands out stays true, and a lawyer signs in again by QR after it.
 */
export class TokenService {
  constructor(
    private readonly store: PortalStore,
    private readonly ttlMs: number,
  ) {}

  /** Issues a token for the account, remembering how the lawyer signed in; the caller saves the store. */
  issue(accountId: string, method: LoginMethod, now = Date.now()): { token: string; expiresAt: string; method: LoginMethod } {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now + this.ttlMs).toISOString();
    this.store.tokens.set(sha256Hex(token), {
      sha256: sha256Hex(token),
      accountId,
      issuedAt: new Date(now).toISOString(),
      expiresAt,
      method,
    });
    return { token, expiresAt, method };
  }

  /** The account a token signs in, or UNAUTHORIZED when it is unknown, revoked or expired. */
  authenticate(token: string, now = Date.now()): AccountRecord {
    return this.session(token, now).account;
  }

  /** The account and how it signed in (guarded actions ask non-QR logins to scan). */
  session(token: string, now = Date.now()): { account: AccountRecord; method: LoginMethod } {
    const record = this.store.tokens.get(sha256Hex(token));
    const account = record && Date.parse(record.expiresAt) > now ? this.store.accounts.get(record.accountId) : undefined;
    if (!record || !account) throw new AppError('UNAUTHORIZED', SESSION_EXPIRED_MESSAGE);
    return { account, method: record.method };
  }

  /** Forgets the token; the caller saves the store. */
  revoke(token: string): void {
    this.store.tokens.delete(sha256Hex(token));
  }

  /** Drops expired tokens; true when any went. */
  purge(now = Date.now()): boolean {
    let changed = false;
    for (const [hash, record] of this.store.tokens) {
      if (Date.parse(record.expiresAt) <= now) {
        this.store.tokens.delete(hash);
        changed = true;
      }
    }
    return changed;
  }
}
