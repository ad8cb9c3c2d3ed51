import { useEffect, useMemo, useState, type Key } from 'react';
import { Empty, Progress, Tree, Typography } from 'antd';
import { BookOutlined, FileImageOutlined, FilePdfOutlined, FileTextOutlined, FileUnknownOutlined, FolderOutlined } from '@ant-design/icons';
import type { DataNode } from 'antd/es/tree';
import type { Note } from '../../shared/viewer';
import { useTranslation } from 'react-i18next';
import { sectionAt, type TreeDocument, type TreeSection } from './dossier-tree';
import { usePageNumbers } from './page-numbers-store';
import { useNotesStore } from './panels/notes-store';
import { documentShare, dossierShare, percentRead, sectionShare } from './progress-summary';
import { ReadMark } from './read-mark';
import { useReadingProgress } from './reading-progress-store';
import { titleWhenCut } from './title-when-cut';
import { useViewerStore } from './viewer-store';

// By name: the tree's volumes change once the 目录 arrives (第一卷.pdf becoming a volume of its own).
const volumeKey = (name: string | null) => `volume:${name ?? ''}`;
const sectionKey = (path: string, section: TreeSection) => `section:${section.firstPage}:${path}`;
const bookmarkKey = (id: string) => `bookmark:${id}`;

/** The dossier's bookmarks per document, by page. */
function bookmarksByDocument(notes: readonly Note[]): Map<string, Note[]> {
  const map = new Map<string, Note[]>();
  for (const note of notes) {
    if (note.kind !== 'bookmark') continue;
    map.set(note.document, [...(map.get(note.document) ?? []), note]);
  }
  for (const list of map.values()) list.sort((a, b) => a.page - b.page || a.createdAt.localeCompare(b.createdAt));
  return map;
}

/**
 * 目录: volumes → documents, each marked unread, partly read or read, under the dossier's % read. A
 * PDF whose 卷内目录 lists the documents inside it shows them instead (directly under the volume when
 * it is the volume).
 */
