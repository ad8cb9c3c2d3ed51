/** `dossier sms-parse`: what the app reads out of a portal SMS (【粘贴短信】), as one JSON object. */
import { parseArgs } from 'node:util';
import { parseSms } from '../../shared/sms-parser';
import { printJson } from '../cli-args';
import { UsageError, type Command } from '../command';

const usage = `Usage: dossier sms-parse <text>
       dossier sms-parse - < sms.txt

Reads a portal SMS as 【粘贴短信】 does and prints one JSON object:
  {"kind","caseName","unit","downloadPassword","openPassword"}
kind is binding-approved, binding-rejected, review-approved, review-rejected, dossier-ready
or unknown; values the SMS does not carry are null. Full-width or ASCII punctuation, spaces,
line breaks and text around the SMS (a forwarded message) are all accepted.

Arguments:
  <text>   the SMS; several words are joined, so quoting is optional
  -        read the SMS from standard input instead`;

async function readAll(input: AsyncIterable<string | Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** `input` is where `-` reads from: standard input unless a test hands in another stream. */
export async function runSmsParse(argv: string[], input: AsyncIterable<string | Uint8Array> = process.stdin): Promise<number> {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args: argv, options: {}, allowPositionals: true }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (positionals.length === 0) throw new UsageError('expected the SMS text, or - to read it from standard input');
  const text = positionals.length === 1 && positionals[0] === '-' ? await readAll(input) : positionals.join(' ');
  printJson(parseSms(text));
  return 0;
}

export const smsParseCommand: Command = {
  name: 'sms-parse',
  summary: 'read a portal SMS (kind, case, unit, dossier passwords) as JSON',
  usage,
  run: (argv) => runSmsParse(argv),
};
