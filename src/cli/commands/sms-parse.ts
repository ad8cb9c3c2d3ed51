/** `dossier sms-parse`: what the app reads out of a portal SMS (【粘贴短信】), as one JSON object. */
import { parseArgs } from 'node:util';
import { parseSms } from '../../shared/sms-parser';
import { printJson } from '../cli-args';
import { UsageError, type Command } from '../command';

const usage = `Usage: dossier sms-parse - < sms.txt

Reads a portal SMS from standard input as 【粘贴短信】 does and prints one JSON object:
  {"kind","caseName","unit","downloadPassword","openPassword"}
kind is binding-approved, binding-rejected, review-approved, review-rejected, dossier-ready
or unknown; values the SMS does not carry are null. Full-width or ASCII punctuation, spaces,
line breaks and text around the SMS (a forwarded message) are all accepted. On a terminal,
paste the SMS and end it with Ctrl-D (Ctrl-Z, Enter on Windows).

The SMS is not taken as an argument: it carries the dossier's two passwords, and a command line
is readable by every user of this machine (and kept in npm's logs when run through npm).

Arguments:
  -        read the SMS from standard input`;

async function readAll(input: AsyncIterable<string | Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** `input` is where `-` reads from: standard input unless a test hands in another stream. */
export async function runSmsParse(argv: string[], input: AsyncIterable<string | Uint8Array> & { isTTY?: boolean } = process.stdin): Promise<number> {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args: argv, options: {}, allowPositionals: true }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (positionals.length === 0) throw new UsageError('expected -, to read the SMS from standard input');
  if (positionals.length > 1 || positionals[0] !== '-') {
    // Not echoed: the text may be the SMS, passwords and all.
    throw new UsageError('the SMS is not taken on the command line (it carries passwords every local user could read there); pipe it in: dossier sms-parse - < sms.txt');
  }
  if (input.isTTY === true) process.stderr.write(`Paste the SMS, then ${process.platform === 'win32' ? 'Ctrl-Z and Enter' : 'Ctrl-D'} on a line of its own:\n`);
  printJson(parseSms(await readAll(input)));
  return 0;
}

export const smsParseCommand: Command = {
  name: 'sms-parse',
  summary: 'read a portal SMS from standard input (kind, case, unit, dossier passwords) as JSON',
  usage,
  run: (argv) => runSmsParse(argv),
};
