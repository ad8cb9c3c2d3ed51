import { Button, Select, Tooltip, Typography } from 'antd';
import { CloseOutlined, RotateRightOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSplitStore } from './split-store';
import { useViewerStore } from './viewer-store';
import { percentOf } from './zoom';

/**
 * The second pane's own bar: which document it shows (any of the dossier), its page, zoom and the
 * page turn, and closing it. The main toolbar keeps acting on the main pane.
 */
export function BesidePaneBar() {
  const { t } = useTranslation();
  const dossierId = useViewerStore((s) => s.dossierId);
  const volumes = useViewerStore((s) => s.volumes);
  const current = useViewerStore((s) => s.current);
  const scale = useViewerStore((s) => s.scale);
  const pages = useViewerStore((s) => (s.current ? s.pageCounts[s.current.document] : undefined));
  const goTo = useViewerStore((s) => s.goTo);
  const zoomStep = useViewerStore((s) => s.zoomStep);
  const rotate = useViewerStore((s) => s.rotate);
  const documentTitle = useViewerStore((s) => s.documentTitle);
  const closeBeside = useSplitStore((s) => s.closeBeside);

  const options = volumes.map((volume, index) => ({
    label: volume.name ?? t('viewer.topLevel'),
    title: volume.name ?? String(index),
    options: volume.documents.map((entry) => ({ value: entry.path, label: entry.title })),
  }));

  return (
    <div className="viewer-beside-bar" data-testid="viewer-beside-bar">
      <Select
        size="small"
        showSearch={{ optionFilterProp: 'label' }}
        className="viewer-beside-document"
        aria-label={t('viewerSplit.document')}
        value={current?.document}
        options={options}
        onChange={(document: string) => goTo(document, 1)}
        popupMatchSelectWidth={false}
        disabled={!dossierId}
        title={current ? documentTitle(current.document) : undefined}
      />
      <Typography.Text type="secondary" className="viewer-beside-page">
        {current ? t('viewerSplit.page', { page: current.page, pages: pages ?? '—' }) : null}
      </Typography.Text>
      <span className="viewer-beside-tools">
        <Tooltip title={t('viewer.zoomOut')}>
          <Button size="small" type="text" icon={<ZoomOutOutlined aria-hidden="true" />} aria-label={t('viewer.zoomOut')} onClick={() => zoomStep(-1)} />
        </Tooltip>
        <Typography.Text type="secondary">{percentOf(scale)}</Typography.Text>
        <Tooltip title={t('viewer.zoomIn')}>
          <Button size="small" type="text" icon={<ZoomInOutlined aria-hidden="true" />} aria-label={t('viewer.zoomIn')} onClick={() => zoomStep(1)} />
        </Tooltip>
        <Tooltip title={t('viewer.rotatePage')}>
          <Button size="small" type="text" icon={<RotateRightOutlined aria-hidden="true" />} aria-label={t('viewer.rotatePage')} onClick={() => rotate(90)} />
        </Tooltip>
        <Tooltip title={t('viewerSplit.close')}>
          <Button size="small" type="text" icon={<CloseOutlined aria-hidden="true" />} aria-label={t('viewerSplit.close')} onClick={closeBeside} />
        </Tooltip>
      </span>
    </div>
  );
}
