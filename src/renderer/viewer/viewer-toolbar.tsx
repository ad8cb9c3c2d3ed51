import type { ReactNode } from 'react';
import { Button, Divider, Select, Space, Tooltip, Typography } from 'antd';
import {
  ArrowLeftOutlined,
  ColumnWidthOutlined,
  ExpandOutlined,
  LeftOutlined,
  PrinterOutlined,
  RightOutlined,
  RotateLeftOutlined,
  RotateRightOutlined,
  SplitCellsOutlined,
  ZoomInOutlined,
  ZoomOutOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { OcrIndicator } from './ocr-indicator';
import { usePrintStore } from './print/print-store';
import { useSplitStore } from './split-store';
import { ViewerPageBox } from './viewer-page-box';
import { useViewerStore } from './viewer-store';
import { percentOf, ZOOM_PRESETS } from './zoom';

/** Back to 卷宗库, the case, and the reading controls: pages, zoom, rotation. */
export function ViewerToolbar({ onBack, sideToggle }: { onBack: () => void; sideToggle: ReactNode }) {
  const { t } = useTranslation();
  const dossier = useViewerStore((s) => s.dossier);
  const volumes = useViewerStore((s) => s.volumes);
  const volume = useViewerStore((s) => s.volume);
  const current = useViewerStore((s) => s.current);
  const zoom = useViewerStore((s) => s.zoom);
  const scale = useViewerStore((s) => s.scale);
  const { step, setZoom, zoomStep, rotate, showVolume, documentTitle } = useViewerStore.getState();
  const beside = useSplitStore((s) => s.beside);
  const openBeside = useSplitStore((s) => s.openBeside);
  const closeBeside = useSplitStore((s) => s.closeBeside);

  const zoomValue = typeof zoom === 'number' ? String(zoom) : zoom;
  const zoomOptions = [
    { value: 'fit-width', label: t('viewer.fitWidth') },
    { value: 'fit-page', label: t('viewer.fitPage') },
    ...ZOOM_PRESETS.map((preset) => ({ value: String(preset), label: percentOf(preset) })),
  ];
  if (typeof zoom === 'number' && !ZOOM_PRESETS.some((preset) => preset === zoom)) zoomOptions.push({ value: String(zoom), label: percentOf(zoom) });

  return (
    <header className="viewer-toolbar">
      <Space size={4} className="viewer-toolbar-start">
        <Tooltip title={t('viewer.back')}>
          <Button type="text" icon={<ArrowLeftOutlined aria-hidden="true" />} aria-label={t('viewer.back')} onClick={onBack} />
        </Tooltip>
        {sideToggle}
        <div className="viewer-heading">
          <Typography.Text strong ellipsis className="viewer-case">
            {dossier?.caseName ?? t('viewer.title')}
          </Typography.Text>
          {current ? (
            <Typography.Text type="secondary" ellipsis className="viewer-doc">
              {documentTitle(current.document)}
            </Typography.Text>
          ) : null}
        </div>
        {dossier ? <OcrIndicator dossierId={dossier.id} /> : null}
      </Space>
      <Space size={4} wrap className="viewer-toolbar-controls">
        {volumes.length > 1 ? (
          <Select
            size="small"
            className="viewer-volume-select"
            aria-label={t('viewer.volume')}
            value={volume}
            onChange={(index: number) => showVolume(index)}
            options={volumes.map((entry, index) => ({ value: index, label: entry.name ?? t('viewer.topLevel') }))}
          />
        ) : null}
        <Tooltip title={t('viewer.previous')}>
          <Button size="small" type="text" icon={<LeftOutlined aria-hidden="true" />} aria-label={t('viewer.previous')} onClick={() => step(-1)} />
        </Tooltip>
        <ViewerPageBox showVolume={volumes.length <= 1} />
        <Tooltip title={t('viewer.next')}>
          <Button size="small" type="text" icon={<RightOutlined aria-hidden="true" />} aria-label={t('viewer.next')} onClick={() => step(1)} />
        </Tooltip>
        <Divider orientation="vertical" />
        <Tooltip title={`${t('viewer.zoomOut')} (Ctrl −)`}>
          <Button size="small" type="text" icon={<ZoomOutOutlined aria-hidden="true" />} aria-label={t('viewer.zoomOut')} onClick={() => zoomStep(-1)} />
        </Tooltip>
        <Select
          size="small"
          className="viewer-zoom-select"
          aria-label={t('viewer.zoom')}
          value={zoomValue}
          labelRender={() => (typeof zoom === 'number' ? percentOf(zoom) : `${zoomOptions.find((o) => o.value === zoom)?.label} · ${percentOf(scale)}`)}
          onChange={(value: string) => setZoom(value === 'fit-width' || value === 'fit-page' ? value : Number(value))}
          options={zoomOptions}
          popupMatchSelectWidth={false}
        />
        <Tooltip title={`${t('viewer.zoomIn')} (Ctrl +)`}>
          <Button size="small" type="text" icon={<ZoomInOutlined aria-hidden="true" />} aria-label={t('viewer.zoomIn')} onClick={() => zoomStep(1)} />
        </Tooltip>
        <Tooltip title={`${t('viewer.fitWidth')} (Ctrl 0)`}>
          <Button
            size="small"
            type={zoom === 'fit-width' ? 'link' : 'text'}
            icon={<ColumnWidthOutlined aria-hidden="true" />}
            aria-label={t('viewer.fitWidth')}
            aria-pressed={zoom === 'fit-width'}
            onClick={() => setZoom('fit-width')}
          />
        </Tooltip>
        <Tooltip title={t('viewer.fitPage')}>
          <Button
            size="small"
            type={zoom === 'fit-page' ? 'link' : 'text'}
            icon={<ExpandOutlined aria-hidden="true" />}
            aria-label={t('viewer.fitPage')}
            aria-pressed={zoom === 'fit-page'}
            onClick={() => setZoom('fit-page')}
          />
        </Tooltip>
        <Divider orientation="vertical" />
        {/* A scan lying sideways is turned alone; the other pages stay as they are. */}
        <Tooltip title={t('viewer.rotateLeft')}>
          <Button size="small" type="text" icon={<RotateLeftOutlined aria-hidden="true" />} aria-label={t('viewer.rotateLeft')} onClick={() => rotate(-90)} />
        </Tooltip>
        <Tooltip title={t('viewer.rotateRight')}>
          <Button size="small" type="text" icon={<RotateRightOutlined aria-hidden="true" />} aria-label={t('viewer.rotateRight')} onClick={() => rotate(90)} />
        </Tooltip>
        <Divider orientation="vertical" />
        <Tooltip title={beside ? t('viewerSplit.close') : t('viewerSplit.open')}>
          <Button
            size="small"
            type={beside ? 'link' : 'text'}
            icon={<SplitCellsOutlined aria-hidden="true" />}
            aria-label={t('viewerSplit.open')}
            aria-pressed={beside !== null}
            disabled={!dossier || !current}
            onClick={() => {
              if (beside) closeBeside();
              else if (dossier && current) openBeside(dossier.id, current.document);
            }}
          />
        </Tooltip>
        <Divider orientation="vertical" />
        <Tooltip title={`${t('viewerPrint.button')} (Ctrl P)`}>
          <Button size="small" type="text" icon={<PrinterOutlined aria-hidden="true" />} aria-label={t('viewerPrint.button')} onClick={usePrintStore.getState().show} />
        </Tooltip>
      </Space>
    </header>
  );
}
