/** `dossier extract`: safely unpacks a dossier archive and prints a JSON manifest of its files. */
import { parseArgs } from 'node:util';
import { extractArchive } from '../../core/archives';
import { AppError } from '../../shared/errors';
import { parseOrUsage, printJson, required } from '../cli-args';
import type { Command } from '../command';
import { passwordOptions, passwordUsage, readPasswords } from '../password-input';

const usage = `Usage: dossier extract <archive> --out DIR [--password-stdin]

Extracts a zip or 7z archive into DIR (which must not exist or be empty) and prints one JSON object:
  {"archive","type","outDir","totalBytes","files":[{"path","size"}]}
Entries that could escape DIR (absolute paths, .., drive letters, links, devices) are refused and
nothing is extracted; so is a wrong or missing password, a corrupt or truncated archive, or an
unsupported format. Zip names without the UTF-8 flag are read as GBK, as Windows tools write them.

Options:
  --out DIR        where the files go
${passwordUsage("the archive's password")}`;

export async function runExtract(argv: string[]): Promise<number> {
  const { values, positionals } = parseOrUsage(
    () => parseArgs({ args: argv, options: { out: { type: 'string' }, ...passwordOptions }, allowPositionals: true }),
    1,
    'archive',
  );
  const archive = positionals[0] as string;
  const out = required(values, 'out');
  const [password] = await readPasswords(values);
  try {
    const result = await extractArchive(archive, out, password === undefined ? {} : { password });
    printJson({ archive, type: result.type, outDir: result.destDir, totalBytes: result.totalBytes, files: result.files });
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`dossier extract: ${error.message.split('\n')[0]} [${error.code}]\n`);
    return 1;
  }
}

export const extractCommand: Command = {
  name: 'extract',
  summary: 'safely extract a dossier archive (zip, 7z) and print its files as JSON',
  usage,
  run: runExtract,
};
