/** `dossier inspect`: a PDF's page count and encryption, and optionally its text normalised for search. */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { inspectPdf } from '../../core/pdf';
import { AppError } from '../../shared/errors';
import { parseOrUsage, printJson } from '../cli-args';
import type { Command } from '../command';
import { passwordOptions, passwordUsage, readPasswords } from '../password-input';

const usage = `Usage: dossier inspect <file.pdf> [--password-stdin] [--text]

Opens a PDF (decrypting in memory; nothing is written) and prints one JSON object:
  {"pages","encrypted","needsPassword","text":[page1, page2, …]}
"encrypted" is true for any encryption, owner-password-only included; "needsPassword" is true when
it opened only with the given password. "text" (with --text) is each page's text normalised as the
search compares it: Kangxi and radical-supplement characters as ordinary ideographs, full-width forms
as ASCII, lower case, no whitespace.
Exits 1 with one line on stderr for a wrong password, a missing one the file needs, a file that is
not a PDF, or a damaged one.

Options:
${passwordUsage("the document's open password")}
  --text           include each page's text`;

export async function runInspect(argv: string[]): Promise<number> {
  const { values, positionals } = parseOrUsage(
    () => parseArgs({ args: argv, options: { ...passwordOptions, text: { type: 'boolean' } }, allowPositionals: true }),
    1,
    'file',
  );
  const file = positionals[0] as string;
  const [password] = await readPasswords(values);
  try {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new AppError('NOT_FOUND', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const result = await inspectPdf(bytes, password, { text: values.text === true });
    printJson(result);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`dossier inspect: ${error.message.split('\n')[0]} [${error.code}]\n`);
    return 1;
  }
}

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'print a PDF\'s pages and encryption (and its text with --text) as JSON',
  usage,
  run: runInspect,
};
