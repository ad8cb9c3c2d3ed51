/** Hostile and awkward archives: secrets kept off the command line, size limits, names for every OS, full disks. */
import { readFile as readProc } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { ArchiveLimitError } from './archive-limits';
import { extractArchive, listArchive } from './index';
import { mountTmpfs, pythonZip, scratch, sevenZipPack, stage, unmount } from './test-archives';

const cleanup: string[] = [];
const mounts: string[] = [];

afterEach(async () => {
  for (const mount of mounts.splice(0)) await unmount(mount);
  await Promise.all(cleanup.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await scratch();
  cleanup.push(dir);
  return dir;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A tmpfs on a fresh folder, or null with the reason printed (no permission to mount). */
async function tinyDisk(options: string): Promise<string | null> {
  const dir = await tempDir();
  const why = await mountTmpfs(dir, options);
  if (why) {
    console.warn(`skipped: ${why}`);
    return null;
  }
  mounts.push(dir);
  return dir;
}

function cmdlineOf(pid: number): Promise<string> {
  return new Promise((resolve) => readProc(`/proc/${pid}/cmdline`, (error, bytes) => resolve(error ? '' : bytes.toString('utf8').replaceAll('\0', ' '))));
}

/** Session id and controlling terminal (fields 6 and 7 of /proc/<pid>/stat), or null once it has ended. */
function statOf(pid: number): Promise<{ session: number; tty: number } | null> {
  return new Promise((resolve) =>
    readProc(`/proc/${pid}/stat`, (error, bytes) => {
      if (error) return resolve(null);
      const fields = bytes.toString('utf8').slice(bytes.toString('utf8').lastIndexOf(')') + 2).split(' ');
      resolve({ session: Number(fields[3]), tty: Number(fields[4]) });
    }),
  );
}

describe.skipIf(process.platform !== 'linux')('passwords stay off the command line', () => {
  it('7za gets the password on stdin: its /proc cmdline never holds it, while listing and extracting', async () => {
    const password = 'S3cret-pw-9f2c';
    const source = await tempDir();
    // Incompressible content, so the extraction runs long enough to be looked at more than once.
    const { randomBytes } = await import('node:crypto');
    for (let i = 0; i < 8; i++) await writeFile(join(source, `part-${i}.bin`), randomBytes(4 * 1024 * 1024));
    const archive = join(await tempDir(), 'locked.7z');
    await sevenZipPack(source, archive, ['-t7z', '-mx=1', '-mhe=on', `-p${password}`]);

    const seen: string[] = [];
    const sessions: { pid: number; session: number; tty: number }[] = [];
    let polling = true;
    const poll = async (pid: number): Promise<void> => {
      while (polling) {
        const line = await cmdlineOf(pid);
        if (line === '') return;
        seen.push(line);
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const polls: Promise<void>[] = [];
    const dest = join(await tempDir(), 'out');
    const onSpawn = (pid: number): void => {
      polls.push(poll(pid));
      polls.push(
        statOf(pid).then((stat) => {
          if (stat) sessions.push({ pid, ...stat });
        }),
      );
    };
    const result = await extractArchive(archive, dest, { password, onSpawn });
    polling = false;
    await Promise.all(polls);
    expect(result.files).toHaveLength(8);
    // Looked at the real 7za children (listing, then extraction), more than once.
    expect(polls.length).toBe(4);
    // Each in a session of its own with no controlling terminal, so p7zip's getpass reads stdin, never a terminal.
    expect(sessions.length).toBe(2);
    for (const { pid, session, tty } of sessions) expect({ session, tty }).toEqual({ session: pid, tty: 0 });
    expect(seen.some((line) => line.includes('7za') && line.includes(' x ') && line.includes(archive))).toBe(true);
    expect(seen.length).toBeGreaterThan(2);
    for (const line of seen) expect(line).not.toContain(password);
  }, 60_000);

  it('refuses a password with a line break rather than let 7za read half of it', async () => {
    const archive = join(await tempDir(), 'a.zip');
    await pythonZip(archive, `z.writestr('a.txt', 'x')`);
    expect((await failure(listArchive(archive, { password: 'one\ntwo' }))).code).toBe('VALIDATION');
  });
});

describe('missing archives', () => {
  it('are NOT_FOUND, not corrupt', async () => {
    const missing = join(await tempDir(), 'missing.zip');
    expect((await failure(listArchive(missing))).code).toBe('NOT_FOUND');
    const error = await failure(extractArchive(missing, join(await tempDir(), 'out')));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('missing.zip');
  });
});

describe('limits on what an archive unpacks to', () => {
  it('refuses a zip bomb by its ratio, giving the numbers, before writing anything', async () => {
    const archive = join(await tempDir(), 'bomb.zip');
    await pythonZip(archive, `z.writestr(ZipInfo('zeros.bin'), bytes(80 * 1024 * 1024), compress_type=zipfile.ZIP_DEFLATED)`);
    const parent = await tempDir();
    const error = await failure(extractArchive(archive, join(parent, 'out')));
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error).toBeInstanceOf(ArchiveLimitError);
    expect((error as ArchiveLimitError).facts).toMatchObject({ kind: 'ratio', unpackedBytes: 80 * 1024 * 1024, limitRatio: 200 });
    expect(error.message).toMatch(/83886080 bytes, \d+ times its size/);
    expect(await readdir(parent)).toEqual([]);
  });

  it('refuses an archive over the unpacked size limit or the entry limit', async () => {
    const source = await stage(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`f${i}.txt`, 'x'.repeat(1000)])));
    cleanup.push(source);
    const archive = join(await tempDir(), 'a.zip');
    await sevenZipPack(source, archive, ['-tzip']);
    const size = await failure(listArchive(archive, { limits: { maxUnpackedBytes: 5999 } }));
    expect((size as ArchiveLimitError).facts).toEqual({ kind: 'size', unpackedBytes: 6000, limitBytes: 5999 });
    const count = await failure(extractArchive(archive, join(await tempDir(), 'out'), { limits: { maxEntries: 5 } }));
    expect((count as ArchiveLimitError).facts).toEqual({ kind: 'entries', entries: 6, limitEntries: 5 });
    expect((await listArchive(archive, { limits: { maxUnpackedBytes: 6000, maxEntries: 6 } })).totalBytes).toBe(6000);
  });

  it('refuses an archive of more than 50,000 entries by default', async () => {
    const archive = join(await tempDir(), 'entries.zip');
    await pythonZip(archive, `for i in range(50_001):\n    z.writestr(f'v{i // 1000}/{i}.txt', b'')`);
    const error = await failure(listArchive(archive));
    expect((error as ArchiveLimitError).facts).toEqual({ kind: 'entries', entries: 50_001, limitEntries: 50_000 });
  }, 60_000);

  it('states the free-space margin it keeps', async () => {
    const archive = join(await tempDir(), 'a.zip');
    await pythonZip(archive, `z.writestr('a.txt', 'x' * 1000)`);
    const error = await failure(extractArchive(archive, join(await tempDir(), 'out'), { spaceMarginBytes: Number.MAX_SAFE_INTEGER }));
    expect(error.code).toBe('INSUFFICIENT_SPACE');
    expect(error.message).toMatch(/needs 1000 bytes plus \d+ bytes kept free, but only \d+ bytes are free/);
  });
});

describe('names every desktop OS accepts', () => {
  it('ignores `.`, renames reserved names, trailing dots and spaces and forbidden characters, and reports them', async () => {
    const archive = join(await tempDir(), 'names.zip');
    await pythonZip(
      archive,
      `
z.writestr(ZipInfo('./'), '')
z.writestr('CON', 'con')
z.writestr('aux.txt', 'aux')
z.writestr('卷/nul.pdf', 'nul')
z.writestr('COM1', 'com1')
z.writestr('LPT1.txt', 'lpt1')
z.writestr('trailing. .', 'dots')
z.writestr('a<b>|c.txt', 'chars')
z.writestr('plain.txt', 'plain')
`,
    );
    const dest = join(await tempDir(), 'out');
    const result = await extractArchive(archive, dest);
    const expected: Record<string, string> = {
      CON_: 'con',
      'aux_.txt': 'aux',
      '卷/nul_.pdf': 'nul',
      COM1_: 'com1',
      'LPT1_.txt': 'lpt1',
      trailing: 'dots',
      'a_b__c.txt': 'chars',
      'plain.txt': 'plain',
    };
    expect(result.files.map((file) => file.path).sort()).toEqual(Object.keys(expected).sort());
    for (const [path, text] of Object.entries(expected)) expect(await readFile(join(dest, ...path.split('/')), 'utf8')).toBe(text);
    expect(result.renamed).toContainEqual({ original: 'CON', saved: 'CON_' });
    expect(result.renamed).toContainEqual({ original: 'trailing. .', saved: 'trailing' });
    expect(result.renamed.map((item) => item.original)).not.toContain('plain.txt');
  });

  it('refuses duplicate names, names differing only in case and overlong names, naming them', async () => {
    const long = `${'长'.repeat(100)}.pdf`;
    for (const [body, name] of [
      [`z.writestr(${JSON.stringify(long)}, 'long')`, `${long} (name longer than 255 bytes)`],
      [`z.writestr('a.pdf', '1')\nz.writestr('a.pdf', '2')`, 'a.pdf (duplicate name)'],
      [`z.writestr('卷/Scan.pdf', '1')\nz.writestr('卷/scan.pdf', '2')`, '卷/scan.pdf (differs only in case from 卷/Scan.pdf)'],
    ] as const) {
      const archive = join(await tempDir(), 'clash.zip');
      await pythonZip(archive, `import warnings\nwarnings.simplefilter('ignore')\n${body}`);
      const parent = await tempDir();
      const error = await failure(extractArchive(archive, join(parent, 'out')));
      expect(error.code).toBe('UNSAFE_ARCHIVE');
      expect(error.message).toContain(name);
      expect(await readdir(parent)).toEqual([]);
    }
  });
});

describe.skipIf(process.platform !== 'linux')('a disk that fills up while extracting', () => {
  it('is DISK_FULL with the truth, and leaves nothing (no inodes left)', async () => {
    const disk = await tinyDisk('size=8m,nr_inodes=40');
    if (!disk) return;
    const source = await stage(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`f${String(i).padStart(2, '0')}.txt`, `file ${i}`])));
    cleanup.push(source);
    const archive = join(await tempDir(), 'many.zip');
    await sevenZipPack(source, archive, ['-tzip']);
    const error = await failure(extractArchive(archive, join(disk, 'out'), { spaceMarginBytes: 0 }));
    expect(error.code).toBe('DISK_FULL');
    expect(error.message).toContain('The disk filled up while extracting');
    expect(await readdir(disk)).toEqual([]);
  });

  it('is DISK_FULL when another writer takes the space mid-way (no bytes left)', async () => {
    const disk = await tinyDisk('size=20m');
    if (!disk) return;
    const source = await tempDir();
    const { randomBytes } = await import('node:crypto');
    for (let i = 0; i < 4; i++) await writeFile(join(source, `scan-${i}.jpg`), randomBytes(4 * 1024 * 1024));
    const archive = join(await tempDir(), 'scans.zip');
    await sevenZipPack(source, archive, ['-tzip', '-mx=0']);
    await mkdir(join(disk, 'other'));
    const { closeSync, openSync, writeSync } = await import('node:fs');
    let spawned = 0;
    const fillDisk = (): void => {
      // Another program fills the disk to the brim as 7za starts extracting (after the free-space check).
      const fd = openSync(join(disk, 'other', 'filler'), 'w');
      try {
        for (const chunk = Buffer.alloc(1024 * 1024); ; ) writeSync(fd, chunk);
      } catch {
        // ENOSPC: full.
      } finally {
        closeSync(fd);
      }
    };
    const error = await failure(
      extractArchive(archive, join(disk, 'out'), {
        spaceMarginBytes: 0,
        onSpawn: () => {
          spawned += 1;
          if (spawned === 2) fillDisk();
        },
      }),
    );
    expect(spawned).toBe(2);
    expect(error.code).toBe('DISK_FULL');
    expect(await readdir(disk)).toEqual(['other']);
  });
});
