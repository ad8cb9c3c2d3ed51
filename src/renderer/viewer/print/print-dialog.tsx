import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Input, Modal, Progress, Radio, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../shell/use-report-error';
import { useWatermarkName } from '../../library-lock/use-watermark-name';
import { useSettingsStore } from '../../state/settings-store';
import { useCitation } from '../panels/use-citation';
import { useViewerPane, useViewerStore } from '../viewer-store';
import { watermarkText } from '../watermark';
import { printDocumentHtml } from './print-document';
import { printInFrame, releasePrintFrame } from './print-frame';
import { parsePageRange, type PageRangeError } from './print-range';
import { PrintCancelled, renderPrintPages } from './print-render';
import { usePrintStore } from './print-store';
import './print-dialog.css';

type Scope = 'page' | 'range' | 'document';

/**
 * 打印: the current page, a range of the current document's pages, or the whole document, each
 * sheet with the watermark. The pages are rendered in memory, then the system's print dialog opens.
 * It acts on the pane it is placed in (the one last clicked when two documents are side by side).
 */
export function PrintDialog() {
  const { t, i18n } = useTranslation();
  const pane = useViewerPane();
  const open = usePrintStore((s) => s.open);
  const hide = usePrintStore((s) => s.hide);
  const current = useViewerStore((s) => s.current);
  const caseName = useViewerStore((s) => s.dossier?.caseName ?? '');
  const documentTitle = useViewerStore((s) => s.documentTitle);
  const known = useViewerStore((s) => (s.current ? s.pageCounts[s.current.document] : undefined));
  const listed = useViewerStore((s) => s.volumes[s.volume]?.documents.find((entry) => entry.path === s.current?.document)?.pages);
  const ensureDocument = useViewerStore((s) => s.ensureDocument);
  const watermarkOn = useSettingsStore((s) => s.settings.watermark);
  const lawyerName = useWatermarkName();
  const cite = useCitation();
  const reportError = useReportError();

  const [scope, setScope] = useState<Scope>('page');
  const [range, setRange] = useState('');
  const [rangeError, setRangeError] = useState<PageRangeError | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [failed, setFailed] = useState(false);
  const running = useRef<AbortController | null>(null);

  const count = known ?? listed ?? null;
  const watermark = watermarkOn ? watermarkText(lawyerName, new Date(), t('app.name')) : null;

  // The document's length is known once it is open.
  useEffect(() => {
    if (open && current && known === undefined) void ensureDocument(current.document);
  }, [open, current, known, ensureDocument]);

  // Leaving the viewer cancels a print being prepared and lets the last print's pages go.
  useEffect(
    () => () => {
      running.current?.abort();
      releasePrintFrame();
    },
    [],
  );

  const close = () => {
    running.current?.abort();
    running.current = null;
    setProgress(null);
    setFailed(false);
    setRangeError(null);
    hide();
  };

  const start = async () => {
    const docs = pane.getState().documents();
    if (!current || !docs || running.current) return;
    const document = current.document;
    let pages: number[] = [current.page];
    if (scope === 'range') {
      const parsed = parsePageRange(range, count ?? 0);
      if (!parsed.ok) {
        setRangeError(parsed.error);
        return;
      }
      pages = parsed.pages;
    }
    // From here 取消 (or closing the dialog) stops the work.
    const controller = new AbortController();
    running.current = controller;
    setFailed(false);
    if (scope === 'document') {
      setProgress({ done: 0, total: count ?? 0 });
      try {
        const total = (await docs.open(document)).pages;
        pages = Array.from({ length: total }, (_, index) => index + 1);
      } catch {
        if (running.current !== controller) return;
        running.current = null;
        setProgress(null);
        setFailed(true);
        return;
      }
      if (controller.signal.aborted) return;
    }
    setProgress({ done: 0, total: pages.length });
    try {
      const urls = await renderPrintPages(
        pages.map((page) => ({ document, page, rotation: pane.getState().rotationOf(document, page) })),
        {
          open: (path) => docs.open(path),
          signal: controller.signal,
          onProgress: (done) => setProgress({ done, total: pages.length }),
        },
      );
      if (controller.signal.aborted) {
        urls.forEach((url) => URL.revokeObjectURL(url));
        return;
      }
      const html = printDocumentHtml({
        title: [caseName, documentTitle(document)].filter(Boolean).join(' - '),
        sheets: urls.map((src, index) => ({ src, caption: cite(document, pages[index] ?? 1) })),
        watermark,
        lang: i18n.language === 'en' ? 'en' : 'zh-CN',
      });
      running.current = null;
      close();
      await printInFrame(html, urls).catch(reportError);
    } catch (error) {
      if (running.current !== controller) return;
      running.current = null;
      setProgress(null);
      if (!(error instanceof PrintCancelled)) setFailed(true);
    }
  };

  const busy = progress !== null;
  const rangeMessage = rangeError ? t(`viewerPrint.errors.${rangeError}`, { count: count ?? 0 }) : null;

  return (
    <Modal
      open={open}
      centered
      width={440}
      maskClosable={!busy}
      destroyOnHidden
      modalRender={(node) => <div data-testid="print-dialog">{node}</div>}
      title={
        <span>
          <PrinterOutlined className="heading-icon" aria-hidden="true" /> {t('viewerPrint.title')}
        </span>
      }
      onCancel={close}
      footer={[
        <Button key="cancel" onClick={close}>
          {t('viewerPrint.cancel')}
        </Button>,
        <Button key="print" type="primary" loading={busy} disabled={!current} onClick={() => void start()} data-testid="print-start">
          {t('viewerPrint.print')}
        </Button>,
      ]}
    >
      {current ? (
        <Space orientation="vertical" size={12} className="print-dialog-body">
          <Typography.Text type="secondary" ellipsis={{ tooltip: true }} className="print-dialog-file">
            {t('viewerPrint.file', { title: documentTitle(current.document) })}
          </Typography.Text>
          <Radio.Group value={scope} onChange={(event) => setScope(event.target.value as Scope)} disabled={busy} className="print-scope">
            <Space orientation="vertical" size={10}>
              <Radio value="page">
                {t('viewerPrint.current')} <Typography.Text type="secondary">{t('viewerPrint.currentHint', { page: current.page })}</Typography.Text>
              </Radio>
              <Radio value="range">{t('viewerPrint.range')}</Radio>
              <div className="print-range">
                <Input
                  size="small"
                  aria-label={t('viewerPrint.range')}
                  data-testid="print-range"
                  placeholder={t('viewerPrint.rangePlaceholder')}
                  value={range}
                  disabled={busy}
                  status={rangeMessage ? 'error' : undefined}
                  onFocus={() => setScope('range')}
                  onChange={(event) => {
                    setRange(event.target.value);
                    setScope('range');
                    setRangeError(null);
                  }}
                  onPressEnter={() => void start()}
                />
                <Typography.Text type={rangeMessage ? 'danger' : 'secondary'} className="print-range-hint" role={rangeMessage ? 'alert' : undefined}>
                  {rangeMessage ?? (count ? t('viewerPrint.rangeHint', { count }) : '')}
                </Typography.Text>
              </div>
              <Radio value="document">
                {t('viewerPrint.document')}{' '}
                {count ? <Typography.Text type="secondary">{t('viewerPrint.documentHint', { count })}</Typography.Text> : null}
              </Radio>
            </Space>
          </Radio.Group>
          <Typography.Text type="secondary" className="print-watermark-note">
            {watermark ? t('viewerPrint.watermarkOn', { text: watermark }) : t('viewerPrint.watermarkOff')}
          </Typography.Text>
          {progress ? (
            <div role="status" data-testid="print-progress">
              <Typography.Text>{t('viewerPrint.preparing', { done: progress.done, total: progress.total })}</Typography.Text>
              <Progress percent={Math.floor((progress.done / Math.max(1, progress.total)) * 100)} showInfo={false} size="small" />
            </div>
          ) : null}
          {failed ? <Alert type="error" showIcon title={t('viewerPrint.failed')} /> : null}
        </Space>
      ) : null}
    </Modal>
  );
}
