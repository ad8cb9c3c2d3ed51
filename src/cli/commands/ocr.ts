/**
 * `dossier ocr`: the text of a scanned PDF or an image file, read as the app's 文字识别 reads a
 * dossier (the same reader: text layer where a page has one, OCR where it is a scan), in this
 * process. Decrypted pages and what is read of them stay in memory; only the JSON goes to stdout.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import type { PageRecord } from '../../core/dossier-text';
import {
  createOcrEngine,
  decodeImagePage,
  ImageFileError,
  imageFormatOf,
  imagePageCount,
  MAX_DOCUMENT_BYTES,
  readDossier,
  type OcrEngine,
} from '../../core/ocr';
import { hasPdfHeader, openPdf } from '../../core/pdf';
import { AppError } from '../../shared/errors';
import { hasPage, parseRanges, type PageRange } from '../../shared/page-ranges';
import { parseOrUsage, printJson } from '../cli-args';
import { UsageError, type Command } from '../command';
import { passwordOptions, passwordUsage, readPasswords } from '../password-input';

const usage = `Usage: dossier ocr <file.pdf|image> [--password-stdin] [--pages LIST]

Reads the text of a PDF or of an image file (JPEG, PNG, TIFF) by OCR (文字识别: PaddleOCR on
ONNX Runtime, in this process; about 1–4 s a scanned page), as the app reads a dossier's pages.
Decrypts in memory; nothing is written. Prints one JSON object:
  {"units":"pt"|"px","pages":[{"page","source","text","lines":[{"text","box","confidence"}]}]}
"page" is 1-based. "source" says where the page's text came from:
  "ocr"   a scan, read by OCR: "text" in reading order, one printed line per line, and "lines",
          the pieces read in that order (a printed line with wide gaps may come in more than one)
  "text"  a PDF page with a real text layer: "text" is the layer's, "lines" is empty
  "none"  the page could not be read
"box" is [x0, y0, x1, y1] from the page's top-left corner: for a PDF in points (1/72 inch) on the
page as displayed (its rotation applied), "units":"pt"; for an image file in its pixels, "units":"px".
"confidence" is the recogniser's certainty, 0…1.
Exits 1 with one line on stderr for a missing file, a file that is neither a PDF nor an image, a
wrong password or a missing one the PDF needs, a damaged file, or --pages past the last page.

Options:
${passwordUsage("the PDF's open password")}
  --pages LIST     only these pages, ascending: 3, 1-5 or 1-2,7 (default every page)`;

interface OcrOutputLine {
  text: string;
  box: [number, number, number, number];
  confidence: number;
}

interface OcrOutputPage {
  page: number;
  source: PageRecord['source'];
  text: string;
  lines: OcrOutputLine[];
}

interface OcrOutput {
  units: 'pt' | 'px';
  pages: OcrOutputPage[];
}

/** --pages as ranges; a usage error when it is not a list of ascending pages. */
function pagesOption(value: string): PageRange[] {
  const ranges = parseRanges(value.replace(/\s+/g, ''), Number.MAX_SAFE_INTEGER);
  if (ranges === null || ranges.length === 0) throw new UsageError(`--pages must list pages in ascending order, like 1-5 or 1-2,7 (not '${value}')`);
  return ranges;
}

