import { useMemo, type MouseEvent } from 'react';
import { hits, pointOnPage, toSheetBox } from './mark-geometry';
import { marksOn, useNotesStore } from './panels/notes-store';
import type { Rotation } from './zoom';
import './marks.css';

/**
 * The highlights (and quoted notes) of one page, drawn over the canvas and under the text layer,
 * so the words stay selectable; placed from the page-relative rectangles at the zoom and rotation.
 */
export function MarkLayer({ document, page, width, height, rotation }: { document: string; page: number; width: number; height: number; rotation: Rotation }) {
  const notes = useNotesStore((s) => s.notes);
  const selectedId = useNotesStore((s) => s.selectedId);
  const marks = useMemo(() => marksOn(notes, document, page), [notes, document, page]);
  if (marks.length === 0) return null;
  return (
    <div className="viewer-marks" aria-hidden="true">
      {marks.flatMap((note) =>
        (note.rects ?? []).map((rect, i) => {
          const box = toSheetBox(rect, rotation, { width, height });
          const kind = note.kind === 'highlight' ? `mark-${note.color ?? 'yellow'}` : 'mark-note';
          return (
            <div
              key={`${note.id}:${i}`}
              className={`viewer-mark ${kind}${note.id === selectedId ? ' selected' : ''}`}
              data-testid="page-mark"
              data-note-id={note.id}
              data-kind={note.kind}
              style={{ left: box.left, top: box.top, width: box.width, height: box.height }}
            />
          );
        }),
      )}
    </div>
  );
}

/**
 * A click on the page that lands on a mark (not the end of a selection) picks that note in 笔记.
 * Highlights win over quoted notes where they overlap.
 */
export function pickMarkAt(event: MouseEvent<HTMLElement>, document: string, page: number, rotation: Rotation): void {
  const selection = window.getSelection();
  if (selection && !selection.isCollapsed) return;
  const sheet = event.currentTarget.getBoundingClientRect();
  const point = pointOnPage({ x: event.clientX, y: event.clientY }, sheet, rotation);
  if (!point) return;
  const store = useNotesStore.getState();
  const marks = marksOn(store.notes, document, page).sort((a, b) => Number(b.kind === 'highlight') - Number(a.kind === 'highlight'));
  const picked = marks.find((note) => hits(note.rects, point));
  if (picked) store.select(picked.id, { reveal: true });
}
