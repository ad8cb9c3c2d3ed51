import { useEffect, type RefObject } from 'react';
import { useSplitStore } from './split-store';

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('.ant-modal') !== null;
}

/**
 * The viewer's keys: Ctrl/⌘ +, −, 0 zoom (instead of the browser's page zoom); PageUp/PageDown and
 * ←/→ turn pages; ↑/↓ scroll a little; Home/End go to the volume's first and last page. Not while
 * typing in a field or a dialog.
 */
export function useViewerKeys(scroller: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      // The pane last clicked: the main one, or the one beside it.
      const pane = useSplitStore.getState().active;
      const store = pane.getState();
      if (event.ctrlKey || event.metaKey) {
        if (event.altKey) return;
        if (event.key === '+' || event.key === '=') store.zoomStep(1);
        else if (event.key === '-' || event.key === '_') store.zoomStep(-1);
        else if (event.key === '0') store.setZoom('fit-width');
        else return;
        event.preventDefault();
        return;
      }
      if (event.altKey || typingIn(event.target)) return;
      // The side panel's tree and lists use the arrows themselves.
      if (event.key.startsWith('Arrow') && event.target instanceof HTMLElement && event.target.closest('.viewer-side')) return;
      const list = (pane === useSplitStore.getState().beside ? scroller.current?.querySelector('[data-testid="viewer-pane-beside"]') : scroller.current)?.querySelector<HTMLElement>('.viewer-scroll');
      switch (event.key) {
        case 'PageDown':
        case 'ArrowRight':
          store.step(1);
          break;
        case 'PageUp':
        case 'ArrowLeft':
          store.step(-1);
          break;
        case 'ArrowDown':
          list?.scrollBy({ top: 60 });
          break;
        case 'ArrowUp':
          list?.scrollBy({ top: -60 });
          break;
        case 'Home':
          store.goToEdge('first');
          break;
        case 'End':
          store.goToEdge('last');
          break;
        default:
          return;
      }
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [scroller]);
}
