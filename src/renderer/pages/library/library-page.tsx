import { useEffect, useState, type HTMLAttributes } from 'react';
import { Button, Card, Empty, Input, Table, Tag, Typography } from 'antd';
import { ImportOutlined, InboxOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DossierSummary } from '../../../shared/library';
import { DownloadsPanel } from '../../downloads/downloads-panel';
import { PasteSmsButton } from '../../messages/paste-sms-button';
import { PickupPanel } from '../../pickup/pickup-panel';
import { PortalSiteButton } from '../../portal-site/portal-site-button';
import { PageTitle } from '../../shell/page-title';
import { useAppInfoStore } from '../../state/app-info-store';
import { useConnectionStore } from '../../state/connection-store';
import { newlyCompleted } from '../../state/downloads-list';
import { useDownloadsStore } from '../../state/downloads-store';
import { navigate } from '../../state/route-store';
import { api, on } from '../../transport';
import { formatBytes, formatDateTime } from '../../util/format';
import { useRemote } from '../../util/use-remote';
import { RemoteAlert } from '../remote-alert';
import { DossierActions } from './dossier-actions';
import { DossierOcrCell } from './dossier-ocr-cell';
import { DossierStateCell } from './dossier-state-cell';
import { ExtractDialog } from './extract-dialog';
import { ImportDialog } from './import-dialog';
import { PasswordsDialog } from './passwords-dialog';
import { useFileDrop } from './use-file-drop';

/** How many matched file names a row lists before "等 n 个文件". */
const MATCHES_SHOWN = 5;

type Dialog =
  | { kind: 'import'; file: File | null }
  | { kind: 'passwords'; dossier: DossierSummary }
  | { kind: 'extract'; dossier: DossierSummary; afterImport: boolean };

