import { Button, Popconfirm, Typography } from 'antd';
import { BookOutlined, DeleteOutlined, EditOutlined, FormOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../shared/viewer';
import { formatDateTime } from '../../util/format';

/** One bookmark or note: its citation and text open the page; edit and delete beside. */
export function NoteItem({
  note,
  citation,
  current,
  onOpen,
  onEdit,
  onRemove,
}: {
  note: Note;
  citation: string;
  /** The note is on the page most in view. */
  current: boolean;
  onOpen: () => void;
  onEdit: () => void;
  onRemove: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const bookmark = note.kind === 'bookmark';
  const kind = bookmark ? t('viewerPanels.notes.bookmark') : t('viewerPanels.notes.note');
  return (
    <li className={current ? 'note-item current' : 'note-item'} data-testid="note-item" data-kind={note.kind}>
      <button type="button" className="note-open" onClick={onOpen} aria-label={t('viewerPanels.notes.open', { citation })}>
        <span className="note-citation">
          {bookmark ? <BookOutlined aria-label={kind} /> : <FormOutlined aria-label={kind} />}
          <span>{citation}</span>
        </span>
        {note.text ? <span className="note-body">{note.text}</span> : null}
      </button>
      <div className="note-meta">
        <Typography.Text type="secondary" className="panel-note">
          {formatDateTime(note.updatedAt)}
          {note.updatedAt !== note.createdAt ? ` ${t('viewerPanels.notes.edited')}` : ''}
        </Typography.Text>
        <span className="note-actions">
          <Button size="small" type="text" icon={<EditOutlined aria-hidden="true" />} onClick={onEdit} aria-label={t('viewerPanels.notes.edit')}>
            {t('viewerPanels.notes.edit')}
          </Button>
          <Popconfirm
            title={bookmark ? t('viewerPanels.notes.removeBookmarkConfirm') : t('viewerPanels.notes.removeConfirm')}
            description={citation}
            okText={t('viewerPanels.notes.removeOk')}
            okButtonProps={{ danger: true }}
            cancelText={t('viewerPanels.notes.cancel')}
            onConfirm={onRemove}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden="true" />} aria-label={t('viewerPanels.notes.remove')}>
              {t('viewerPanels.notes.remove')}
            </Button>
          </Popconfirm>
        </span>
      </div>
    </li>
  );
}
