export { LastLawyerFile, type LastLawyer } from './last-lawyer';
export { DEFAULT_IDLE_LOCK_MS, LibraryLock, LOCKOUT_MS, MAX_PASSCODE_TRIES, passcodeAccount, type LibraryLockOptions, type OsUnlock } from './library-lock';
export { isGuarded, withLibraryLock, type LibraryLockCallName } from './guard-calls';
export { hashPasscode, verifyPasscode } from './passcode-hash';

import type { EventHub } from '../events/event-hub';
import type { SecretStore } from '../secrets';
import { LastLawyerFile } from './last-lawyer';
import { LibraryLock, type OsUnlock } from './library-lock';
import type { Session } from '../../shared/contract';

/**
 * The lock as core wires it: opened from the keychain, told of every sign-in (the watermark's name),
 * its changes pushed as `library.lockChanged`.
 */
export async function openLibraryLock(options: {
  dataDir: string;
  secrets: SecretStore;
  events: EventHub;
  session: Session;
  osUnlock?: OsUnlock;
  idleMs?: number;
}): Promise<{ lock: LibraryLock; lastLawyer: LastLawyerFile }> {
  const lastLawyer = await LastLawyerFile.open(options.dataDir);
  const lock = await LibraryLock.open({
    secrets: options.secrets,
    dataDir: options.dataDir,
    lastLawyer,
    emit: (status) => options.events.emit('library.lockChanged', status),
    ...(options.osUnlock ? { osUnlock: options.osUnlock } : {}),
    ...(options.idleMs === undefined ? {} : { idleMs: options.idleMs }),
  });
  if (options.session.status === 'signed-in') await lock.signedIn(options.session.lawyer);
  options.events.on('auth.sessionChanged', (session) => {
    if (session.status === 'signed-in') void lock.signedIn(session.lawyer).catch(() => undefined);
  });
  return { lock, lastLawyer };
}
