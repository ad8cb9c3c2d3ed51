import { useEffect, useState, type CSSProperties } from 'react';
import { App, Button, Tooltip } from 'antd';
import { FormOutlined, HighlightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MARK_COLORS, type MarkColor } from '../../shared/viewer';
import { i18n } from '../i18n';
import { useReportError } from '../shell/use-report-error';
import { readPageSelection, type PageSelection } from './page-selection';
import { useNotesStore } from './panels/notes-store';
import './marks.css';

/** The toolbar's size, to keep it inside the window (CSS px). */
const WIDTH = 236;
const HEIGHT = 36;

/** Where the toolbar goes: under the selection's last line, ending at its end; above it near the bottom. */
function placeBy(end: PageSelection['end']): CSSProperties {
  const below = end.top + end.height + 6;
  const top = below + HEIGHT > window.innerHeight - 4 ? Math.max(4, end.top - HEIGHT - 6) : below;
  const left = Math.min(Math.max(4, end.left + end.width - WIDTH / 2), window.innerWidth - WIDTH - 4);
  return { top, left };
}

/**
 * Select text on a page → 高亮 in a colour, or 笔记 with the quotation kept (the 笔记 panel opens on
 * a form that shows it). Follows the selection; gone when it is, or when the pages scroll.
 */
export function SelectionToolbar() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [selected, setSelected] = useState<PageSelection | null>(null);

  useEffect(() => {
    // After the mouse or the keyboard ends a selection; a selection that collapses hides the bar.
    const read = () => setSelected(readPageSelection(window.getSelection()));
    const onMouseUp = (event: MouseEvent) => {
      if ((event.target as Element | null)?.closest?.('.selection-toolbar')) return;
      window.setTimeout(read, 0);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.shiftKey || event.key === 'Shift') read();
    };
    // A rotation or zoom redraws the text layer, which ends the selection too.
    const onSelectionChange = () => {
      if (window.getSelection()?.isCollapsed ?? true) setSelected(null);
    };
    const onScroll = (event: Event) => {
      if ((event.target as Element | null)?.closest?.('.viewer-main')) setSelected(null);
    };
    document.addEventListener('mouseup', onMouseUp);
    document.addEventListener('keyup', onKeyUp);
    document.addEventListener('selectionchange', onSelectionChange);
    document.addEventListener('scroll', onScroll, true);
    return () => {
      document.removeEventListener('mouseup', onMouseUp);
      document.removeEventListener('keyup', onKeyUp);
      document.removeEventListener('selectionchange', onSelectionChange);
      document.removeEventListener('scroll', onScroll, true);
    };
  }, []);

  if (!selected) return null;

  const done = () => {
    window.getSelection()?.removeAllRanges();
    setSelected(null);
  };

  async function highlight(color: MarkColor) {
    if (!selected) return;
    const { document, page, quote, rects } = selected;
    done();
    try {
      const saved = await useNotesStore.getState().save({ kind: 'highlight', document, page, text: '', quote, rects, color });
      useNotesStore.getState().select(saved.id);
      void message.success(i18n.t('viewer.marks.highlighted'));
    } catch (error) {
      report(error);
    }
  }

  function note() {
    if (!selected) return;
    const { document, page, quote, rects } = selected;
    done();
    useNotesStore.getState().setDraft({ kind: 'note', document, page, text: '', quote, rects }, { reveal: true });
  }

  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label={t('viewer.marks.toolbar')}
      data-testid="selection-toolbar"
      style={placeBy(selected.end)}
      // Keeps the selection while a button is pressed.
      onMouseDown={(event) => event.preventDefault()}
    >
      <span className="selection-toolbar-label">
        <HighlightOutlined aria-hidden="true" /> {t('viewer.marks.highlight')}
      </span>
      {MARK_COLORS.map((color) => (
        <Tooltip key={color} title={t(`viewer.marks.colors.${color}`)}>
          <button
            type="button"
            className={`mark-swatch mark-${color}`}
            aria-label={t('viewer.marks.highlightIn', { color: t(`viewer.marks.colors.${color}`) })}
            data-testid={`highlight-${color}`}
            onClick={() => void highlight(color)}
          />
        </Tooltip>
      ))}
      <span className="selection-toolbar-divider" aria-hidden="true" />
      <Button size="small" type="text" icon={<FormOutlined aria-hidden="true" />} data-testid="selection-note" onClick={note}>
        {t('viewer.marks.note')}
      </Button>
    </div>
  );
}
