import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyState, loadPickupState, MAX_REMEMBERED, savePickupState, STATE_FILE_NAME } from './pickup-state-file';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const hex = (n: number): string => n.toString(16).padStart(64, '0');

describe('pickup state file', () => {
  it('keeps the newest entries of each list and reads back what it wrote', async () => {
    dir = await mkdtemp(join(tmpdir(), 'pickup-state-'));
    const state = emptyState();
    for (let i = 0; i < MAX_REMEMBERED + 20; i += 1) {
      state.files.push({ path: `/d/${i}.zip`, size: i + 1, mtimeMs: i, contents: 'other', sha256: null, at: i });
    }
    state.ignored.push({ sha256: hex(1), at: 5 });
    state.imported.push({ sha256: hex(2), dossierId: 'x', at: 6 });
    await savePickupState(dir, state);
    const loaded = await loadPickupState(dir);
    expect(loaded.files).toHaveLength(MAX_REMEMBERED);
    expect(Math.min(...loaded.files.map((file) => file.at))).toBe(20);
    expect(loaded.ignored).toEqual(state.ignored);
    expect(loaded.imported).toEqual(state.imported);
  });

  it('starts empty from a missing, broken or foreign file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'pickup-state-'));
    expect(await loadPickupState(dir)).toEqual(emptyState());
    for (const text of ['{', '[]', '{"version":2,"ignored":[],"imported":[],"files":[]}', '{"version":1,"ignored":[{"sha256":"nope","at":1}],"imported":[],"files":[]}']) {
      await writeFile(join(dir, STATE_FILE_NAME), text);
      expect(await loadPickupState(dir)).toEqual(emptyState());
    }
    await savePickupState(dir, emptyState());
    expect(JSON.parse(await readFile(join(dir, STATE_FILE_NAME), 'utf8'))).toEqual(emptyState());
  });
});
