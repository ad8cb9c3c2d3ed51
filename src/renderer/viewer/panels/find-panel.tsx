import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { Alert, Button, Input, Progress, Select, Space, Tooltip, Typography, type InputRef } from 'antd';
import { DownOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FindResult } from '../../../shared/viewer';
import { RemoteAlert } from '../../pages/remote-alert';
import { useViewerStore } from '../viewer-store';
import { useFindFocus } from './find-focus';
import { FindHitList } from './find-hit-list';
import { useFindStore } from './find-store';
import { countOf, countsByDocument, countsByVolume, filterRuns, NO_FILTER, positionOf } from './hit-list';
import { useFindNavigation } from './use-find-navigation';
import './panels.css';

function Skipped({ skipped }: { skipped: FindResult['skipped'] }) {
  const { t } = useTranslation();
  const documentTitle = useViewerStore((s) => s.documentTitle);
  if (skipped.length === 0) return null;
  const reasons = {
    password: t('viewerPanels.find.skippedPassword'),
    damaged: t('viewerPanels.find.skippedDamaged'),
    limit: t('viewerPanels.find.skippedLimit'),
  };
  const needsPassword = skipped.some((entry) => entry.reason === 'password');
  return (
    <Alert
      type="warning"
      showIcon
      className="find-skipped"
      title={
        <>
          <div>{t('viewerPanels.find.skipped', { count: skipped.length })}</div>
          <ul>
            {skipped.map((entry) => (
              <li key={entry.document} title={entry.document}>
                {t('viewerPanels.find.skippedEntry', { title: documentTitle(entry.document), reason: reasons[entry.reason] })}
              </li>
            ))}
          </ul>
          {needsPassword ? <div className="panel-note">{t('viewerPanels.find.skippedHint')}</div> : null}
        </>
      }
    />
  );
}

/**
 * 搜索: finds a term in every document of the dossier (text normalised by core), its hits streaming
 * in as core reads the documents, listed by document in a virtual list, counted per volume and
 * document, filtered, and walked with the n / total counter: Enter / Shift+Enter in the box, the
 * arrows, or F3 / Shift+F3 anywhere in the viewer. A hit opens its page with the term marked.
 */
