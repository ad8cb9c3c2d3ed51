/** `dossier library list`: the dossiers of the offline library (卷宗库), as a table or JSON. */
import { parseArgs } from 'node:util';
import type { DossierSummary } from '../../shared/library';
import { parseOrUsage, printJson } from '../cli-args';
import { UsageError, type Command } from '../command';
import { dataDirOption, libraryOptionsUsage, withOfflineCore } from '../offline-core';

const usage = `Usage: dossier library list [--json] [--search TEXT] [--data DIR]

Lists the dossiers in the library (卷宗库): downloaded through the portal or imported, newest
first. With --json prints one JSON array of dossiers; otherwise a table. Passwords are never shown.
With a 卷宗库锁 set it refuses (LIBRARY_LOCKED): the command line cannot unlock it.

Options:
  --json           print JSON instead of a table
  --search TEXT    only dossiers whose case, unit or file names contain TEXT
${libraryOptionsUsage}`;

const stateLabel: Record<DossierSummary['extraction']['state'], string> = {
  pending: '待解压',
  extracting: '解压中',
  extracted: '已解压',
  'needs-password': '需要密码',
  failed: '解压失败',
};

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function counts(dossier: DossierSummary): string {
  const part = (value: number | null): string => (value === null ? '-' : String(value));
  return `${part(dossier.volumes)}卷/${part(dossier.documents)}件/${part(dossier.pages)}页`;
}

export function formatLibraryTable(dossiers: DossierSummary[]): string {
  if (dossiers.length === 0) return '卷宗库为空。';
  const rows = dossiers.map((d) => [
    d.caseName,
    d.unit ?? '-',
    d.addedAt.slice(0, 10),
    counts(d),
    megabytes(d.archive.size),
    stateLabel[d.extraction.state],
    d.folder,
  ]);
  return rows.map((row) => row.join('\t')).join('\n');
}

export async function runLibrary(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'list') throw new UsageError(sub === undefined ? 'expected a subcommand: list' : `unknown subcommand '${sub}'`);
  const { values } = parseOrUsage(
    () =>
      parseArgs({
        args: rest,
        options: { json: { type: 'boolean' }, search: { type: 'string' }, data: { type: 'string' } },
        allowPositionals: true,
      }),
    0,
  );
  const dataDir = dataDirOption(values.data);
  const dossiers = await withOfflineCore(dataDir, (api) => api['library.list'](values.search === undefined ? {} : { q: values.search }));
  if (values.json) printJson(dossiers);
  else process.stdout.write(`${formatLibraryTable(dossiers)}\n`);
  return 0;
}

export const libraryCommand: Command = {
  name: 'library',
  summary: 'list the dossiers of the offline library (卷宗库)',
  usage,
  run: runLibrary,
};
