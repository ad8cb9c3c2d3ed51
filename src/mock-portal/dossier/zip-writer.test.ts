import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SeededRandom } from './seeded-random';
import { ZipWriter, type ZipWriterOptions } from './zip-writer';

const dir = mkdtempSync(join(tmpdir(), 'zip-writer-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MODIFIED = new Date(Date.UTC(2024, 2, 5, 10, 30, 0));
const PDF = Buffer.from('%PDF-1.7\n' + '卷宗内容 '.repeat(200));
/** Incompressible, like an encrypted PDF. */
const RANDOM = new SeededRandom('zip-writer-test').bytes(4096);

async function build(options: Partial<ZipWriterOptions>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const writer = new ZipWriter((chunk) => void chunks.push(chunk), { names: 'utf8', modified: MODIFIED, ...options });
  await writer.addDirectory('第一卷');
  await writer.addFile('第一卷/01_起诉意见书.pdf', PDF);
  await writer.addFile('第一卷/02_书证：银行账户交易明细.pdf', RANDOM);
  await writer.finish();
  return Buffer.concat(chunks);
}

/** Reads the archive with Python's zipfile: an implementation independent of ours. */
function pythonRead(bytes: Buffer, options: { encoding?: string; password?: string } = {}): { name: string; flags: number; method: number; date: number[]; data: string }[] {
  const file = join(dir, `a-${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(file, bytes);
  const script = `
import sys, json, zipfile, base64
kw = {'metadata_encoding': sys.argv[2]} if sys.argv[2] else {}
z = zipfile.ZipFile(sys.argv[1], **kw)
pwd = sys.argv[3].encode() if sys.argv[3] else None
out = []
for i in z.infolist():
    data = b'' if i.is_dir() else z.read(i, pwd=pwd)
    out.append({'name': i.filename, 'flags': i.flag_bits, 'method': i.compress_type, 'date': list(i.date_time), 'data': base64.b64encode(data).decode()})
print(json.dumps(out))
`;
  const result = spawnSync('python3', ['-c', script, file, options.encoding ?? '', options.password ?? ''], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

describe('ZipWriter', () => {
  it('writes UTF-8 names with the UTF-8 flag, fixed timestamps, deflating only what shrinks', async () => {
    const entries = pythonRead(await build({}));
    expect(entries.map((e) => e.name)).toEqual(['第一卷/', '第一卷/01_起诉意见书.pdf', '第一卷/02_书证：银行账户交易明细.pdf']);
    for (const entry of entries) {
      expect(entry.flags & 0x0800).toBe(0x0800);
      expect(entry.date).toEqual([2024, 3, 5, 10, 30, 0]);
    }
    expect(entries[1]?.method).toBe(8);
    expect(entries[2]?.method).toBe(0);
    expect(Buffer.from(entries[1]?.data ?? '', 'base64').equals(PDF)).toBe(true);
    expect(Buffer.from(entries[2]?.data ?? '', 'base64').equals(RANDOM)).toBe(true);
  });

  it('writes GBK names without the UTF-8 flag, as Windows tools do', async () => {
    const bytes = await build({ names: 'gbk' });
    expect(bytes.includes(Buffer.from('第一卷', 'utf8'))).toBe(false);
    const entries = pythonRead(bytes, { encoding: 'cp936' });
    expect(entries.map((e) => e.name)).toEqual(['第一卷/', '第一卷/01_起诉意见书.pdf', '第一卷/02_书证：银行账户交易明细.pdf']);
    for (const entry of entries) expect(entry.flags & 0x0800).toBe(0);
  });

  it('refuses a name GBK cannot hold instead of writing question marks', async () => {
    const writer = new ZipWriter(() => undefined, { names: 'gbk', modified: MODIFIED });
    await expect(writer.addFile('证据/😀.pdf', PDF)).rejects.toThrow(/GBK/);
  });

  it('encrypts with ZipCrypto when given a password', async () => {
    let n = 0;
    const bytes = await build({ password: 'Secret-123', randomBytes: (count) => Buffer.alloc(count, n++) });
    const entries = pythonRead(bytes, { password: 'Secret-123' });
    expect(entries[1]?.flags && entries[1].flags & 1).toBe(1);
    expect(Buffer.from(entries[1]?.data ?? '', 'base64').equals(PDF)).toBe(true);
    expect(() => pythonRead(bytes, { password: 'wrong' })).toThrow(/password/i);
  });

  it('gives the same bytes for the same input', async () => {
    expect((await build({})).equals(await build({}))).toBe(true);
  });
});