function CaseCell({ dossier }: { dossier: DossierSummary }) {
  const { t } = useTranslation();
  const shown = dossier.matchedFiles.slice(0, MATCHES_SHOWN);
  const more = dossier.matchedFiles.length - shown.length;
  return (
    <div className="stacked-cell">
      <span>
        <Typography.Text strong>{dossier.caseName}</Typography.Text>
        {dossier.source === 'import' ? <Tag className="source-tag">{t('library.sourceImport')}</Tag> : null}
      </span>
      <Typography.Text type="secondary" className="cell-note">
        {dossier.archive.fileName}
      </Typography.Text>
      {shown.length > 0 ? (
        <ul className="matched-files" aria-label={t('library.matched')}>
          {shown.map((path) => (
            <li key={path}>
              <Typography.Text className="cell-note">{path}</Typography.Text>
            </li>
          ))}
          {more > 0 ? (
            <li>
              <Typography.Text type="secondary" className="cell-note">
                {t('library.moreMatched', { count: more })}
              </Typography.Text>
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}

function CountsCell({ dossier }: { dossier: DossierSummary }) {
  const { t } = useTranslation();
  if (dossier.volumes === null && dossier.documents === null && dossier.pages === null) return <>—</>;
  const dash = (value: number | null) => (value === null ? '—' : value);
  return <>{t('library.countsValue', { volumes: dash(dossier.volumes), documents: dash(dossier.documents), pages: dash(dossier.pages) })}</>;
}

/**
 * 卷宗库: every verified dossier (downloaded or imported), readable offline, searchable by case,
 * unit or file name, with 下载任务 on top. A file dropped anywhere on the page opens 导入卷宗.
 */
export function LibraryPage() {
  const { t } = useTranslation();
  const folder = useAppInfoStore((s) => s.info?.libraryFolder ?? null);
  const [query, setQuery] = useState('');
  const [q, setQ] = useState('');
  const [dialog, setDialog] = useState<Dialog | null>(null);

  // Search as the lawyer types, once they pause.
  useEffect(() => {
    const timer = setTimeout(() => setQ(query.trim()), 250);
    return () => clearTimeout(timer);
  }, [query]);

  const dossiers = useRemote(() => api['library.list'](q ? { q } : {}), { key: q });
  const reload = dossiers.reload;

  useEffect(() => on('library.changed', () => void reload()), [reload]);
  // Events sent while the link to core was down are lost: reload once it is back.
  useEffect(
    () =>
      useConnectionStore.subscribe((state, previous) => {
        if (state.state === 'open' && previous.state !== 'open') void reload();
      }),
    [reload],
  );
  // A finished download becomes a dossier: show it even if its library.changed was missed.
  useEffect(
    () =>
      useDownloadsStore.subscribe((state, previous) => {
        if (newlyCompleted(previous.list, state.list).length > 0) void reload();
      }),
    [reload],
  );

  const drop = useFileDrop((file) => setDialog({ kind: 'import', file }), dialog === null);
  const searching = q.length > 0;

  return (
    <div className={drop.dragging ? 'page library-page dragging' : 'page library-page'} {...drop.props}>
      <PageTitle
        title={t('nav.library')}
        subtitle={folder ? t('library.folder', { folder }) : undefined}
        extra={
          <>
            <Input
              allowClear
              className="library-search"
              prefix={<SearchOutlined aria-hidden="true" />}
              placeholder={t('library.search')}
              aria-label={t('library.search')}
              data-testid="library-search"
              value={query}
              maxLength={100}
              onChange={(event) => setQuery(event.target.value)}
              onPressEnter={() => setQ(query.trim())}
            />
            <Button icon={<ReloadOutlined aria-hidden="true" />} loading={dossiers.loading} onClick={() => void reload()}>
              {t('common.refresh')}
            </Button>
            <PortalSiteButton />
            <PasteSmsButton />
            <Button type="primary" icon={<ImportOutlined aria-hidden="true" />} onClick={() => setDialog({ kind: 'import', file: null })}>
              {t('library.import')}
            </Button>
          </>
        }
      />
      <DownloadsPanel />
      <PickupPanel />
      <RemoteAlert error={dossiers.error} onRetry={() => void reload()} />
      <Card className="section-card table-card">
        <Table<DossierSummary>
          rowKey="id"
          size="middle"
          loading={dossiers.loading && !dossiers.data}
          dataSource={dossiers.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 980 }}
          onRow={() => ({ 'data-testid': 'library-row' }) as HTMLAttributes<HTMLElement>}
          locale={{
            emptyText: searching ? (
              <Empty description={t('library.noMatch', { q })} />
            ) : (
              <Empty
                image={<InboxOutlined className="library-empty-icon" aria-hidden="true" />}
                description={
                  <span className="library-empty">
                    <Typography.Text strong>{t('library.empty')}</Typography.Text>
                    <Typography.Text type="secondary">{t('library.emptyDetail')}</Typography.Text>
                  </span>
                }
              >
                <Button onClick={() => navigate('defence-appointments')}>{t('library.goAppointments')}</Button>{' '}
                <Button type="primary" onClick={() => setDialog({ kind: 'import', file: null })}>
                  {t('library.import')}
                </Button>
              </Empty>
            ),
          }}
          columns={[
            { key: 'case', title: t('library.caseName'), render: (_, row) => <CaseCell dossier={row} /> },
            { key: 'unit', title: t('library.unit'), width: 150, render: (_, row) => row.unit ?? '—' },
            { key: 'added', title: t('library.addedAt'), width: 100, render: (_, row) => formatDateTime(row.addedAt) },
            { key: 'counts', title: t('library.counts'), width: 110, render: (_, row) => <CountsCell dossier={row} /> },
            {
              key: 'size',
              title: t('library.size'),
              width: 84,
              render: (_, row) => formatBytes(row.extractedSize ?? row.archive.size),
            },
            {
              key: 'state',
              title: t('library.state'),
              width: 170,
              render: (_, row) => (
                <div className="stacked-cell">
                  <DossierStateCell dossier={row} />
                  {/* 文字识别 reads a dossier once it is extracted. */}
                  {row.extraction.state === 'extracted' ? <DossierOcrCell dossierId={row.id} /> : null}
                </div>
              ),
            },
            {
              key: 'actions',
              title: t('library.actions'),
              width: 220,
              // 【阅读】 stays in view when a narrow window scrolls the table sideways.
              fixed: 'right',
              render: (_, row) => (
                <DossierActions
                  dossier={row}
                  onShowPasswords={() => setDialog({ kind: 'passwords', dossier: row })}
                  onAskPassword={() => setDialog({ kind: 'extract', dossier: row, afterImport: false })}
                  onChanged={() => void reload()}
                />
              ),
            },
          ]}
        />
      </Card>
      {drop.dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          <InboxOutlined />
          <span>{t('library.dropHint')}</span>
        </div>
      ) : null}
      {dialog?.kind === 'import' ? (
        <ImportDialog
          initialFile={dialog.file}
          onClose={(imported) => {
            void reload();
            setDialog(imported?.extraction.state === 'needs-password' ? { kind: 'extract', dossier: imported, afterImport: true } : null);
          }}
        />
      ) : null}
      {dialog?.kind === 'passwords' ? <PasswordsDialog dossier={dialog.dossier} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'extract' ? (
        <ExtractDialog
          dossier={dialog.dossier}
          lead={dialog.afterImport ? t('importDialog.needsPassword') : undefined}
          onClose={() => {
            setDialog(null);
            void reload();
          }}
        />
      ) : null}
    </div>
  );
}
