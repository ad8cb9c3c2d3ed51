/** `dossier import`: 导入卷宗 — adds an archive downloaded elsewhere to the library and extracts it. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { parseOrUsage, printJson } from '../cli-args';
import type { Command } from '../command';
import { passwordOptions, passwordUsage, readPasswords } from '../password-input';
import { dataDirOption, libraryOptionsUsage, withOfflineCore } from '../offline-core';

const usage = `Usage: dossier import <archive> [--password-stdin] [--case NAME] [--data DIR]

Copies a dossier archive (zip or 7z, e.g. one downloaded from the portal in a browser) into the
managed folder, extracts it safely and adds it to the library (卷宗库). The archive itself is left
where it is. Prints the dossier as JSON. Exits 1 with one line on stderr when the file is not a
usable archive, when its entries are unsafe, or when it needs a password that was not given or
is wrong (the dossier then stays in the library, waiting for the password). With a 卷宗库锁
set it refuses (LIBRARY_LOCKED): the command line cannot unlock it.

Options:
${passwordUsage('the 卷宗文档打开密码 (kept in the OS keychain for this dossier)')}
  --case NAME      the case name to show (default: the archive's name)
${libraryOptionsUsage}`;

export async function runImport(argv: string[]): Promise<number> {
  const { values, positionals } = parseOrUsage(
    () =>
      parseArgs({
        args: argv,
        options: { ...passwordOptions, case: { type: 'string' }, data: { type: 'string' } },
        allowPositionals: true,
      }),
    1,
    'archive',
  );
  const archivePath = positionals[0] as string;
  const dataDir = dataDirOption(values.data);
  const [password] = await readPasswords(values);
  try {
    const dossier = await withOfflineCore(dataDir, (api) =>
      api['library.import']({
        source: { kind: 'path', path: resolve(archivePath) },
        ...(password === undefined ? {} : { password }),
        ...(values.case === undefined ? {} : { caseName: values.case }),
      }),
    );
    printJson(dossier);
    if (dossier.extraction.state === 'extracted') return 0;
    const error = dossier.extraction.error;
    const reason =
      dossier.extraction.state === 'needs-password'
        ? 'the archive needs a password: give it with --password-stdin [PASSWORD_REQUIRED]'
        : `${error?.message ?? 'extraction failed'} [${error?.code ?? 'INTERNAL'}]`;
    process.stderr.write(`dossier import: ${reason}\n`);
    return 1;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`dossier import: ${error.message.split('\n')[0]} [${error.code}]\n`);
    return 1;
  }
}

export const importCommand: Command = {
  name: 'import',
  summary: '导入卷宗: add a dossier archive downloaded elsewhere to the library',
  usage,
  run: runImport,
};
