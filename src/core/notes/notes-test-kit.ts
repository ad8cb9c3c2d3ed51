/** Helpers for the notes tests: a dossier folder on disk and a lookup that answers for it. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { DossierDetail, DossierFile } from '../../shared/library';
import type { DossierLookup } from './dossier-lookup';

export const FIXTURE_FILES: DossierFile[] = [
  { path: '第一卷/00_封面及卷内目录.pdf', size: 100, volume: '第一卷', pages: 2 },
  { path: '第一卷/01_起诉意见书.pdf', size: 100, volume: '第一卷', pages: 3 },
  { path: '第一卷/03_讯问笔录（第一次）.pdf', size: 100, volume: '第一卷', pages: 6 },
  { path: '第二卷/01_鉴定意见.pdf', size: 100, volume: '第二卷', pages: 4 },
  { path: '第二卷/02_现场照片.jpg', size: 100, volume: '第二卷', pages: null },
];

export interface FixtureDossier {
  detail: DossierDetail;
  lookup: DossierLookup & { calls: number };
}

/** A dossier 'd-1' in a fresh temp folder with FIXTURE_FILES (or `files`). */
export async function fixtureDossier(files: DossierFile[] = FIXTURE_FILES): Promise<FixtureDossier> {
  const folder = await mkdtemp(join(tmpdir(), 'notes-test-'));
  const detail: DossierDetail = {
    id: 'd-1',
    caseName: '陈某危险驾驶案',
    unit: '北京市朝阳区人民检察院',
    source: 'portal',
    addedAt: '2025-03-01T00:00:00.000Z',
    folder,
    archive: { fileName: '陈某危险驾驶案.zip', size: 1, sha256: '0'.repeat(64) },
    extraction: { state: 'extracted', percent: null, error: null },
    volumes: 2,
    documents: files.length,
    pages: null,
    extractedSize: 500,
    passwords: { download: false, open: false },
    matchedFiles: [],
    files,
  };
  const lookup = {
    calls: 0,
    async dossier(id: string): Promise<DossierDetail> {
      lookup.calls += 1;
      if (id !== detail.id) throw new AppError('NOT_FOUND', `no dossier ${id}`);
      return { ...detail, files: detail.files.map((file) => ({ ...file })) };
    },
  };
  return { detail, lookup };
}