export function FindPanel() {
  const { t } = useTranslation();
  const dossierId = useViewerStore((s) => s.dossierId);
  const volumes = useViewerStore((s) => s.volumes);
  const documentTitle = useViewerStore((s) => s.documentTitle);
  const clearHighlight = useViewerStore((s) => s.clearHighlight);
  const query = useFindStore((s) => s.query);
  const searched = useFindStore((s) => s.searched);
  const list = useFindStore((s) => s.list);
  const progress = useFindStore((s) => s.progress);
  const skipped = useFindStore((s) => s.skipped);
  const truncated = useFindStore((s) => s.truncated);
  const searching = useFindStore((s) => s.searching);
  const error = useFindStore((s) => s.error);
  const active = useFindStore((s) => s.active);
  const reveal = useFindStore((s) => s.reveal);
  const filter = useFindStore((s) => s.filter);
  const focusSeq = useFindFocus((s) => s.seq);
  const input = useRef<InputRef>(null);
  const { show, step, volumeOf } = useFindNavigation();

  useEffect(() => useFindStore.getState().showDossier(dossierId), [dossierId]);

  // Ctrl+F: now, or when the panel opens because of it.
  useEffect(() => {
    if (useFindFocus.getState().take()) input.current?.focus({ cursor: 'all' });
  }, [focusSeq]);

  const documentCounts = useMemo(() => countsByDocument(list.runs), [list.runs]);
  const volumeCounts = useMemo(() => countsByVolume(list.runs, volumeOf), [list.runs, volumeOf]);
  const shown = useMemo(() => filterRuns(list.runs, filter, volumeOf), [list.runs, filter, volumeOf]);
  const total = list.hits.length;
  const filteredTotal = useMemo(() => countOf(shown), [shown]);
  const position = positionOf(shown, active);

  const volumeName = (index: number) => (index < 0 ? null : (volumes[index]?.name ?? t('viewer.topLevel')));
  const heading = (document: string) => {
    const volume = volumeName(volumeOf(document));
    return `${volume ? `${volume} · ` : ''}${documentTitle(document)}`;
  };

  function start(value: string) {
    const q = value.trim();
    if (!q || !dossierId) return;
    // The marks of the search before go with it.
    clearHighlight();
    void useFindStore.getState().search(dossierId, q);
  }

  function onEnter(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return;
    const q = query.trim();
    // The same term again walks its hits (Shift+Enter back); a new term searches.
    if (searched !== null && q === searched && (total > 0 || searching)) step(event.shiftKey ? -1 : 1);
    else start(query);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Arrow keys pick IME candidates while a word is being composed.
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      step(event.key === 'ArrowDown' ? 1 : -1);
    }
  }

  function onChange(value: string) {
    useFindStore.getState().setQuery(value);
    if (value === '' && searched !== null) {
      useFindStore.getState().clear();
      clearHighlight();
    }
  }

  const volumeOptions = [
    { value: -2, label: t('viewerPanels.find.allVolumes') },
    ...[...volumeCounts].map(([index, count]) => ({
      value: index,
      label: t('viewerPanels.find.optionCount', { label: volumeName(index) ?? t('viewer.topLevel'), count }),
    })),
  ];
  const documentsInVolume = filter.volume === null ? [...documentCounts] : [...documentCounts].filter(([document]) => volumeOf(document) === filter.volume);
  const documentOptions = [
    { value: '', label: t('viewerPanels.find.allDocuments') },
    ...documentsInVolume.map(([document, count]) => ({ value: document, label: t('viewerPanels.find.optionCount', { label: documentTitle(document), count }) })),
  ];

  const counter = `${position === -1 ? '–' : position + 1} / ${filteredTotal}`;
  const filtered = filter.volume !== null || filter.document !== null;

  return (
    <div className="viewer-panel find-panel">
      <Space.Compact className="find-box">
        <Input
          ref={input}
          className="find-input"
          data-testid="find-input"
          aria-label={t('viewerPanels.find.placeholder')}
          placeholder={t('viewerPanels.find.placeholder')}
          prefix={<SearchOutlined aria-hidden="true" />}
          value={query}
          maxLength={100}
          allowClear
          disabled={!dossierId}
          onChange={(event) => onChange(event.target.value)}
          onPressEnter={onEnter}
          onKeyDown={onKeyDown}
        />
        <Button type="primary" disabled={!dossierId} onClick={() => start(query)} data-testid="find-submit">
          {t('viewerPanels.find.search')}
        </Button>
      </Space.Compact>

      {searched === null && !error ? (
        <Typography.Paragraph type="secondary" className="panel-note panel-hint">
          {t('viewerPanels.find.hint')}
        </Typography.Paragraph>
      ) : null}

      {searched !== null ? (
        <div className="find-bar">
          <span
            className="find-counter"
            data-testid="find-counter"
            role="status"
            aria-label={t('viewerPanels.find.counterLabel', { n: position + 1, total: filteredTotal })}
          >
            {counter}
          </span>
          <Tooltip title={t('viewerPanels.find.previous')}>
            <Button
              size="small"
              icon={<UpOutlined aria-hidden="true" />}
              aria-label={t('viewerPanels.find.previous')}
              data-testid="find-previous"
              disabled={filteredTotal === 0}
              onClick={() => step(-1)}
            />
          </Tooltip>
          <Tooltip title={t('viewerPanels.find.next')}>
            <Button
              size="small"
              icon={<DownOutlined aria-hidden="true" />}
              aria-label={t('viewerPanels.find.next')}
              data-testid="find-next"
              disabled={filteredTotal === 0}
              onClick={() => step(1)}
            />
          </Tooltip>
        </div>
      ) : null}
      {total > 0 ? (
        <Typography.Text strong className="find-summary">
          {t('viewerPanels.find.summary', { hits: total, files: documentCounts.size })}
        </Typography.Text>
      ) : null}

      {searching && progress === null ? (
        <Typography.Text type="secondary" className="panel-note">
          {t('viewerPanels.find.firstSearch')}
        </Typography.Text>
      ) : null}
      {searching ? (
        <div className="find-progress" role="status" data-testid="find-progress">
          <Progress
            size="small"
            percent={progress && progress.documentsTotal > 0 ? Math.floor((progress.documentsDone / progress.documentsTotal) * 100) : 0}
            showInfo={false}
          />
          <Typography.Text type="secondary" className="panel-note">
            {t('viewerPanels.find.progress', { done: progress?.documentsDone ?? 0, total: progress?.documentsTotal ?? '…' })}
          </Typography.Text>
          <Button size="small" type="link" onClick={() => useFindStore.getState().clear()} data-testid="find-stop">
            {t('viewerPanels.find.stop')}
          </Button>
        </div>
      ) : null}

      {error ? <RemoteAlert error={error} onRetry={() => start(query)} /> : null}

      {searched !== null && !searching && !error && progress ? (
        total === 0 ? (
          <div className="find-empty" role="status">
            <Typography.Text strong>{t('viewerPanels.find.notFound', { query: searched })}</Typography.Text>
            <Typography.Text type="secondary" className="panel-note">
              {t('viewerPanels.find.scope', { documents: progress.documents, pages: progress.pages })}
            </Typography.Text>
          </div>
        ) : (
          <Typography.Text type="secondary" className="panel-note find-scope">
            {t('viewerPanels.find.scope', { documents: progress.documents, pages: progress.pages })}
          </Typography.Text>
        )
      ) : null}
      {truncated ? <Typography.Text type="warning">{t('viewerPanels.find.truncated', { count: total })}</Typography.Text> : null}

      {total > 0 ? (
        <div className="find-filters">
          <Select
            size="small"
            className="find-filter"
            data-testid="find-filter-volume"
            aria-label={t('viewerPanels.find.filterVolume')}
            value={filter.volume ?? -2}
            options={volumeOptions}
            popupMatchSelectWidth={false}
            onChange={(value: number) => useFindStore.getState().setFilter({ volume: value === -2 ? null : value, document: null })}
          />
          <Select
            size="small"
            className="find-filter"
            data-testid="find-filter-document"
            aria-label={t('viewerPanels.find.filterDocument')}
            value={filter.document ?? ''}
            options={documentOptions}
            // Dozens of documents: typing part of a title narrows the list.
            showSearch={{ optionFilterProp: 'label' }}
            popupMatchSelectWidth={false}
            onChange={(value: string) => useFindStore.getState().setFilter({ ...filter, document: value === '' ? null : value })}
          />
          {filtered ? (
            <Button size="small" type="link" onClick={() => useFindStore.getState().setFilter(NO_FILTER)}>
              {t('viewerPanels.find.clearFilter')}
            </Button>
          ) : null}
        </div>
      ) : null}

      <Skipped skipped={skipped} />

      {filteredTotal > 0 ? (
        <FindHitList
          hits={list.hits}
          runs={shown}
          active={active}
          reveal={reveal}
          heading={heading}
          countOf={(document) => documentCounts.get(document) ?? 0}
          onShow={show}
          onStep={step}
          label={t('viewerPanels.find.results')}
        />
      ) : null}
    </div>
  );
}
