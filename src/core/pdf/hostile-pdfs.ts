/**
 * Hostile PDFs for tests, written by hand as bytes: page trees that lie or never end, deflate bombs,
 * and a seeded generator of mutations of a real small PDF for fuzzing the readers.
 */
import { appendFile, truncate, writeFile } from 'node:fs/promises';
import { createDeflate } from 'node:zlib';
import { PDFDocument } from '@cantoo/pdf-lib';

/**
 * An object's body (what goes between `N 0 obj` and `endobj`), or a dictionary with its stream, or
 * with a stream of `hole` zero bytes (left a hole in a sparse file by writeSparsePdf).
 */
export type PdfObject = string | { dict: string; stream: Uint8Array } | { dict: string; hole: number };

const latin1 = (text: string) => Buffer.from(text, 'latin1');

/**
 * A PDF of `objects` (object i + 1 is objects[i]; object 1 the catalog), with a cross-reference
 * table giving each one's true offset. The stream dictionaries get their true /Length.
 */
export function handWrittenPdf(objects: readonly PdfObject[]): Uint8Array {
  return new Uint8Array(Buffer.concat(segments(objects).map((part) => (typeof part === 'number' ? Buffer.alloc(part) : part))));
}

/** The same written to `path`, its holes left as holes (no disk used): a large file made at once. */
export async function writeSparsePdf(path: string, objects: readonly PdfObject[]): Promise<void> {
  await writeFile(path, '');
  let size = 0;
  for (const part of segments(objects)) {
    if (typeof part === 'number') await truncate(path, (size += part));
    else {
      await appendFile(path, part);
      size += part.length;
    }
  }
}

