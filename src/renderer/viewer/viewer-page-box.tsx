import { useEffect, useState } from 'react';
import { App, InputNumber, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { pageOfNumber, pagePlace, usePageNumbers } from './page-numbers-store';
import { useViewerStore } from './viewer-store';

/**
 * Where the reader is, by 卷宗页码: 第一卷 第 [23] 页 (讯问笔录 第2/5页). The box takes a dossier page
 * number of the volume shown; where the volume's numbers are not known it shows and takes the
 * page of the file, and its tooltip says so.
 */
export function ViewerPageBox({ showVolume }: { showVolume: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const current = useViewerStore((s) => s.current);
  const volumes = useViewerStore((s) => s.volumes);
  const volume = useViewerStore((s) => s.volume);
  const pageCounts = useViewerStore((s) => s.pageCounts);
  const goTo = useViewerStore((s) => s.goTo);
  const ensureDocument = useViewerStore((s) => s.ensureDocument);
  const documents = usePageNumbers((s) => s.documents);
  const byPath = usePageNumbers((s) => s.byPath);
  const loading = usePageNumbers((s) => s.loading);

  const entry = current ? volumes[volume]?.documents.find((document) => document.path === current.document) : undefined;
  const filePages = current ? (pageCounts[current.document] ?? entry?.pages ?? null) : null;
  const place = current ? pagePlace(byPath, current.document, current.page) : null;
  const numbered = current ? byPath.get(current.document) : undefined;
  // The volume counts in 卷宗页码 when any of its pages has one (its cover may not).
  const volumeName = numbered?.volume ?? null;
  const dossierMode = numbered !== undefined && documents.some((document) => document.volume === volumeName && document.numbers.some((n) => n !== null));
  const shown = dossierMode ? (place?.dossierPage ?? null) : (current?.page ?? null);

  const [typed, setTyped] = useState<number | null>(shown);
  useEffect(() => setTyped(shown), [shown]);

  const go = () => {
    if (!current || !typed) return;
    if (!dossierMode) {
      goTo(current.document, typed);
      return;
    }
    const target = pageOfNumber(documents, volumeName, typed);
    // Its document opened first, so the list knows its pages and lands on the page itself.
    if (target) void ensureDocument(target.document).then(() => goTo(target.document, target.page));
    else {
      void message.warning(t('viewer.noDossierPage', { volume: volumeName ?? t('viewer.topLevel'), page: typed }));
      setTyped(shown);
    }
  };

  const source = place?.dossierPage != null ? place.source : null;
  const tip = loading && !numbered
    ? t('viewer.pageSource.loading')
    : dossierMode
      ? place?.dossierPage != null
        ? t(`viewer.pageSource.${source ?? 'count'}`)
        : t('viewer.pageSource.none')
      : t('viewer.pageSource.unknown');
  const volumeLabel = volumeName ?? t('viewer.topLevel');
  const groupLabel =
    dossierMode && place?.dossierPage != null
      ? t('viewer.dossierPageLabel', { volume: volumeLabel, page: place.dossierPage })
      : t('viewer.filePageLabel', { page: current?.page ?? '—', pages: filePages ?? '—' });

  return (
    <Tooltip title={tip}>
      <span
        className="viewer-page-box"
        role="group"
        aria-label={groupLabel}
        data-testid="viewer-page-box"
        data-source={dossierMode ? (source ?? 'none') : 'file'}
        data-file-page={current?.page}
      >
        {dossierMode && showVolume ? <Typography.Text className="viewer-page-volume">{volumeLabel}</Typography.Text> : null}
        {dossierMode ? <Typography.Text className="viewer-page-affix">{t('viewer.dossierPageBefore')}</Typography.Text> : null}
        <InputNumber
          size="small"
          className="viewer-page-input"
          aria-label={dossierMode ? t('viewer.dossierPageInput') : t('viewer.pageInput')}
          min={1}
          max={dossierMode ? undefined : (filePages ?? undefined)}
          precision={0}
          controls={false}
          placeholder="—"
          value={typed}
          onChange={(value) => setTyped(typeof value === 'number' ? value : null)}
          onPressEnter={go}
          onBlur={() => setTyped(shown)}
        />
        {dossierMode ? (
          <>
            <Typography.Text className="viewer-page-affix">{t('viewer.dossierPageAfter')}</Typography.Text>
            {place ? (
              <Typography.Text type="secondary" ellipsis className="viewer-page-document">
                {t('viewer.documentPlace', { title: place.title, page: place.documentPage, pages: place.documentPages ?? '—' })}
              </Typography.Text>
            ) : null}
          </>
        ) : (
          <Typography.Text type="secondary" className="viewer-page-count">
            / {filePages ?? '—'}
          </Typography.Text>
        )}
      </span>
    </Tooltip>
  );
}
