/**
 * Test documents: a small PDF with real Chinese text, and copies of it encrypted every way pdf.js
 * reads, by three independent tools (qpdf, mutool from MuPDF, @cantoo/pdf-lib).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from '@cantoo/pdf-lib';

const run = promisify(execFile);

/** What the source PDF says, page by page; 人 and 见 on page 2 are stored as radicals (⼈ U+2F08, ⻅ U+2EC5). */
export const SAMPLE_PAGES: readonly string[][] = [
  ['讯问笔录', '时间：2024年3月5日9时', '地点：重庆市涪陵区公安局办案中心'],
  ['问：你把当天看⻅的情况说一下。', '答：我看⻅被害⼈倒在地上。', '犯罪嫌疑⼈陈浩然当时在场。'],
  ['以上笔录我看过，和我说的相符。', 'ABC-123 全角ＡＢＣ'],
];

export interface EmbeddableFont {
  bytes: Uint8Array;
  /** Given to PDFDocument.registerFontkit. */
  fontkit: Parameters<PDFDocument['registerFontkit']>[0];
}

/** A plain (unencrypted) PDF of SAMPLE_PAGES drawn in `font` (a CJK font), with a real text layer. */
export async function chineseSourcePdf(font: EmbeddableFont): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(font.fontkit);
  const embedded = await doc.embedFont(font.bytes, { subset: true });
  for (const lines of SAMPLE_PAGES) {
    const page = doc.addPage([420, 300]);
    lines.forEach((line, i) => page.drawText(line, { x: 24, y: 250 - i * 30, size: 14, font: embedded }));
  }
  return doc.save({ useObjectStreams: false });
}

/**
 * A one-page PDF whose text uses a non-embedded CJK font with the predefined UniGB-UTF16-H CMap
 * (as made by MuPDF's `mutool create`): its text can be read only with pdf.js's CMap files.
 */
export async function predefinedCmapPdf(text: string): Promise<Uint8Array> {
  return inTempDir(async (dir) => {
    const hex = Buffer.from(text, 'utf16le').swap16().toString('hex');
    await writeFile(join(dir, 'page.txt'), `%%MediaBox 0 0 400 200\n%%CJKFont F1 zh-Hans H sans\nBT /F1 18 Tf 20 100 Td <${hex}> Tj ET\n`);
    await run('mutool', ['create', '-o', join(dir, 'out.pdf'), join(dir, 'page.txt')]);
    return new Uint8Array(await readFile(join(dir, 'out.pdf')));
  });
}

export type PdfTool = 'qpdf' | 'mutool' | 'pdf-lib';
/** aes-256-r5: the deprecated revision 5 handler, which only qpdf still writes. */
export type PdfCipher = 'rc4-40' | 'rc4-128' | 'aes-128' | 'aes-256' | 'aes-256-r5';

export interface PdfPasswords {
  /** '' for a document that carries only an owner password. */
  user: string;
  owner: string;
}

async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'test-pdfs-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function qpdfArgs(cipher: PdfCipher, { user, owner }: PdfPasswords): string[] {
  switch (cipher) {
    case 'rc4-40':
      return ['--allow-weak-crypto', '--encrypt', user, owner, '40', '--'];
    case 'rc4-128':
      return ['--allow-weak-crypto', '--encrypt', user, owner, '128', '--use-aes=n', '--'];
    case 'aes-128':
      return ['--encrypt', user, owner, '128', '--use-aes=y', '--'];
    case 'aes-256-r5':
      return ['--encrypt', user, owner, '256', '--force-R5', '--'];
    case 'aes-256':
      return ['--encrypt', user, owner, '256', '--'];
  }
}

const PDF_LIB_ALGORITHMS = { 'rc4-40': 'RC4-40', 'rc4-128': 'RC4-128', 'aes-128': 'AES-128', 'aes-256': 'AES-256' } as const;

/** `source` encrypted with `cipher` by `tool`. */
export async function encryptPdf(tool: PdfTool, cipher: PdfCipher, source: Uint8Array, passwords: PdfPasswords): Promise<Uint8Array> {
  if (tool === 'pdf-lib') {
    if (cipher === 'aes-256-r5') throw new Error('pdf-lib writes AES-256 as revision 6 only');
    const doc = await PDFDocument.load(source);
    doc.encrypt({
      ...(passwords.user === '' ? {} : { userPassword: passwords.user }),
      ownerPassword: passwords.owner,
      algorithm: PDF_LIB_ALGORITHMS[cipher],
      allowWeakCryptography: cipher.startsWith('rc4'),
    });
    return doc.save({ useObjectStreams: false });
  }
  return inTempDir(async (dir) => {
    const input = join(dir, 'in.pdf');
    const output = join(dir, 'out.pdf');
    await writeFile(input, source);
    if (tool === 'qpdf') {
      await run('qpdf', [...qpdfArgs(cipher, passwords), input, output]);
    } else {
      if (cipher === 'aes-256-r5') throw new Error('mutool writes AES-256 as revision 6 only');
      const user = passwords.user === '' ? [] : ['-U', passwords.user];
      await run('mutool', ['clean', '-E', cipher, ...user, '-O', passwords.owner, input, output]);
    }
    return new Uint8Array(await readFile(output));
  });
}

/**
 * The security handler revision and stream cipher of an encrypted PDF as qpdf reports them
 * (e.g. {revision: 6, method: 'AESv3'}; RC4 revisions 2 and 3 report no method).
 */
export async function describeEncryption(bytes: Uint8Array, password: string): Promise<{ revision: number; method: string | null }> {
  return inTempDir(async (dir) => {
    await writeFile(join(dir, 'in.pdf'), bytes);
    const { stdout } = await run('qpdf', ['--show-encryption', `--password=${password}`, join(dir, 'in.pdf')]);
    const revision = /^R = (\d+)$/m.exec(stdout);
    if (!revision) throw new Error(`not encrypted: ${stdout}`);
    return { revision: Number(revision[1]), method: /^stream encryption method: (\S+)$/m.exec(stdout)?.[1] ?? null };
  });
}
