import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { Alert, Button, Input, Space, Spin, Tag, Typography } from 'antd';
import { FileTextOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FindResult } from '../../../shared/viewer';
import { RemoteAlert } from '../../pages/remote-alert';
import { useViewerStore } from '../viewer-store';
import { volumeOf } from './citation';
import { groupHits, occurrenceOnPage, splitSnippet, stepHit, type IndexedHit } from './find-hits';
import { useFindStore } from './find-store';
import './panels.css';

function HitButton({ item, active, onShow }: { item: IndexedHit; active: boolean; onShow: (index: number) => void }) {
  const { t } = useTranslation();
  const parts = splitSnippet(item.hit.snippet, item.hit.match);
  return (
    <button
      type="button"
      className={active ? 'find-hit active' : 'find-hit'}
      data-testid="find-hit"
      data-index={item.index}
      aria-current={active ? 'true' : undefined}
      onClick={() => onShow(item.index)}
    >
      <span className="find-hit-page">{t('viewerPanels.find.page', { page: item.hit.page })}</span>
      <span className="find-hit-snippet">
        {parts.before}
        <mark>{parts.match}</mark>
        {parts.after}
      </span>
    </button>
  );
}

function Summary({ result }: { result: FindResult }) {
  const { t } = useTranslation();
  const files = new Set(result.hits.map((hit) => hit.document)).size;
  return (
    <div className="find-summary" role="status">
      <Typography.Text strong>{t('viewerPanels.find.summary', { hits: result.hits.length, files })}</Typography.Text>
      {result.truncated ? (
        <Typography.Text type="warning">{t('viewerPanels.find.truncated', { count: result.hits.length })}</Typography.Text>
      ) : null}
      <Typography.Text type="secondary" className="find-scope">
        {t('viewerPanels.find.scope', { documents: result.documents, pages: result.pages })}
      </Typography.Text>
    </div>
  );
}

function Skipped({ result }: { result: FindResult }) {
  const { t } = useTranslation();
  const documentTitle = useViewerStore((s) => s.documentTitle);
  if (result.skipped.length === 0) return null;
  const reasons = { password: t('viewerPanels.find.skippedPassword'), damaged: t('viewerPanels.find.skippedDamaged') };
  const needsPassword = result.skipped.some((entry) => entry.reason === 'password');
  return (
    <Alert
      type="warning"
      showIcon
      className="find-skipped"
      title={
        <>
          <div>{t('viewerPanels.find.skipped', { count: result.skipped.length })}</div>
          <ul>
            {result.skipped.map((entry) => (
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
 * 搜索: finds a term in every document of the dossier (text normalised by core) and lists the hits
 * by document and page; a hit opens its page with the term highlighted. Enter searches, Enter
 * again (same term) and the up/down keys step through the hits.
 */
export function FindPanel() {
  const { t } = useTranslation();
  const dossierId = useViewerStore((s) => s.dossierId);
  const files = useViewerStore((s) => s.dossier?.files);
  const goTo = useViewerStore((s) => s.goTo);
  const documentTitle = useViewerStore((s) => s.documentTitle);
  const query = useFindStore((s) => s.query);
  const result = useFindStore((s) => s.result);
  const searching = useFindStore((s) => s.searching);
  const error = useFindStore((s) => s.error);
  const active = useFindStore((s) => s.active);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => useFindStore.getState().showDossier(dossierId), [dossierId]);

  const groups = useMemo(() => (result ? groupHits(result.hits) : []), [result]);
  const count = result?.hits.length ?? 0;

  function show(index: number, focus = false) {
    const hit = result?.hits[index];
    if (!result || !hit) return;
    useFindStore.getState().setActive(index);
    goTo(hit.document, hit.page, { highlight: result.query, occurrence: occurrenceOnPage(result.hits, index) });
    const button = list.current?.querySelector<HTMLButtonElement>(`[data-index="${index}"]`);
    button?.scrollIntoView({ block: 'nearest' });
    if (focus) button?.focus();
  }

  function submit(value: string, fromKeyboard: boolean) {
    const q = value.trim();
    if (!q || !dossierId || searching) return;
    if (fromKeyboard && result && result.query === q && count > 0) {
      show(stepHit(active, count, 1));
      return;
    }
    void useFindStore.getState().search(dossierId, q);
  }

  function step(event: KeyboardEvent, focus: boolean) {
    // Arrow keys pick IME candidates while a word is being composed.
    if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || event.nativeEvent.isComposing) return;
    if (count === 0) return;
    event.preventDefault();
    show(stepHit(active, count, event.key === 'ArrowDown' ? 1 : -1), focus);
  }

  function retry() {
    const q = query.trim();
    if (q && dossierId) void useFindStore.getState().search(dossierId, q);
  }

  return (
    <div className="viewer-panel find-panel">
      <Space.Compact className="find-box">
        <Input
          className="find-input"
          data-testid="find-input"
          aria-label={t('viewerPanels.find.placeholder')}
          placeholder={t('viewerPanels.find.placeholder')}
          prefix={<SearchOutlined aria-hidden="true" />}
          value={query}
          maxLength={100}
          allowClear
          disabled={!dossierId}
          onChange={(event) => useFindStore.getState().setQuery(event.target.value)}
          onPressEnter={() => submit(query, true)}
          onKeyDown={(event) => step(event, false)}
        />
        <Button type="primary" disabled={!dossierId} loading={searching} onClick={() => submit(query, false)} data-testid="find-submit">
          {t('viewerPanels.find.search')}
        </Button>
      </Space.Compact>
      {searching ? (
        <div className="find-searching" role="status">
          <Spin size="small" />
          <span>
            <Typography.Text>{t('viewerPanels.find.searching')}</Typography.Text>
            <br />
            <Typography.Text type="secondary" className="panel-note">
              {t('viewerPanels.find.firstSearch')}
            </Typography.Text>
          </span>
        </div>
      ) : error ? (
        <RemoteAlert error={error} onRetry={retry} />
      ) : !result ? (
        <Typography.Paragraph type="secondary" className="panel-note panel-hint">
          {t('viewerPanels.find.hint')}
        </Typography.Paragraph>
      ) : (
        <>
          {count === 0 ? (
            <div className="find-empty" role="status">
              <Typography.Text strong>{t('viewerPanels.find.notFound', { query: result.query })}</Typography.Text>
              <Typography.Text type="secondary" className="panel-note">
                {t('viewerPanels.find.scope', { documents: result.documents, pages: result.pages })}
              </Typography.Text>
            </div>
          ) : (
            <Summary result={result} />
          )}
          <Skipped result={result} />
          {count > 0 ? (
            <div className="find-hits" ref={list} aria-label={t('viewerPanels.find.results')} onKeyDown={(event) => step(event, true)}>
              {groups.map((group) => {
                const volume = volumeOf(files, group.document);
                return (
                  <section key={group.document} className="find-group">
                    <div className="find-group-title" title={group.document}>
                      <FileTextOutlined aria-hidden="true" />
                      <span className="find-group-name">
                        {volume ? `${volume} · ` : ''}
                        {documentTitle(group.document)}
                      </span>
                      <Tag className="find-group-count">{t('viewerPanels.find.groupCount', { count: group.hits.length })}</Tag>
                    </div>
                    {group.hits.map((item) => (
                      <HitButton key={item.index} item={item} active={item.index === active} onShow={(index) => show(index)} />
                    ))}
                  </section>
                );
              })}
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
