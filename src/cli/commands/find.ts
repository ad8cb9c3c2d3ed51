/** `dossier find`: searches every PDF under a dossier folder, as the viewer's 全卷搜索 does. */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DossierSearch, type SearchableDossier } from '../../core/dossier-search';
import { DossierText, filesSignature } from '../../core/dossier-text';
import { createOcrEngine, readableFile, readDossier, type OcrEngine } from '../../core/ocr';
import { MAX_FIND_HITS } from '../../shared/viewer';
import { UsageError, type Command } from '../command';
import { printJson } from '../cli-args';
import { passwordOptions, passwordUsage, readPasswords } from '../password-input';

const usage = `Usage: dossier find <dossier-folder> <query> [--password-stdin] [--limit N] [--ocr]

Searches the text of every PDF under the folder (recursively, links not followed), decrypting in
memory, and prints one JSON object:
  {"query","hits":[{"document","page","snippet","match","boxes"}],"truncated","documents","pages","skipped"}
"document" is the path inside the folder, "page" 1-based, "snippet" the match with some context as
the page says it, "match" its [start, end) inside the snippet. The query and the text are normalised
alike (Kangxi and radical-supplement characters, full-width forms, case and spaces do not matter).
Documents that could not be searched are listed in "skipped" with the reason (password, damaged);
exits 1 when there were documents and none could be searched.

With --ocr, scanned pages are searched too: every page of the folder's PDFs and images (JPEG, PNG,
TIFF) is read first as the app's 文字识别 reads a dossier (text layer, or OCR of a scan, in this
process: about 1–4 s a scanned page), kept in memory only and read again next time. A hit on a page
read by OCR carries "boxes": where the match is on the page, one [x0, y0, x1, y1] per printed line
it spans, as fractions (0…1) of the page's width and height from its top-left corner.

Options:
${passwordUsage("the documents' open passwords", true)}
  --limit N        at most N hits (default: every hit, up to ${MAX_FIND_HITS})
  --ocr            also search scanned pages and image files, by OCR`;

const PDF_NAME = /\.pdf$/i;

/** Every file under `root` that `wanted` accepts, as '/'-separated relative paths, each folder's entries in name order. */
async function documentFiles(root: string, wanted: (name: string) => boolean, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(root, ...prefix.split('/').filter(Boolean)), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await documentFiles(root, wanted, path)));
    else if (entry.isFile() && wanted(entry.name)) out.push(path);
  }
  return out;
}

/**
 * Every page of the folder's documents read as the app's background reader reads a dossier (text
 * layer, or OCR of a scan), into texts kept in memory only: the CLI has no keychain key to keep them.
 */
async function readFolder(dossier: SearchableDossier, passwords: string[]): Promise<DossierText> {
  // No file behind it (path null), so the key never seals anything.
  const text = new DossierText(dossier.id, filesSignature(dossier.files), null, Buffer.alloc(32));
  let engine: Promise<OcrEngine> | undefined;
  try {
    await readDossier(
      { folder: dossier.folder, files: dossier.files.map((file) => file.path), passwords, done: {} },
      () => (engine ??= createOcrEngine()),
      (records) => records.forEach((record) => text.take(record)),
    );
  } finally {
    if (engine) await (await engine).close();
  }
  return text;
}

export async function runFind(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...passwordOptions, limit: { type: 'string' }, ocr: { type: 'boolean' } },
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 2) throw new UsageError('expected a dossier folder and a query');
  const folder = resolve(positionals[0] as string);
  const query = positionals[1] as string;
  if (query.trim() === '') throw new UsageError('the query is empty');
  const limit = values.limit === undefined ? MAX_FIND_HITS : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive whole number');
  const passwords = await readPasswords(values, true);

  let files: string[];
  try {
    files = await documentFiles(folder, values.ocr === true ? readableFile : (name) => PDF_NAME.test(name));
  } catch (error) {
    process.stderr.write(`dossier find: cannot read the folder ${folder}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 1;
  }
  const dossier = { id: folder, folder, files: files.map((path) => ({ path })) };
  const stored = values.ocr === true ? await readFolder(dossier, passwords) : null;
  const result = await new DossierSearch({ cachedDossiers: 1, stored: async () => stored }).find(dossier, query, passwords, limit);
  printJson(result);
  if (files.length > 0 && result.documents === 0) {
    const locked = result.skipped.some((skip) => skip.reason === 'password');
    process.stderr.write(`dossier find: no document could be searched (${locked ? 'wrong or missing password, see --password-stdin' : 'damaged documents'})\n`);
    return 1;
  }
  return 0;
}

export const findCommand: Command = {
  name: 'find',
  summary: 'search the text of every PDF in a dossier folder and print the hits as JSON',
  usage,
  run: runFind,
};
