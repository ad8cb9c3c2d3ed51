import { useEffect, useMemo, useState, type Key } from 'react';
import { Empty, Tree, Typography } from 'antd';
import { FileImageOutlined, FilePdfOutlined, FolderOutlined } from '@ant-design/icons';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';
import { PageThumbnails } from './page-thumbnails';
import { useViewerStore } from './viewer-store';

const volumeKey = (index: number) => `volume:${index}`;
const thumbsKey = (path: string) => `pages:${path}`;

/** 目录: volumes → documents → the open document's pages as thumbnails. */
export function TocPanel() {
  const { t } = useTranslation();
  const volumes = useViewerStore((s) => s.volumes);
  const volume = useViewerStore((s) => s.volume);
  const currentDocument = useViewerStore((s) => s.current?.document ?? null);
  const pageCounts = useViewerStore((s) => s.pageCounts);
  const goTo = useViewerStore((s) => s.goTo);
  const [expanded, setExpanded] = useState<Key[]>([]);

  // The volume and document being read stay unfolded.
  useEffect(() => {
    if (currentDocument === null) return;
    setExpanded((keys) => [...new Set([...keys, volumeKey(volume), currentDocument])]);
  }, [volume, currentDocument]);

  const treeData = useMemo<DataNode[]>(
    () =>
      volumes.map((entry, index) => ({
        key: volumeKey(index),
        title: (
          <span className="viewer-toc-volume">
            <FolderOutlined aria-hidden="true" /> {entry.name ?? t('viewer.topLevel')}
          </span>
        ),
        selectable: false,
        children: entry.documents.map((document) => {
          const pages = pageCounts[document.path] ?? document.pages;
          const showThumbs = document.path === currentDocument && document.kind === 'pdf' && pages !== null;
          return {
            key: document.path,
            title: (
              <span className="viewer-toc-document">
                {document.kind === 'image' ? <FileImageOutlined aria-hidden="true" /> : <FilePdfOutlined aria-hidden="true" />}
                <span className="viewer-toc-title">{document.title}</span>
                {pages !== null ? <span className="viewer-toc-pages">{t('viewer.pagesCount', { count: pages })}</span> : null}
              </span>
            ),
            isLeaf: !showThumbs,
            children: showThumbs
              ? [{ key: thumbsKey(document.path), title: <PageThumbnails document={document.path} />, selectable: false, isLeaf: true, className: 'viewer-toc-thumbs' }]
              : undefined,
          };
        }),
      })),
    [volumes, pageCounts, currentDocument, t],
  );

  if (volumes.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('viewer.noDocuments')} />;

  return (
    <nav aria-label={t('viewer.toc')} className="viewer-toc">
      <Tree
        blockNode
        treeData={treeData}
        expandedKeys={expanded}
        selectedKeys={currentDocument ? [currentDocument] : []}
        onExpand={(keys) => setExpanded(keys)}
        onSelect={(_, { node }) => {
          const key = String(node.key);
          if (!key.startsWith('volume:') && !key.startsWith('pages:')) goTo(key, 1);
        }}
      />
      <Typography.Text type="secondary" className="viewer-toc-hint">
        {t('viewer.keysHint')}
      </Typography.Text>
    </nav>
  );
}
