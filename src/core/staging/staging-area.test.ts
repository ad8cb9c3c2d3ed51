import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { STAGED_ID_PATTERN, STAGED_MAX_AGE_MS, StagingArea } from './staging-area';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'staging-'));
  dirs.push(dir);
  return dir;
}

/** A body arriving in several chunks, as an upload does. */
function chunked(bytes: Buffer, size = 4096): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

describe('StagingArea', () => {
  it('stages a stream under a random url-safe id and hands it back by that id, again and again', async () => {
    const dir = await dataDir();
    const area = await StagingArea.open(dir);
    const bytes = randomBytes(50_000);
    const id = await area.stage('陈某危险驾驶案.zip', chunked(bytes), 1_000_000);
    const other = await area.stage('陈某危险驾驶案.zip', chunked(bytes), 1_000_000);

    expect(id).toMatch(STAGED_ID_PATTERN);
    expect(other).not.toBe(id);
    const staged = await area.take(id);
    expect(staged).toEqual({ path: join(dir, 'staging', id, '陈某危险驾驶案.zip'), fileName: '陈某危险驾驶案.zip' });
    expect(await readFile(staged.path)).toEqual(bytes);
    expect(await area.take(id)).toEqual(staged);

    await area.discard(id);
    await expect(area.take(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await area.take(other)).fileName).toBe('陈某危险驾驶案.zip');
  });

  it('keeps only the name of a path a browser might send, and refuses unsafe names', async () => {
    const area = await StagingArea.open(await dataDir());
    const id = await area.stage('C:\\Users\\lawyer\\Downloads\\卷宗.7z', chunked(Buffer.from('7z')), 100);
    expect((await area.take(id)).fileName).toBe('卷宗.7z');
    await expect(area.stage('..', chunked(Buffer.from('x')), 100)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(area.stage('nul.zip', chunked(Buffer.from('x')), 100)).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('refuses a body over the limit with PAYLOAD_TOO_LARGE and leaves nothing behind', async () => {
    const dir = await dataDir();
    const area = await StagingArea.open(dir);
    await expect(area.stage('big.zip', chunked(randomBytes(10_000), 1000), 9_999)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await readdir(join(dir, 'staging'))).toEqual([]);
    // Exactly the limit is fine.
    await expect(area.stage('ok.zip', chunked(randomBytes(9_999), 1000), 9_999)).resolves.toMatch(STAGED_ID_PATTERN);
  });

  it('leaves nothing behind when the upload breaks off', async () => {
    const dir = await dataDir();
    const area = await StagingArea.open(dir);
    const broken = new Readable({ read() {} });
    broken.push(randomBytes(1000));
    const staging = area.stage('cut.zip', broken, 1_000_000);
    setImmediate(() => broken.destroy(new Error('connection reset')));
    await expect(staging).rejects.toThrow('connection reset');
    expect(await readdir(join(dir, 'staging'))).toEqual([]);
  });

  it('answers NOT_FOUND for ids that are unknown or not ids at all', async () => {
    const area = await StagingArea.open(await dataDir());
    for (const id of ['AAAAAAAAAAAA', '../staging', 'short', '.incoming-AAAAAAAAAAAA']) {
      await expect(area.take(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('removes files older than a day when opened, and keeps newer ones', async () => {
    const dir = await dataDir();
    const first = await StagingArea.open(dir);
    const fresh = await first.stage('fresh.zip', chunked(Buffer.from('fresh')), 100);
    const old = await first.stage('old.zip', chunked(Buffer.from('old')), 100);
    const abandoned = join(dir, 'staging', '.incoming-abandonedupload');
    await mkdir(abandoned);
    await writeFile(join(abandoned, 'half.zip'), 'half');
    const now = Date.now();
    const longAgo = new Date(now - STAGED_MAX_AGE_MS - 60_000);
    await utimes(join(dir, 'staging', old), longAgo, longAgo);
    await utimes(abandoned, longAgo, longAgo);

    const second = await StagingArea.open(dir, now);
    expect((await second.take(fresh)).fileName).toBe('fresh.zip');
    await expect(second.take(old)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await readdir(join(dir, 'staging'))).sort()).toEqual([fresh]);
  });
});
