import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Result, Spin, Splitter, Tabs, Tooltip } from 'antd';
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { VIEWER_SIDE_WIDTH } from '../../shared/contract';
import { errorText } from '../i18n/error-text';
import { i18n } from '../i18n';
import { useReportError } from '../shell/use-report-error';
import { useSettingsStore } from '../state/settings-store';
import { hashOf } from '../state/routes';
import { useFindFocus } from './panels/find-focus';
import { FindPanel } from './panels/find-panel';
import { useFindKeys } from './panels/use-find-keys';
import { NotesPanel } from './panels/notes-panel';
import { useNotesStore } from './panels/notes-store';
import { PageList } from './page-list';
import { useLoadPageNumbers } from './page-numbers-store';
import { forgetPageTexts } from './page-texts';
import { PageThumbnails } from './page-thumbnails';
import { PasswordDialog } from './password-dialog';
import { PrintDialog } from './print/print-dialog';
import { SelectionToolbar } from './selection-toolbar';
import { TocPanel } from './toc-panel';
import { useOcrDoneReload } from './use-ocr-done-reload';
import { useReadingProgressTracking } from './use-reading-progress';
import { useViewerKeys } from './use-viewer-keys';
import { BesidePaneBar } from './beside-pane-bar';
import { useSplitStore } from './split-store';
import { mainViewer, useViewerStore, ViewerPaneContext } from './viewer-store';
import { ViewerToolbar } from './viewer-toolbar';
import { watermarkText, watermarkTile } from './watermark';
import { useWatermarkName } from '../library-lock/use-watermark-name';
import './viewer.css';

/**
 * The dossier viewer (#/viewer/<dossierId>): toolbar on top, 目录 / 搜索 / 笔记 on the left, and the
 * pages of the volume in one continuous scroll on a dark ground.
 */
