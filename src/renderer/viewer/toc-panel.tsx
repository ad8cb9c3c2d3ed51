import { useEffect, useMemo, useState, type Key } from 'react';
import { Empty, Progress, Tree, Typography } from 'antd';
import { FileImageOutlined, FilePdfOutlined, FileTextOutlined, FolderOutlined } from '@ant-design/icons';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';
import { sectionAt, type TreeDocument, type TreeSection } from './dossier-tree';
import { documentShare, dossierShare, percentRead, sectionShare } from './progress-summary';
import { ReadMark } from './read-mark';
import { useReadingProgress } from './reading-progress-store';
import { titleWhenCut } from './title-when-cut';
import { useViewerStore } from './viewer-store';

// By name: the tree's volumes change once the 目录 arrives (第一卷.pdf becoming a volume of its own).
const volumeKey = (name: string | null) => `volume:${name ?? ''}`;
const sectionKey = (path: string, section: TreeSection) => `section:${section.firstPage}:${path}`;

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
  const [expanded, setExpanded] = useState<Key[]>([]);
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

  // Where each section's node leads.
  const targets = useMemo(() => {
    const map = new Map<string, { document: string; page: number }>();
    for (const entry of volumes) {
      for (const document of entry.documents) {
        for (const section of document.sections ?? []) map.set(sectionKey(document.path, section), { document: document.path, page: section.firstPage });
      }
    }
    return map;
  }, [volumes]);

  const treeData = useMemo<DataNode[]>(() => {
    const sectionNodes = (document: TreeDocument): DataNode[] =>
      (document.sections ?? []).map((section) => {
        const pages = pagesOf(document);
        const last = section.lastPage ?? pages;
        const range =
          last === null || last === section.firstPage
            ? t('viewer.sectionPage', { page: section.firstPage })
            : t('viewer.sectionPages', { first: section.firstPage, last });
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
          isLeaf: true,
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
          return {
            key: document.path,
            title: (
              <span className={`viewer-toc-document ${share.state}`} data-testid="toc-document" data-document={document.path} data-read={share.state}>
                {document.kind === 'image' ? <FileImageOutlined aria-hidden="true" /> : <FilePdfOutlined aria-hidden="true" />}
                <span className="viewer-toc-title" onMouseEnter={titleWhenCut}>
                  {document.title}
                </span>
                {pages !== null ? <span className="viewer-toc-pages">{t('viewer.pagesCount', { count: pages })}</span> : null}
                <ReadMark share={share} />
              </span>
            ),
            isLeaf: !document.sections,
            children: document.sections ? sectionNodes(document) : undefined,
          };
        }),
      };
    });
  // eslint-disable-next-line react-hooks/exhaustive-deps -- pagesOf reads pageCounts and progress
  }, [volumes, pageCounts, progress, t]);

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
