import { useEffect, useRef, useState } from 'react';
import { Button, Input, Popconfirm, Tooltip, Typography } from 'antd';
import { BookOutlined, DeleteOutlined, EditOutlined, FormOutlined, HighlightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MARK_COLORS, MAX_BOOKMARK_LABEL, type MarkColor, type Note } from '../../../shared/viewer';
import { formatDateTime } from '../../util/format';

/** A bookmark's name, edited in place: Enter or leaving the box keeps it, Esc leaves it as it was. */
function BookmarkLabel({ label, renaming, onDone }: { label: string; renaming: boolean; onDone: (label: string | null) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(label);
  if (!renaming) {
    return label ? (
      <span className="note-label" data-testid="bookmark-label">
        {label}
      </span>
    ) : (
      <Typography.Text type="secondary" className="note-label" data-testid="bookmark-label">
        {t('viewerPanels.notes.untitled')}
      </Typography.Text>
    );
  }
  return (
    <Input
      size="small"
      autoFocus
      className="note-label-input"
      data-testid="bookmark-label-input"
      aria-label={t('viewerPanels.notes.label')}
      placeholder={t('viewerPanels.notes.labelPlaceholder')}
      maxLength={MAX_BOOKMARK_LABEL}
      value={value}
      onChange={(event) => setValue(event.target.value)}
      onKeyDown={(event) => {
        if (event.nativeEvent.isComposing) return;
        if (event.key === 'Enter') {
          event.preventDefault();
          onDone(value.trim());
        } else if (event.key === 'Escape') {
          event.preventDefault();
          onDone(null);
        }
      }}
      onBlur={() => onDone(value.trim())}
    />
  );
}

function KindIcon({ note, label }: { note: Note; label: string }) {
  if (note.kind === 'bookmark') return <BookOutlined aria-label={label} />;
  if (note.kind === 'highlight') return <HighlightOutlined aria-label={label} className={`note-kind-icon mark-${note.color ?? 'yellow'}`} />;
  return <FormOutlined aria-label={label} />;
}

/**
 * One bookmark (its name, renamed in place), note (its quotation, then its text) or highlight (the
 * words in their colour, which can be changed): the citation opens the page; actions beside.
 */
export function NoteItem({
  note,
  citation,
  current,
  selected,
  onOpen,
  onEdit,
  onRename,
  onRecolor,
  onRemove,
}: {
  note: Note;
  citation: string;
  /** The note is on the page most in view. */
  current: boolean;
  /** Picked on the page (its highlight clicked). */
  selected: boolean;
  onOpen: () => void;
  onEdit: () => void;
  onRename: (label: string) => void;
  onRecolor: (color: MarkColor) => void;
  onRemove: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const item = useRef<HTMLLIElement>(null);
  const [renaming, setRenaming] = useState(false);
  const kind = t(`viewerPanels.notes.kinds.${note.kind}`);

  useEffect(() => {
    if (selected) item.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const className = ['note-item', current ? 'current' : '', selected ? 'selected' : ''].filter(Boolean).join(' ');
  const removeConfirm = t(`viewerPanels.notes.removeConfirms.${note.kind}`);
  return (
    <li ref={item} className={className} data-testid="note-item" data-kind={note.kind} data-note-id={note.id} aria-current={selected ? 'true' : undefined}>
      <button type="button" className="note-open" onClick={onOpen} aria-label={t('viewerPanels.notes.open', { citation })}>
        <span className="note-citation">
          <KindIcon note={note} label={kind} />
          <span>{citation}</span>
        </span>
        {note.quote ? (
          <blockquote className={`note-quote${note.kind === 'highlight' ? ` mark-${note.color ?? 'yellow'}` : ''}`} data-testid="note-quote">
            {note.quote}
          </blockquote>
        ) : null}
        {note.text ? <span className="note-body">{note.text}</span> : null}
      </button>
      {note.kind === 'bookmark' ? (
        <BookmarkLabel
          key={renaming ? 'renaming' : 'shown'}
          label={note.label ?? ''}
          renaming={renaming}
          onDone={(label) => {
            setRenaming(false);
            if (label !== null && label !== (note.label ?? '')) onRename(label);
          }}
        />
      ) : null}
      <div className="note-meta">
        <Typography.Text type="secondary" className="panel-note">
          {formatDateTime(note.updatedAt)}
          {note.updatedAt !== note.createdAt ? ` ${t('viewerPanels.notes.edited')}` : ''}
        </Typography.Text>
        <span className="note-actions">
          {note.kind === 'highlight' ? (
            <span className="note-colors" role="group" aria-label={t('viewerPanels.notes.color')}>
              {MARK_COLORS.map((color) => (
                <Tooltip key={color} title={t(`viewer.marks.colors.${color}`)}>
                  <button
                    type="button"
                    className={`mark-swatch small mark-${color}${note.color === color ? ' chosen' : ''}`}
                    aria-label={t(`viewer.marks.colors.${color}`)}
                    aria-pressed={note.color === color}
                    data-testid={`note-color-${color}`}
                    onClick={() => note.color !== color && onRecolor(color)}
                  />
                </Tooltip>
              ))}
            </span>
          ) : null}
          {note.kind === 'bookmark' ? (
            <Button size="small" type="text" icon={<EditOutlined aria-hidden="true" />} data-testid="bookmark-rename" onClick={() => setRenaming(true)}>
              {t('viewerPanels.notes.rename')}
            </Button>
          ) : (
            <Button size="small" type="text" icon={<EditOutlined aria-hidden="true" />} onClick={onEdit} aria-label={t('viewerPanels.notes.edit')}>
              {note.kind === 'highlight' ? null : t('viewerPanels.notes.edit')}
            </Button>
          )}
          <Popconfirm
            title={removeConfirm}
            description={citation}
            okText={t('viewerPanels.notes.removeOk')}
            okButtonProps={{ danger: true }}
            cancelText={t('viewerPanels.notes.cancel')}
            onConfirm={onRemove}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden="true" />} aria-label={t('viewerPanels.notes.remove')}>
              {note.kind === 'highlight' ? null : t('viewerPanels.notes.remove')}
            </Button>
          </Popconfirm>
        </span>
      </div>
    </li>
  );
}
