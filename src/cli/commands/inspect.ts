/** `dossier inspect`: a PDF's page count and encryption, and optionally its text normalised for search. */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { sharedPdfReader } from '../../core/pdf-worker';
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
not a PDF, a damaged one, or one over a reading limit (over 256 MB, over 20000 pages, too slow or
too large in memory to read) [LIMIT_EXCEEDED].

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
    try {
      await stat(file);
    } catch (error) {
      throw new AppError('NOT_FOUND', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    // Read in a worker thread with limits (size, pages, time, memory), as core reads every PDF.
    const result = await sharedPdfReader().inspect(file, password, { text: values.text === true });
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
