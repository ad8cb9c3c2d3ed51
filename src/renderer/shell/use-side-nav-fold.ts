import { useEffect, useState } from 'react';
import { useReportError } from './use-report-error';
import { useSettingsStore } from '../state/settings-store';
import { useMediaQuery } from '../util/use-media-query';

/** Below this width the side menu folds to its icons by itself: the tables need the room. */
export const NARROW_WINDOW_QUERY = '(max-width: 1099px)';

/**
 * The side menu's fold. In a wide window it is the lawyer's choice, kept in settings; in a narrow one
 * it is folded, and unfolding it lasts until the window changes width class again.
 */
export function useSideNavFold(): { collapsed: boolean; toggle(): void } {
  const narrow = useMediaQuery(NARROW_WINDOW_QUERY);
  const chosen = useSettingsStore((s) => s.settings.sideNavCollapsed);
  const setChosen = useSettingsStore((s) => s.setSideNavCollapsed);
  const report = useReportError();
  const [openWhileNarrow, setOpenWhileNarrow] = useState(false);
  useEffect(() => setOpenWhileNarrow(false), [narrow]);

  const collapsed = narrow ? !openWhileNarrow : chosen;
  function toggle() {
    if (narrow) setOpenWhileNarrow(collapsed);
    else setChosen(!collapsed).catch(report);
  }
  return { collapsed, toggle };
}