export function ViewerScreen({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const [sideOpen, setSideOpen] = useState(true);
  const [tab, setTab] = useState('toc');
  const open = useViewerStore((s) => s.open);
  const close = useViewerStore((s) => s.close);
  const dossier = useViewerStore((s) => s.dossier);
  const loadError = useViewerStore((s) => s.loadError);
  const watermarkOn = useSettingsStore((s) => s.settings.watermark);
  const savedSideWidth = useSettingsStore((s) => s.settings.viewerSideWidth);
  const saveSideWidth = useSettingsStore((s) => s.setViewerSideWidth);
  // The width while the lawyer drags the divider; kept in settings once they let go.
  const [draggedSideWidth, setDraggedSideWidth] = useState<number | null>(null);
  const reportError = useReportError();
  // Signed out, the watermark still names the lawyer who last signed in (core remembers them).
  const lawyerName = useWatermarkName();
  const beside = useSplitStore((s) => s.beside);
  const activate = useSplitStore((s) => s.activate);
  const activePane = useSplitStore((s) => s.active);

  useEffect(() => {
    void open(dossierId);
    return () => {
      close();
      useSplitStore.getState().closeBeside();
      forgetPageTexts();
    };
  }, [dossierId, open, close]);

  // The dossier's notes: the 笔记 panel, the marks on the pages and 目录's bookmarks read them.
  useEffect(() => {
    void useNotesStore.getState().load(dossierId);
    return () => useNotesStore.getState().clear();
  }, [dossierId]);

  // A quoted note started or a highlight clicked on a page: 笔记 comes into view.
  const reveal = useNotesStore((s) => s.reveal);
  const revealSeen = useRef(reveal);
  useEffect(() => {
    if (reveal === revealSeen.current) return;
    revealSeen.current = reveal;
    setSideOpen(true);
    setTab('notes');
  }, [reveal]);

  useViewerKeys(root);
  useFindKeys();
  // Ctrl+F opens 搜索 (the panel focuses its box).
  const findFocus = useFindFocus((s) => s.seq);
  useEffect(() => {
    if (findFocus === 0) return;
    setSideOpen(true);
    setTab('find');
  }, [findFocus]);
  // 卷宗页码 once the tree is there, again when the 目录 changed it.
  const volumes = useViewerStore((s) => s.volumes);
  useLoadPageNumbers(dossier ? dossierId : null, volumes);
  useReadingProgressTracking();
  useOcrDoneReload(dossierId);

  // Today's date: the viewer stays open across midnight rarely enough to take it once per render of the name.
  const watermark = useMemo(
    () => (watermarkOn ? watermarkTile(watermarkText(lawyerName, new Date(), t('app.name'))) : null),
    [watermarkOn, lawyerName, t],
  );

  const back = () => {
    window.location.hash = hashOf('library');
  };

  let main;
  if (loadError) {
    main = (
      <Result
        status="warning"
        title={errorText(i18n, loadError)}
        extra={[
          <Button key="retry" onClick={() => void open(dossierId)}>
            {t('common.retry')}
          </Button>,
          <Button key="back" type="primary" onClick={back}>
            {t('viewer.back')}
          </Button>,
        ]}
      />
    );
  } else if (!dossier) {
    main = (
      <div className="viewer-loading">
        <Spin description={t('viewer.loading')} />
      </div>
    );
  } else if (beside) {
    // Two documents side by side: each pane its own position, zoom, turned pages and find marks.
    main = (
      <Splitter className="viewer-panes">
        <Splitter.Panel min={240}>
          <div className="viewer-pane" data-testid="viewer-pane-main" onPointerDown={() => activate(mainViewer)}>
            <PageList watermark={watermark} />
          </div>
        </Splitter.Panel>
        <Splitter.Panel min={240}>
          <ViewerPaneContext.Provider value={beside}>
            <div className="viewer-pane" data-testid="viewer-pane-beside" onPointerDown={() => activate(beside)}>
              <BesidePaneBar />
              <PageList watermark={watermark} />
            </div>
          </ViewerPaneContext.Provider>
        </Splitter.Panel>
      </Splitter>
    );
  } else {
    main = <PageList watermark={watermark} />;
  }

  return (
    <div ref={root} className="viewer-root" data-testid="viewer">
      <ViewerToolbar
        onBack={back}
        sideToggle={
          <Tooltip title={sideOpen ? t('viewer.hideSide') : t('viewer.showSide')}>
            <Button
              type="text"
              icon={sideOpen ? <MenuFoldOutlined aria-hidden="true" /> : <MenuUnfoldOutlined aria-hidden="true" />}
              aria-label={sideOpen ? t('viewer.hideSide') : t('viewer.showSide')}
              aria-expanded={sideOpen}
              onClick={() => setSideOpen((value) => !value)}
            />
          </Tooltip>
        }
      />
      <div className="viewer-body">
        {sideOpen ? (
          <Splitter
            className="viewer-split"
            onResize={(sizes) => setDraggedSideWidth(sizes[0] ?? null)}
            onResizeEnd={(sizes) => {
              setDraggedSideWidth(null);
              if (sizes[0] !== undefined) saveSideWidth(sizes[0]).catch(reportError);
            }}
            // A double click on the divider puts the panel back to its usual width.
            onDraggerDoubleClick={() => saveSideWidth(VIEWER_SIDE_WIDTH.default).catch(reportError)}
          >
            <Splitter.Panel size={draggedSideWidth ?? savedSideWidth} min={VIEWER_SIDE_WIDTH.min} max={VIEWER_SIDE_WIDTH.max}>
              <aside className="viewer-side" aria-label={t('viewer.sidePanel')}>
                <Tabs
                  size="small"
                  activeKey={tab}
                  onChange={setTab}
                  centered
                  items={[
                    { key: 'toc', label: t('viewer.tabs.toc'), children: <TocPanel /> },
                    { key: 'pages', label: t('readingProgress.tab'), children: <PageThumbnails />, className: 'viewer-thumbs-pane' },
                    { key: 'find', label: t('viewer.tabs.find'), children: <FindPanel /> },
                    { key: 'notes', label: t('viewer.tabs.notes'), children: <NotesPanel /> },
                  ]}
                />
              </aside>
            </Splitter.Panel>
            <Splitter.Panel>
              <main className="viewer-main">{main}</main>
            </Splitter.Panel>
          </Splitter>
        ) : (
          <main className="viewer-main">{main}</main>
        )}
      </div>
      <SelectionToolbar />
      <PasswordDialog />
      {/* 打印 prints from the pane last clicked, as the keys act on it. */}
      <ViewerPaneContext.Provider value={activePane}>
        <PrintDialog />
      </ViewerPaneContext.Provider>
    </div>
  );
}
