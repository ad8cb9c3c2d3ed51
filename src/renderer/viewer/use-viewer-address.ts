import { useSyncExternalStore } from 'react';
import { viewerDossierId } from '../state/routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The dossier the address (#/viewer/<dossierId>) asks the viewer to show, or null. */
export function useViewerAddress(): string | null {
  return useSyncExternalStore(subscribe, () => viewerDossierId(window.location.hash));
}
