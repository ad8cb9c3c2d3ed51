import { useEffect, type ReactNode } from 'react';
import { LibraryLockScreen } from './library-lock-screen';
import { useLibraryLockStore, watchLibraryLock } from './lock-store';

/**
 * 卷宗库 and the viewer behind the 卷宗库锁: while locked, the lock screen takes their place (the viewer
 * unmounts, so what it decrypted leaves memory with it). Core refuses their calls meanwhile anyway.
 */
/** `leave`: the viewer's full window has no menu, so the lock screen offers the way back to 卷宗库. */
export function LibraryLockGate({ children, leave = false }: { children: ReactNode; leave?: boolean }) {
  const locked = useLibraryLockStore((s) => s.status?.locked ?? false);
  useEffect(() => watchLibraryLock(), []);
  return locked ? <LibraryLockScreen leave={leave} /> : <>{children}</>;
}
