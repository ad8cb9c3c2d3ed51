/** `dossier console generate`: writes a generated dossier archive to disk, for benchmarks and tests. */
import { parseArgs } from 'node:util';
import { MAX_DOSSIER_PAGES, MIN_DOSSIER_PAGES, writeDossierFile, type DossierSpec } from '../../mock-portal/dossier';
import { UsageError } from '../command';

const DEFAULT_OPEN_PASSWORD = '1234567';

export const consoleGenerateUsage = `Usage: dossier console generate --out FILE --pages N [--format zip|7z] [--gbk]
         [--open-password P] [--archive-password P] [--seed S] [--case-name NAME]
         [--unit NAME] [--suspect NAME]...

Generates a dossier as the portal publishes it — volumes (卷) with a cover and 卷内目录, text and
scanned pages, every PDF encrypted (AES-256) — and writes the archive to FILE. The same options
give the same bytes (zip). Prints {"file","size","sha256","pages","volumes"} as one JSON line.
The two passwords are taken on the command line, unlike every other command's: they are what the
generator makes a fake dossier with, for tests and benchmarks to name, not a lawyer's secrets.

Options:
  --out FILE              where to write the archive (replaced if it exists)
  --pages N               total PDF pages, ${MIN_DOSSIER_PAGES}–${MAX_DOSSIER_PAGES}
  --format zip|7z         archive format (default zip)
  --gbk                   zip entry names in GBK without the UTF-8 flag, as Windows tools write
  --open-password P       the PDFs' open password (卷宗文档打开密码; default ${DEFAULT_OPEN_PASSWORD})
  --archive-password P    also encrypt the archive (ZipCrypto for zip, AES for 7z)
  --seed S                everything random derives from it (default "dossier")
  --case-name NAME        案件名称 (default 张某某涉嫌诈骗案)
  --unit NAME             承办单位 (default 重庆市涪陵区人民检察院)
  --suspect NAME          犯罪嫌疑人; repeat for several (default 张某某)`;

function parsePages(value: string | undefined): number {
  if (value === undefined) throw new UsageError('--pages is required');
  const pages = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(pages >= MIN_DOSSIER_PAGES && pages <= MAX_DOSSIER_PAGES)) {
    throw new UsageError(`--pages must be a whole number from ${MIN_DOSSIER_PAGES} to ${MAX_DOSSIER_PAGES}, not '${value}'`);
  }
  return pages;
}

export async function runConsoleGenerate(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        out: { type: 'string' },
        pages: { type: 'string' },
        format: { type: 'string' },
        gbk: { type: 'boolean' },
        'open-password': { type: 'string' },
        'archive-password': { type: 'string' },
        seed: { type: 'string' },
        'case-name': { type: 'string' },
        unit: { type: 'string' },
        suspect: { type: 'string', multiple: true },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!values.out) throw new UsageError('--out is required');
  const pages = parsePages(values.pages);
  const format = values.format ?? 'zip';
  if (format !== 'zip' && format !== '7z') throw new UsageError(`--format must be zip or 7z, not '${format}'`);
  if (values.gbk && format !== 'zip') throw new UsageError('--gbk applies to zip only');
  const spec: DossierSpec = {
    seed: values.seed ?? 'dossier',
    caseName: values['case-name'] ?? '张某某涉嫌诈骗案',
    unitName: values.unit ?? '重庆市涪陵区人民检察院',
    suspects: values.suspect ?? ['张某某'],
    pages,
    format,
    gbkNames: values.gbk === true,
    openPassword: values['open-password'] ?? DEFAULT_OPEN_PASSWORD,
    archivePassword: values['archive-password'] ?? null,
  };
  let written;
  try {
    written = await writeDossierFile(spec, values.out);
  } catch (error) {
    // A spec the generator refuses is the caller's mistake, not a failure.
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  process.stdout.write(
    `${JSON.stringify({ file: written.filePath, size: written.size, sha256: written.sha256, pages: written.pageCount, volumes: written.volumes })}\n`,
  );
  return 0;
}