export function TocPanel() {
  const { t } = useTranslation();
  const volumes = useViewerStore((s) => s.volumes);
  const volume = useViewerStore((s) => s.volume);
  const currentDocument = useViewerStore((s) => s.current?.document ?? null);
  const pageCounts = useViewerStore((s) => s.pageCounts);
  const goTo = useViewerStore((s) => s.goTo);
  const currentPage = useViewerStore((s) => s.current?.page ?? 1);
  const volumeName = volumes[volume]?.name ?? null;
  const numbers = usePageNumbers((s) => s.byPath);
  const [expanded, setExpanded] = useState<Key[]>([]);
  const notes = useNotesStore((s) => s.notes);
  const bookmarks = useMemo(() => bookmarksByDocument(notes), [notes]);
  const progress = useReadingProgress((s) => s.documents);
  const pagesOf = (document: TreeDocument) => pageCounts[document.path] ?? progress[document.path]?.pages ?? document.pages;
  const total = dossierShare(
    volumes.flatMap((entry) => entry.documents).map((document) => ({ seen: progress[document.path]?.seen ?? [], pages: pagesOf(document) })),
  );
  const percent = percentRead(total.seen, total.total);

  // The volume and document being read stay unfolded.
  useEffect(() => {
    if (currentDocument === null) return;
    setExpanded((keys) => [...new Set([...keys, volumeKey(volumeName), currentDocument])]);
  }, [volumeName, currentDocument]);

  // Bookmarks show: the document (or 目录 section) holding each is unfolded when they change.
  useEffect(() => {
    const keys: Key[] = [];
    for (const entry of volumes) {
      for (const document of entry.documents) {
        for (const note of bookmarks.get(document.path) ?? []) {
          const section = sectionAt(document, note.page);
          keys.push(section ? sectionKey(document.path, section) : document.path);
        }
      }
    }
    if (keys.length > 0) setExpanded((open) => [...new Set([...open, ...keys])]);
  }, [volumes, bookmarks]);

  // Where each section's and bookmark's node leads.
  const targets = useMemo(() => {
    const map = new Map<string, { document: string; page: number }>();
    for (const list of bookmarks.values()) for (const note of list) map.set(bookmarkKey(note.id), { document: note.document, page: note.page });
    for (const entry of volumes) {
      for (const document of entry.documents) {
        for (const section of document.sections ?? []) map.set(sectionKey(document.path, section), { document: document.path, page: section.firstPage });
      }
    }
    return map;
  }, [volumes, bookmarks]);

  const treeData = useMemo<DataNode[]>(() => {
    // A bookmark under its document (or the section holding its page), by its name.
    const bookmarkNodes = (path: string, under: (note: Note) => boolean = () => true): DataNode[] =>
      (bookmarks.get(path) ?? [])
        .filter(under)
        .map((note) => {
          const name = note.label || t('viewerPanels.notes.untitled');
          const page = t('viewer.sectionPage', { page: note.page });
          return {
            key: bookmarkKey(note.id),
            title: (
              <span className="viewer-toc-document viewer-toc-bookmark" title={`${name}（${page}）`} data-testid="toc-bookmark">
                <BookOutlined aria-label={t('viewer.bookmarks')} />
                <span className="viewer-toc-title">{name}</span>
                <span className="viewer-toc-pages">{page}</span>
              </span>
            ),
            isLeaf: true,
          };
        });

    // 卷宗页码 first–last of PDF pages [from, to] of a document, as the 目录's 页次 column gives them; null when none.
    const dossierRange = (path: string, from: number, to: number | null): string | null => {
      const known = (numbers.get(path)?.numbers ?? []).slice(from - 1, to ?? undefined).filter((n): n is number => n !== null);
      const first = known[0];
      const last = known[known.length - 1];
      if (first === undefined || last === undefined) return null;
      return first === last ? t('viewer.sectionPage', { page: first }) : t('viewer.sectionPages', { first, last });
    };
    const sectionNodes = (document: TreeDocument): DataNode[] =>
      (document.sections ?? []).map((section) => {
        const marked = bookmarkNodes(document.path, (note) => sectionAt(document, note.page) === section);
        const pages = pagesOf(document);
        const last = section.lastPage ?? pages;
        const range =
          dossierRange(document.path, section.firstPage, last) ??
          (last === null || last === section.firstPage
            ? t('viewer.sectionPage', { page: section.firstPage })
            : t('viewer.sectionPages', { first: section.firstPage, last }));
        const title = section.front ? t('viewer.frontMatter') : section.title;
        const share = sectionShare(progress[document.path]?.seen ?? [], section.firstPage, last ?? section.firstPage);
        return {
          key: sectionKey(document.path, section),
          title: (
            <span
              className={`viewer-toc-document viewer-toc-section ${share.state}`}
              title={`${title}（${range}）`}
              data-testid="toc-section"
              data-read={share.state}
            >
              <FileTextOutlined aria-hidden="true" />
              <span className="viewer-toc-title">{title}</span>
              <span className="viewer-toc-pages">{range}</span>
              <ReadMark share={share} />
            </span>
          ),
          isLeaf: marked.length === 0,
          children: marked.length > 0 ? marked : undefined,
        };
      });

    return volumes.map((entry) => {
      const only = entry.documents.length === 1 ? entry.documents[0] : undefined;
      return {
        key: volumeKey(entry.name),
        title: (
          <span className="viewer-toc-volume">
            <FolderOutlined aria-hidden="true" /> {entry.name ?? t('viewer.topLevel')}
          </span>
        ),
        selectable: false,
        // A volume that is one PDF with a 目录: its documents straight under the volume.
        children: only?.sections ? sectionNodes(only) : entry.documents.map((document) => {
          const pages = pagesOf(document);
          const share = documentShare(progress[document.path]?.seen ?? [], pages);
          const marked = document.sections ? [] : bookmarkNodes(document.path);
          const range = dossierRange(document.path, 1, null);
          return {
            key: document.path,
            title: (
              <span className={`viewer-toc-document ${share.state}`} data-testid="toc-document" data-document={document.path} data-read={share.state}>
                {document.kind === 'pdf' ? (
                  <FilePdfOutlined aria-hidden="true" />
                ) : document.kind === 'other' ? (
                  <FileUnknownOutlined aria-hidden="true" />
                ) : (
                  <FileImageOutlined aria-hidden="true" />
                )}
                <span className="viewer-toc-title" onMouseEnter={titleWhenCut}>
                  {document.title}
                </span>
                {range !== null || pages !== null ? (
                  <span className="viewer-toc-pages" title={pages !== null ? t('viewer.pagesCount', { count: pages }) : undefined}>
                    {range ?? (pages !== null ? t('viewer.pagesCount', { count: pages }) : null)}
                  </span>
                ) : null}
                <ReadMark share={share} />
              </span>
            ),
            isLeaf: !document.sections && marked.length === 0,
            children: document.sections ? sectionNodes(document) : marked.length > 0 ? marked : undefined,
          };
        }),
      };
    });
  // eslint-disable-next-line react-hooks/exhaustive-deps -- pagesOf reads pageCounts and progress
  }, [volumes, pageCounts, progress, bookmarks, numbers, t]);

  // The section being read is the one marked, else the document.
  const selected = useMemo(() => {
    if (currentDocument === null) return [];
    const document = volumes.flatMap((entry) => entry.documents).find((entry) => entry.path === currentDocument);
    const section = document ? sectionAt(document, currentPage) : null;
    return [section && document ? sectionKey(document.path, section) : currentDocument];
  }, [volumes, currentDocument, currentPage]);

  if (volumes.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('viewer.noDocuments')} />;

  return (
    <nav aria-label={t('viewer.toc')} className="viewer-toc">
      <div className="viewer-toc-progress" data-testid="reading-progress" title={t('readingProgress.readPages', { seen: total.seen, total: total.total })}>
        <span className="viewer-toc-progress-text">{t('readingProgress.read', { percent })}</span>
        <Progress percent={percent} size="small" showInfo={false} />
      </div>
      <Tree
        blockNode
        treeData={treeData}
        expandedKeys={expanded}
        selectedKeys={selected}
        onExpand={(keys) => setExpanded(keys)}
        onSelect={(_, { node }) => {
          const key = String(node.key);
          const target = targets.get(key);
          if (target) goTo(target.document, target.page);
          else if (!key.startsWith('volume:') && !key.startsWith('section:')) goTo(key, 1);
        }}
      />
      <Typography.Text type="secondary" className="viewer-toc-hint">
        {t('viewer.keysHint')}
      </Typography.Text>
    </nav>
  );
}