/** The pages of a document of `count` pages to read; VALIDATION when the list goes past its end. */
function selectedPages(ranges: PageRange[] | null, count: number): number[] {
  if (ranges === null) return Array.from({ length: count }, (_, i) => i + 1);
  const last = (ranges[ranges.length - 1] as PageRange)[1];
  if (last > count) throw new AppError('VALIDATION', `--pages goes past the last page: the document has ${count} page${count === 1 ? '' : 's'}`);
  return Array.from({ length: count }, (_, i) => i + 1).filter((page) => hasPage(ranges, page));
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** One engine for the whole run, made when the first scan needs it. */
class LazyEngine {
  private engine: Promise<OcrEngine> | undefined;
  get = (): Promise<OcrEngine> => (this.engine ??= createOcrEngine());
  async close(): Promise<void> {
    if (this.engine) await (await this.engine).close();
  }
}

async function ocrPdf(file: string, bytes: Uint8Array, password: string | undefined, ranges: PageRange[] | null, engine: LazyEngine): Promise<OcrOutput> {
  // Opened here first for the password's errors and the pages' sizes; the reader opens it again.
  const opened = await openPdf(bytes, password === undefined ? [] : [password]);
  const sizes = new Map<number, { width: number; height: number }>();
  const count = opened.pdf.numPages;
  let pages: number[];
  try {
    pages = selectedPages(ranges, count);
    for (const number of pages) {
      const page = await opened.pdf.getPage(number);
      const { width, height } = page.getViewport({ scale: 1 });
      sizes.set(number, { width, height });
      page.cleanup();
    }
  } finally {
    await opened.close();
  }
  const wanted = new Set(pages);
  const skip = Array.from({ length: count }, (_, i) => i + 1).filter((page) => !wanted.has(page));
  const name = basename(file);
  const out: OcrOutputPage[] = [];
  let unreadable: string | undefined;
  await readDossier(
    { folder: dirname(file), files: [name], passwords: opened.password === null ? [] : [opened.password], done: { [name]: { pages: skip, complete: false } } },
    engine.get,
    (records) => {
      for (const record of records) {
        if (record.kind === 'document' && record.unreadable) unreadable = record.unreadable;
        if (record.kind !== 'page' || !wanted.has(record.page)) continue;
        const { width, height } = sizes.get(record.page) as { width: number; height: number };
        out.push({
          page: record.page,
          source: record.source,
          text: record.text,
          lines: (record.lines ?? []).map(({ text, box: [x0, y0, x1, y1], confidence }) => ({
            text,
            box: [round(x0 * width, 2), round(y0 * height, 2), round(x1 * width, 2), round(y1 * height, 2)],
            confidence,
          })),
        });
      }
    },
  );
  if (unreadable) throw new AppError(unreadable === 'too-large' ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL', `the PDF could not be read (${unreadable})`);
  return { units: 'pt', pages: out.sort((a, b) => a.page - b.page) };
}

async function ocrImage(bytes: Uint8Array, ranges: PageRange[] | null, engine: LazyEngine): Promise<OcrOutput> {
  const pages: OcrOutputPage[] = [];
  try {
    for (const number of selectedPages(ranges, imagePageCount(bytes))) {
      const read = await (await engine.get()).recognise(decodeImagePage(bytes, number - 1));
      pages.push({
        page: number,
        source: 'ocr',
        text: read.text,
        lines: read.lines.map(({ text, box, confidence }) => ({ text, box: box.map((v) => round(v, 1)) as OcrOutputLine['box'], confidence: round(confidence, 3) })),
      });
    }
  } catch (error) {
    if (!(error instanceof ImageFileError)) throw error;
    throw new AppError(error.reason === 'too-large' ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL', `the image could not be read: ${error.message}`);
  }
  return { units: 'px', pages };
}

async function readInput(file: string): Promise<{ path: string; bytes: Uint8Array }> {
  try {
    // The real path: the reader takes the file by its name inside its folder, links resolved.
    const path = await realpath(file);
    const { size } = await stat(path);
    if (size > MAX_DOCUMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `${file} is over the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB a document may have`);
    return { path, bytes: new Uint8Array(await readFile(path)) };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('NOT_FOUND', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export async function runOcr(argv: string[]): Promise<number> {
  const { values, positionals } = parseOrUsage(
    () => parseArgs({ args: argv, options: { ...passwordOptions, pages: { type: 'string' } }, allowPositionals: true }),
    1,
    'file',
  );
  const ranges = values.pages === undefined ? null : pagesOption(values.pages);
  const file = positionals[0] as string;
  const [password] = await readPasswords(values);
  const engine = new LazyEngine();
  try {
    const { path, bytes } = await readInput(file);
    let result: OcrOutput;
    if (hasPdfHeader(bytes)) result = await ocrPdf(path, bytes, password, ranges, engine);
    else if (imageFormatOf(bytes)) result = await ocrImage(bytes, ranges, engine);
    else throw new AppError('UNSUPPORTED_MEDIA_TYPE', `${file} is neither a PDF nor an image (JPEG, PNG, TIFF)`);
    printJson(result);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`dossier ocr: ${error.message.split('\n')[0]} [${error.code}]\n`);
    return 1;
  } finally {
    await engine.close();
  }
}

export const ocrCommand: Command = {
  name: 'ocr',
  summary: 'read the text of a scanned PDF or an image by OCR and print it with its boxes as JSON',
  usage,
  run: runOcr,
};
