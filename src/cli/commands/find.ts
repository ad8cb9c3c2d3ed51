/** `dossier find`: searches every PDF under a dossier folder, as the viewer's 全卷搜索 does. */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DossierSearch } from '../../core/dossier-search';
import { MAX_FIND_HITS } from '../../shared/viewer';
import { UsageError, type Command } from '../command';
import { printJson } from '../cli-args';

const usage = `Usage: dossier find <dossier-folder> <query> [--password P] [--limit N]

Searches the text of every PDF under the folder (recursively, links not followed), decrypting in
memory, and prints one JSON object:
  {"query","hits":[{"document","page","snippet","match"}],"truncated","documents","pages","skipped"}
"document" is the path inside the folder, "page" 1-based, "snippet" the match with some context as
the page says it, "match" its [start, end) inside the snippet. The query and the text are normalised
alike (Kangxi and radical-supplement characters, full-width forms, case and spaces do not matter).
Documents that could not be searched are listed in "skipped" with the reason (password, damaged);
exits 1 when there were PDFs and none could be searched.

Options:
  --password P     the documents' open password (repeatable; visible in the process list)
  --limit N        at most N hits (default: every hit, up to ${MAX_FIND_HITS})`;

/** Every PDF under `root` as '/'-separated relative paths, each folder's entries in name order. */
async function pdfFiles(root: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(root, ...prefix.split('/').filter(Boolean)), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await pdfFiles(root, path)));
    else if (entry.isFile() && /\.pdf$/i.test(entry.name)) out.push(path);
  }
  return out;
}

export async function runFind(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { password: { type: 'string', multiple: true }, limit: { type: 'string' } },
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

  let files: string[];
  try {
    files = await pdfFiles(folder);
  } catch (error) {
    process.stderr.write(`dossier find: cannot read the folder ${folder}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 1;
  }
  const result = await new DossierSearch({ cachedDossiers: 1 }).find(
    { id: folder, folder, files: files.map((path) => ({ path })) },
    query,
    values.password ?? [],
    limit,
  );
  printJson(result);
  if (files.length > 0 && result.documents === 0) {
    const locked = result.skipped.some((skip) => skip.reason === 'password');
    process.stderr.write(`dossier find: no document could be searched (${locked ? 'wrong or missing --password' : 'damaged documents'})\n`);
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
