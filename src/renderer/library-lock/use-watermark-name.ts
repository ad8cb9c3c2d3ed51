import { useEffect, useState } from 'react';
import { api } from '../transport';
import { useSessionStore } from '../state/session-store';

/**
 * The name the viewer's watermark carries: the signed-in lawyer's, else the last lawyer who signed in
 * on this machine (core remembers it), so a page read after 退出登录 still says whose copy it is.
 */
export function useWatermarkName(): string | null {
  const signedIn = useSessionStore((s) => (s.session?.status === 'signed-in' ? s.session.lawyer.name : null));
  const [last, setLast] = useState<string | null>(null);
  useEffect(() => {
    if (signedIn) return;
    let live = true;
    api['library.watermark']({})
      .then(({ name }) => live && setLast(name))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [signedIn]);
  return signedIn ?? last;
}
