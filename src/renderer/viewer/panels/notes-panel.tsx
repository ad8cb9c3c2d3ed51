import { useMemo, useState } from 'react';
import { App, Button, Empty, Spin } from 'antd';
import { BookOutlined, FormOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../shared/viewer';
import { i18n } from '../../i18n';
import { RemoteAlert } from '../../pages/remote-alert';
import { useReportError } from '../../shell/use-report-error';
import { api } from '../../transport';
import { useRemote } from '../../util/use-remote';
import { useViewerStore } from '../viewer-store';
import { sortNotes } from './citation';
import { NoteForm, type NoteDraft } from './note-form';
import { NoteItem } from './note-item';
import { NotesExport } from './notes-export';
import { useCitation } from './use-citation';
import './panels.css';

/**
 * 笔记: the dossier's bookmarks and notes in reading order, each cited 《第一卷·讯问笔录》第3页 and
 * opening its page; 添加书签 / 添加笔记 attach to the page most in view; 导出阅卷笔录.
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
  // Kept with its dossier, so a form left open does not follow the lawyer into another dossier.
  const [editing, setEditing] = useState<{ dossierId: string; draft: NoteDraft } | null>(null);
  const draft = editing && editing.dossierId === dossierId ? editing.draft : null;
  const setDraft = (next: NoteDraft | null) => setEditing(next && dossierId ? { dossierId, draft: next } : null);
  const [saving, setSaving] = useState<'bookmark' | 'note' | null>(null);

  const notes = useRemote<Note[]>(() => (dossierId ? api['notes.list']({ dossierId }) : Promise.resolve([])), {
    key: dossierId ?? '',
  });
  const sorted = useMemo(() => sortNotes(notes.data ?? [], files), [notes.data, files]);

  async function save(note: NoteDraft, kind: 'bookmark' | 'note'): Promise<boolean> {
    if (!dossierId) return false;
    setSaving(kind);
    try {
      await api['notes.save']({ dossierId, note });
      await notes.reload();
      return true;
    } catch (error) {
      report(error);
      return false;
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
    if (await save({ ...draft, text }, 'note')) {
      setDraft(null);
      void message.success(i18n.t('viewerPanels.notes.saved'));
    }
  }

  async function remove(note: Note) {
    if (!dossierId) return;
    try {
      await api['notes.remove']({ dossierId, id: note.id });
      if (draft?.id === note.id) setDraft(null);
      void message.success(i18n.t('viewerPanels.notes.removed'));
      await notes.reload();
    } catch (error) {
      report(error);
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
          // A new draft (another page, or another note to edit) starts from its own text.
          key={`${draft.id ?? 'new'}:${draft.document}:${draft.page}`}
          draft={draft}
          citation={cite(draft.document, draft.page)}
          saving={saving === 'note'}
          onSave={(text) => void saveDraft(text)}
          onCancel={() => setDraft(null)}
        />
      ) : null}
      <RemoteAlert error={notes.error} onRetry={() => void notes.reload()} />
      {notes.loading && !notes.data ? (
        <div className="panel-loading">
          <Spin size="small" />
        </div>
      ) : sorted.length === 0 && !notes.error ? (
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
              onOpen={() => goTo(note.document, note.page)}
              onEdit={() => setDraft({ id: note.id, kind: note.kind, document: note.document, page: note.page, text: note.text })}
              onRemove={() => remove(note)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
