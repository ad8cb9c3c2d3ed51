import type { CallName, DossierApi, Session } from '../../shared/contract';
import type { LastLawyerFile } from './last-lawyer';
import type { LibraryLock } from './library-lock';

/** The 卷宗库锁's own calls: always answered, locked or not. */
export type LibraryLockCallName =
  | 'library.lockStatus'
  | 'library.unlock'
  | 'library.lock'
  | 'library.setPasscode'
  | 'library.disableLock'
  | 'library.watermark';

/** Every call that reads a dossier or lists 卷宗库 is behind the lock. */
const guardedPrefixes = ['library.', 'documents.', 'dossier.', 'notes.', 'reading.'];
/** Behind the prefixes, but harmless while locked (stopping a search the lock interrupted). */
const alwaysOpen = new Set<CallName>(['dossier.findCancel']);

export function isGuarded(name: CallName): boolean {
  return !alwaysOpen.has(name) && guardedPrefixes.some((prefix) => name.startsWith(prefix));
}

export interface LibraryLockWiring {
  lock: LibraryLock;
  lastLawyer: LastLawyerFile;
  session(): Session;
}

/**
 * The whole API with the lock in front: guarded calls are refused while locked, library.passwords
 * also after 退出登录 without a lock, and 退出登录 itself locks the library once it went through.
 */
export function withLibraryLock(wiring: LibraryLockWiring, calls: Omit<DossierApi, LibraryLockCallName>): DossierApi {
  const { lock } = wiring;
  const api = { ...calls, ...lockCalls(wiring) } as DossierApi;
  const guarded = api as unknown as Record<CallName, (input: unknown) => Promise<unknown>>;
  for (const name of Object.keys(calls) as CallName[]) {
    const call = guarded[name];
    if (name === 'auth.logout') {
      guarded[name] = async (input) => {
        const session = await call(input);
        await lock.loggedOut();
        return session;
      };
    } else if (isGuarded(name)) {
      const kind = name === 'library.passwords' ? 'passwords' : 'library';
      guarded[name] = async (input) => {
        lock.check(kind);
        return call(input);
      };
    }
  }
  return api;
}

function lockCalls({ lock, lastLawyer, session }: LibraryLockWiring): Pick<DossierApi, LibraryLockCallName> {
  return {
    'library.lockStatus': async () => lock.status(),
    'library.unlock': async ({ passcode }) => lock.unlock(passcode),
    'library.lock': async () => lock.lock(),
    'library.setPasscode': async ({ current, next }) => lock.setPasscode(current, next),
    'library.disableLock': async ({ passcode }) => lock.disableLock(passcode),
    'library.watermark': async () => {
      const current = session();
      if (current.status === 'signed-in') return { name: current.lawyer.name, lawFirm: current.lawyer.lawFirm };
      const { name, lawFirm } = lastLawyer.get();
      return { name, lawFirm };
    },
  };
}
