import { useEffect } from 'react';
import { useFindFocus } from './find-focus';
import { useFindNavigation } from './use-find-navigation';

/**
 * 搜索's keys anywhere in the viewer: Ctrl+F (⌘F on macOS) opens 搜索 with its box focused, instead
 * of the browser's find; F3 / Shift+F3 go to the next / previous hit.
 */
export function useFindKeys(): void {
  const { step } = useFindNavigation();
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.isComposing || event.altKey) return;
      const mac = /Mac|iPhone|iPad/.test(navigator.platform);
      if ((mac ? event.metaKey : event.ctrlKey) && !event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        useFindFocus.getState().request();
        return;
      }
      if (event.key === 'F3' && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        step(event.shiftKey ? -1 : 1);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);
}
