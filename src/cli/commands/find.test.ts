import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { extractArchive } from '../../core/archives';
import { writeDossierFile } from '../../mock-portal/dossier';
import { normalizeForSearch } from '../../shared/cjk-text';
import type { FindResult } from '../../shared/viewer';
import { runCli } from '../run-cli';

const PASSWORD = '4826153';
let dir: string;
let folder: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'find-cli-'));
  const archive = join(dir, 'dossier.zip');
  await writeDossierFile(
    { seed: 'find-cli', caseName: '陈浩然涉嫌诈骗案', unitName: '重庆市涪陵区人民检察院', suspects: ['陈浩然', '刘晓东'], pages: 210, format: 'zip', openPassword: PASSWORD },
    archive,
  );
  folder = (await extractArchive(archive, join(dir, '陈浩然涉嫌诈骗案'))).destDir;
  // Outside the folder, reachable only through a link, which is not followed.
  await mkdir(join(dir, 'outside'));
  await writeFile(join(dir, 'outside', 'other.pdf'), '%PDF-1.7\n');
  await symlink(join(dir, 'outside'), join(folder, 'linked'));
}, 120_000);

afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe('dossier find', () => {
  it('finds a term across the documents and volumes of a dossier folder', async () => {
    const result = await runCli(['find', folder, '犯罪嫌疑人刘晓东', '--password', PASSWORD]);
    expect(result).toMatchObject({ code: 0, err: '' });
    const parsed = JSON.parse(result.out) as FindResult;
    expect(parsed.documents).toBeGreaterThan(10);
    expect(parsed.pages).toBe(210);
    expect(parsed.skipped).toEqual([]);
    expect(new Set(parsed.hits.map((hit) => hit.document.split('/')[0]))).toEqual(new Set(['第一卷', '第二卷']));
    for (const hit of parsed.hits) {
      expect(hit.document).toMatch(/^第.卷\/\d+_.+\.pdf$/);
      expect(hit.page).toBeGreaterThanOrEqual(1);
      expect(normalizeForSearch(hit.snippet.slice(...hit.match))).toBe('犯罪嫌疑人刘晓东');
    }
    // Stored with a radical somewhere, found all the same.
    expect(parsed.hits.some((hit) => hit.snippet.includes('⼈'))).toBe(true);
  }, 120_000);

  it('caps the hits with --limit', async () => {
    const parsed = JSON.parse((await runCli(['find', folder, '陈浩然', '--password', PASSWORD, '--limit', '3'])).out) as FindResult;
    expect(parsed.hits).toHaveLength(3);
    expect(parsed.truncated).toBe(true);
  }, 120_000);

  it('exits 1 when no document could be opened, listing them as skipped', async () => {
    const result = await runCli(['find', folder, '陈浩然', '--password', 'guess-123']);
    expect(result.code).toBe(1);
    expect(result.err).toBe('dossier find: no document could be searched (wrong or missing --password)\n');
    const parsed = JSON.parse(result.out) as FindResult;
    expect(parsed.hits).toEqual([]);
    expect(parsed.skipped.length).toBeGreaterThan(10);
    expect(parsed.skipped.every((skip) => skip.reason === 'password')).toBe(true);
  }, 120_000);

  it('reports a folder it cannot read and usage mistakes', async () => {
    const missing = await runCli(['find', join(dir, 'nothing'), '陈浩然']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^dossier find: cannot read the folder .*ENOENT\n$/);
    expect((await runCli(['find', folder])).code).toBe(2);
    expect((await runCli(['find', folder, '  '])).code).toBe(2);
    expect((await runCli(['find', folder, 'x', '--limit', '0'])).code).toBe(2);
  });
});
