import { useMemo, useState } from 'react';
import { App, Button, Empty, Spin } from 'antd';
import { BookOutlined, FormOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MarkColor, Note } from '../../../shared/viewer';
import { i18n } from '../../i18n';
import { RemoteAlert } from '../../pages/remote-alert';
import { useReportError } from '../../shell/use-report-error';
import { useViewerStore } from '../viewer-store';
import { sortNotes } from './citation';
import { NoteForm, type NoteDraft } from './note-form';
import { NoteItem } from './note-item';
import { NotesExport } from './notes-export';
import { useNotesStore } from './notes-store';
import { useCitation } from './use-citation';
import '../marks.css';
import './panels.css';

/** The fields of a note the save call takes back (an update sends the marks it keeps). */
function draftOf(note: Note): NoteDraft {
  const { id, kind, document, page, text, quote, rects, color, label } = note;
  return { id, kind, document, page, text, quote, rects, color, label };
}

/**
 * 笔记: the dossier's bookmarks (named), notes (with the words they quote) and highlights (in their
 * colours) in reading order, each cited 《第一卷·讯问笔录》第3页 and opening its page; 添加书签 /
 * 添加笔记 attach to the page most in view; 导出阅卷笔录.
 */
export function NotesPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const dossierId = useViewerStore((s) => s.dossierId);
  const files = useViewerStore((s) => s.dossier?.files);
  const current = useViewerStore((s) => s.current);
  const goTo = useViewerStore((s) => s.goTo);
  const cite = useCitation();
  const notes = useNotesStore((s) => s.notes);
  const loading = useNotesStore((s) => s.loading);
  const error = useNotesStore((s) => s.error);
  const draft = useNotesStore((s) => s.draft);
  const selectedId = useNotesStore((s) => s.selectedId);
  const { setDraft, select, reload } = useNotesStore.getState();
  const [saving, setSaving] = useState<'bookmark' | 'note' | null>(null);
  const sorted = useMemo(() => sortNotes(notes, files), [notes, files]);

  async function save(note: NoteDraft, kind: 'bookmark' | 'note' | null): Promise<Note | null> {
    setSaving(kind);
    try {
      return await useNotesStore.getState().save(note);
    } catch (failure) {
      report(failure);
      return null;
    } finally {
      setSaving(null);
    }
  }

  async function addBookmark() {
    if (!current) return;
    const saved = await save({ kind: 'bookmark', document: current.document, page: current.page, text: '' }, 'bookmark');
    if (saved) void message.success(i18n.t('viewerPanels.notes.bookmarkAdded', { citation: cite(current.document, current.page) }));
  }

  async function saveDraft(text: string) {
    if (!draft) return;
    const saved = await save({ ...draft, text }, 'note');
    if (saved) {
      setDraft(null);
      select(saved.id);
      void message.success(i18n.t('viewerPanels.notes.saved'));
    }
  }

  async function remove(note: Note) {
    try {
      await useNotesStore.getState().remove(note.id);
      void message.success(i18n.t('viewerPanels.notes.removed'));
    } catch (failure) {
      report(failure);
    }
  }

  const noPage = !current;

  return (
    <div className="viewer-panel notes-panel">
      <div className="notes-toolbar">
        <Button
          size="small"
          icon={<BookOutlined aria-hidden="true" />}
          disabled={noPage || !dossierId}
          loading={saving === 'bookmark'}
          title={noPage ? t('viewerPanels.notes.noPage') : undefined}
          data-testid="add-bookmark"
          onClick={() => void addBookmark()}
        >
          {t('viewerPanels.notes.addBookmark')}
        </Button>
        <Button
          size="small"
          icon={<FormOutlined aria-hidden="true" />}
          disabled={noPage || !dossierId}
          title={noPage ? t('viewerPanels.notes.noPage') : undefined}
          data-testid="add-note"
          onClick={() => current && setDraft({ kind: 'note', document: current.document, page: current.page, text: '' })}
        >
          {t('viewerPanels.notes.addNote')}
        </Button>
        {dossierId ? <NotesExport dossierId={dossierId} disabled={sorted.length === 0} /> : null}
      </div>
      {draft ? (
        <NoteForm
          // A new draft (another page, another quotation, or another note to edit) starts from its own text.
          key={`${draft.id ?? 'new'}:${draft.document}:${draft.page}:${draft.quote ?? ''}`}
          draft={draft}
          citation={cite(draft.document, draft.page)}
          saving={saving === 'note'}
          onSave={(text) => void saveDraft(text)}
          onCancel={() => setDraft(null)}
        />
      ) : null}
      <RemoteAlert error={error} onRetry={() => void reload()} />
      {loading && notes.length === 0 ? (
        <div className="panel-loading">
          <Spin size="small" />
        </div>
      ) : sorted.length === 0 && !error ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <>
              {t('viewerPanels.notes.empty')}
              <br />
              <span className="panel-note">{t('viewerPanels.notes.emptyHint')}</span>
            </>
          }
        />
      ) : (
        <ul className="notes-list" aria-label={t('viewerPanels.notes.title')}>
          {sorted.map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              citation={cite(note.document, note.page)}
              current={current?.document === note.document && current.page === note.page}
              selected={note.id === selectedId}
              onOpen={() => {
                select(note.id);
                goTo(note.document, note.page);
              }}
              onEdit={() => setDraft(draftOf(note))}
              onRename={(label) => void save({ ...draftOf(note), label }, null)}
              onRecolor={(color: MarkColor) => void save({ ...draftOf(note), color }, null)}
              onRemove={() => remove(note)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
