import { useState } from 'react';
import { Button, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NoteDraft } from './notes-store';

export type { NoteDraft };

const MAX_TEXT = 10_000;

/**
 * 添加笔记 / 编辑: the text of a note and where it is attached; the words it quotes from the page
 * shown above, as they were selected (not editable). Ctrl+Enter saves, Esc cancels.
 */
export function NoteForm({
  draft,
  citation,
  saving,
  onSave,
  onCancel,
}: {
  draft: NoteDraft;
  citation: string;
  saving: boolean;
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(draft.text);
  // A bookmark or a highlight may stay bare; a note needs something written.
  const canSave = draft.kind !== 'note' || text.trim().length > 0;

  function save() {
    if (canSave && !saving) onSave(text.trim());
  }

  return (
    <form
      className="note-form"
      aria-label={draft.id ? t('viewerPanels.notes.edit') : t('viewerPanels.notes.addNote')}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Typography.Text strong className="note-form-title">
        {t(draft.id ? 'viewerPanels.notes.formEdit' : 'viewerPanels.notes.formNew', { citation })}
      </Typography.Text>
      {draft.quote ? (
        <blockquote className={`note-quote${draft.color ? ` mark-${draft.color}` : ''}`} data-testid="note-form-quote" aria-label={t('viewerPanels.notes.quote')}>
          {draft.quote}
        </blockquote>
      ) : null}
      <Input.TextArea
        data-testid="note-text"
        aria-label={t('viewerPanels.notes.text')}
        placeholder={t('viewerPanels.notes.textPlaceholder')}
        autoSize={{ minRows: 3, maxRows: 10 }}
        maxLength={MAX_TEXT}
        autoFocus
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.nativeEvent.isComposing) return;
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            save();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      <Space className="note-form-actions">
        <Button size="small" onClick={onCancel}>
          {t('viewerPanels.notes.cancel')}
        </Button>
        <Button size="small" type="primary" htmlType="submit" loading={saving} disabled={!canSave} data-testid="note-save">
          {t('viewerPanels.notes.save')}
        </Button>
      </Space>
    </form>
  );
}
