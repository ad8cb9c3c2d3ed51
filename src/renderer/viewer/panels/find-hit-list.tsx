import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { FileTextOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FindHit } from '../../../shared/viewer';
import { leadUpTo, splitSnippet } from './find-hits';
import { layoutRows, rowsInView, topOfHit, type HitRun } from './hit-list';

/** Row heights (px): a document's heading, and a hit (page, then two lines of snippet). */
const HEADING = 30;
const ROW = 50;
/** Characters kept before the match: it shows on the row's first line. */
const LEAD = 10;

export interface FindHitListProps {
  hits: readonly FindHit[];
  /** The runs the filter keeps. */
  runs: readonly HitRun[];
  active: number;
  /** Changes when the active hit should be brought into view. */
  reveal: number;
  /** A document's heading: volume and title. */
  heading(document: string): string;
  /** Hits of a document (all of them, not just this run). */
  countOf(document: string): number;
  onShow(index: number): void;
  /** ↑ / ↓ in the list: the previous / next hit, focused. */
  onStep(direction: 1 | -1): void;
  label: string;
}

function HitRowButton({ hit, index, active, top, onShow }: { hit: FindHit; index: number; active: boolean; top: number; onShow: (index: number) => void }) {
  const { t } = useTranslation();
  const parts = leadUpTo(splitSnippet(hit.snippet, hit.match), LEAD);
  return (
    <button
      type="button"
      className={active ? 'find-hit active' : 'find-hit'}
      style={{ top, height: ROW }}
      data-testid="find-hit"
      data-index={index}
      aria-current={active ? 'true' : undefined}
      tabIndex={active ? 0 : -1}
      onClick={() => onShow(index)}
    >
      <span className="find-hit-page">{t('viewerPanels.find.page', { page: hit.page })}</span>
      <span className="find-hit-snippet">
        {parts.before}
        <mark>{parts.match}</mark>
        {parts.after}
      </span>
    </button>
  );
}

/**
 * Every hit of the search, under its document's heading, as a virtual list: rows of fixed height,
 * only those in view (and a few around) in the page, so tens of thousands of hits scroll freely.
 */
export function FindHitList({ hits, runs, active, reveal, heading, countOf, onShow, onStep, label }: FindHitListProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 400 });
  const focusActive = useRef(false);
  const layout = useMemo(() => layoutRows(runs, HEADING, ROW), [runs]);
  const rows = rowsInView(layout, view.top, view.height);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setView({ top: element.scrollTop, height: element.clientHeight }));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // The hit shown (a click, Enter, F3): scrolled into the middle when out of view.
  useLayoutEffect(() => {
    const element = scroller.current;
    const top = topOfHit(layout, active);
    if (!element || top === null) return;
    if (top < element.scrollTop || top + ROW > element.scrollTop + element.clientHeight) {
      element.scrollTop = Math.max(0, top - (element.clientHeight - ROW) / 2);
      setView({ top: element.scrollTop, height: element.clientHeight });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a hit is shown, not as rows stream in
  }, [reveal]);

  useEffect(() => {
    if (!focusActive.current) return;
    focusActive.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus();
  });

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    focusActive.current = true;
    onStep(event.key === 'ArrowDown' ? 1 : -1);
  }

  return (
    <div
      ref={scroller}
      className="find-hits"
      role="group"
      aria-label={label}
      onScroll={(event) => setView({ top: event.currentTarget.scrollTop, height: event.currentTarget.clientHeight })}
      onKeyDown={onKeyDown}
    >
      <div className="find-hits-content" style={{ height: layout.total }}>
        {rows.map((row) =>
          row.kind === 'heading' ? (
            <div
              key={`h:${row.run.document}:${row.run.start}`}
              className="find-group-title"
              style={{ top: row.top, height: HEADING }}
              title={row.run.document}
            >
              <FileTextOutlined aria-hidden="true" />
              <span className="find-group-name">{heading(row.run.document)}</span>
              <span className="find-group-count">{t('viewerPanels.find.groupCount', { count: countOf(row.run.document) })}</span>
            </div>
          ) : (
            <HitRowButton key={row.index} hit={hits[row.index] as FindHit} index={row.index} active={row.index === active} top={row.top} onShow={onShow} />
          ),
        )}
      </div>
    </div>
  );
}