/** The file's bytes, with a number for a run of zero bytes. */
function segments(objects: readonly PdfObject[]): (Buffer | number)[] {
  const parts: (Buffer | number)[] = [latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let offset = (parts[0] as Buffer).length;
  const offsets: number[] = [];
  const add = (part: Buffer | number) => {
    parts.push(part);
    offset += typeof part === 'number' ? part : part.length;
  };
  objects.forEach((object, i) => {
    offsets.push(offset);
    if (typeof object === 'string') return add(latin1(`${i + 1} 0 obj\n${object}\nendobj\n`));
    const data = 'hole' in object ? object.hole : object.stream;
    add(latin1(`${i + 1} 0 obj\n<<${object.dict}/Length ${typeof data === 'number' ? data : data.length}>>\nstream\n`));
    add(typeof data === 'number' ? data : Buffer.from(data));
    add(latin1('\nendstream\nendobj\n'));
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(latin1(`${xref}trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${offset}\n%%EOF\n`));
  return parts;
}

const FONT = '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>';
const CONTENT = latin1('BT /F1 12 Tf 20 100 Td (page) Tj ET');

function page(parent: number, contents: number): string {
  return `<</Type/Page/Parent ${parent} 0 R/MediaBox[0 0 200 200]/Contents ${contents} 0 R/Resources<</Font<</F1 5 0 R>>>>>>`;
}

/**
 * One Pages node listing `kids` times the same page, saying it has `count` pages (a lie when the
 * two differ): 200,000 kids make a 1.2 MB file.
 */
export function pageTreePdf(kids: number, count: number | string = kids): Uint8Array {
  return handWrittenPdf(pageTreeObjects(kids, count));
}

/** pageTreePdf's objects, with any more after them (e.g. a large stream no page uses). */
export function pageTreeObjects(kids: number, count: number | string = kids, ...more: PdfObject[]): PdfObject[] {
  return ['<</Type/Catalog/Pages 2 0 R>>', `<</Type/Pages/Kids[${'3 0 R '.repeat(kids)}]/Count ${count}>>`, page(2, 4), { dict: '', stream: CONTENT }, FONT, ...more];
}

/** One page whose content stream inflates to `inflatedBytes` spaces (compressed ~1000:1). */
export async function deflateBombPdf(inflatedBytes: number): Promise<Uint8Array> {
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const block = Buffer.alloc(1024 * 1024, 0x20);
  for (let left = inflatedBytes; left > 0; left -= block.length) {
    if (!deflate.write(left >= block.length ? block : block.subarray(0, left))) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return handWrittenPdf(['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids[3 0 R]/Count 1>>', page(2, 4), { dict: '/Filter/FlateDecode', stream: Buffer.concat(out) }, FONT]);
}

/** Pages nodes nested `depth` deep, the page at the bottom. */
export function deepTreePdf(depth: number): Uint8Array {
  // 1 catalog, 2 the page, 3 its content, 4 unused, 5 font, 6.. the Pages nodes (6 the root).
  const nodes = Array.from({ length: depth }, (_, i) => {
    const self = 6 + i;
    const parent = i === 0 ? '' : `/Parent ${self - 1} 0 R`;
    const kid = i === depth - 1 ? 2 : self + 1;
    return `<</Type/Pages/Kids[${kid} 0 R]/Count 1${parent}>>`;
  });
  return handWrittenPdf(['<</Type/Catalog/Pages 6 0 R>>', page(5 + depth, 3), { dict: '', stream: CONTENT }, 'null', FONT, ...nodes]);
}

/** A page tree that refers back to itself: a Pages node among its own kids, a page whose /Parent is a loop. */
export function cyclicTreePdf(variant: number): Uint8Array {
  const trees = [
    ['<</Type/Pages/Kids[2 0 R 3 0 R]/Count 2>>', page(2, 4)],
    ['<</Type/Pages/Kids[6 0 R]/Count 1>>', page(6, 4)],
    ['<</Type/Pages/Kids[3 0 R]/Count 5/Parent 6 0 R>>', page(2, 4)],
  ][variant % 3] as [string, string];
  return handWrittenPdf(['<</Type/Catalog/Pages 2 0 R>>', trees[0], trees[1], { dict: '', stream: CONTENT }, FONT, '<</Type/Pages/Kids[2 0 R]/Count 1/Parent 2 0 R>>']);
}

/** A real small PDF (pdf-lib, three pages of text) the fuzzer mutates. */
export async function fuzzBasePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < 3; i++) doc.addPage([200, 200]).drawText(`page ${i + 1}`, { x: 20, y: 100 });
  return doc.save({ useObjectStreams: false });
}

export const MUTATIONS = ['truncate', 'flip', 'count', 'deep', 'cycle', 'xref', 'length', 'noise'] as const;
export type Mutation = (typeof MUTATIONS)[number];

function replaceAll(bytes: Uint8Array, pattern: RegExp, by: (match: string) => string): Uint8Array {
  return new Uint8Array(latin1(Buffer.from(bytes).toString('latin1').replace(pattern, by)));
}

/** The `index`th hostile file made from `base` with `random`: the mutation is by index, its details random. */
export function mutatePdf(base: Uint8Array, index: number, random: () => number): { mutation: Mutation; bytes: Uint8Array } {
  const mutation = MUTATIONS[index % MUTATIONS.length] as Mutation;
  const int = (below: number) => Math.floor(random() * below);
  switch (mutation) {
    case 'truncate':
      return { mutation, bytes: base.slice(0, 8 + int(base.length - 8)) };
    case 'flip': {
      const bytes = base.slice();
      for (let n = 1 + int(20); n > 0; n--) bytes[int(bytes.length)] = int(256);
      return { mutation, bytes };
    }
    case 'count': {
      const counts = ['-5', '0', '2.5', '99999999', '1e9', '2147483648', '/Name', '(3)', '20001', '-2147483649', '3 0 R', '[3]'];
      return { mutation, bytes: replaceAll(base, /\/Count \d+/g, () => `/Count ${counts[int(counts.length)]}`) };
    }
    case 'deep':
      return { mutation, bytes: deepTreePdf(1 + int(5000)) };
    case 'cycle':
      return { mutation, bytes: cyclicTreePdf(int(3)) };
    case 'xref': {
      // Offsets anywhere, in the table or in startxref.
      const bytes = random() < 0.5
        ? replaceAll(base, /^\d{10} 00000 n/gm, () => `${String(int(base.length * 4)).padStart(10, '0')} 00000 n`)
        : replaceAll(base, /startxref\n\d+/, () => `startxref\n${int(2 ** 31)}`);
      return { mutation, bytes };
    }
    case 'length': {
      const lengths = ['999999999', '2147483647', '-1', '0', '4294967296'];
      return { mutation, bytes: replaceAll(base, /\/Length \d+/g, () => `/Length ${lengths[int(lengths.length)]}`) };
    }
    case 'noise': {
      const bytes = new Uint8Array(5 + int(64 * 1024));
      for (let i = 0; i < bytes.length; i++) bytes[i] = int(256);
      bytes.set(latin1('%PDF-'), 0);
      return { mutation, bytes };
    }
  }
}
