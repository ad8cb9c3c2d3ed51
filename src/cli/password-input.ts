/**
 * How the `dossier` commands take passwords: never on the command line, where every local user can
 * read them (/proc/<pid>/cmdline) and npm keeps them in its debug logs. `--password-stdin` reads them
 * from standard input: piped, one password per line; on a terminal, asked for with no echo.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { UsageError } from './command';

/** The parseArgs options of a command that takes passwords; `password` is only there to be refused. */
export const passwordOptions = {
  password: { type: 'string', multiple: true },
  'password-stdin': { type: 'boolean' },
} as const;

/** The usage lines of those options, `what` naming the password, wrapped as the other options' lines. */
export function passwordUsage(what: string, several = false): string {
  const text = several
    ? `${what}, read from standard input, every non-empty line one; on a terminal asked for one by one, without echo (an empty answer ends the list).`
    : `${what}, read from standard input (one line); on a terminal asked for, without echo.`;
  const words = `${text} --password P is refused: every user of this machine can read a command line, and npm logs it`.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && line.length + 1 + word.length > 80) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.map((line, i) => `${i === 0 ? '  --password-stdin ' : ' '.repeat(19)}${line}`).join('\n');
}

/** What the passwords are read from: the process's own streams, or a test's. */
export interface SecretStreams {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Where a prompt goes (stdout carries the JSON). */
  stderr: NodeJS.WritableStream;
}

const processStreams = (): SecretStreams => ({ stdin: process.stdin, stderr: process.stderr });

async function readAll(input: AsyncIterable<string | Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** One line typed on the terminal, not echoed; rejects on Ctrl-C or Ctrl-D. */
export function promptHidden(streams: SecretStreams, prompt: string): Promise<string> {
  // readline echoes what is typed to its output: this one swallows it.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  // The terminal is in raw mode (no echo of its own) before the prompt invites typing.
  const lines = createInterface({ input: streams.stdin, output: silent, terminal: true });
  streams.stderr.write(prompt);
  return new Promise<string>((resolve, reject) => {
    let answered = false;
    lines.once('line', (line) => {
      answered = true;
      lines.close();
      resolve(line);
    });
    lines.once('SIGINT', () => lines.close());
    lines.once('close', () => {
      streams.stderr.write('\n');
      if (!answered) reject(new UsageError('no password was typed'));
    });
  });
}

/**
 * The passwords the command was given: none without --password-stdin. A password on the command
 * line is a usage error that does not repeat it. `several` (find) takes every non-empty line; the
 * others take exactly one.
 */
export async function readPasswords(
  values: { password?: string[] | undefined; 'password-stdin'?: boolean | undefined },
  several = false,
  streams: SecretStreams = processStreams(),
): Promise<string[]> {
  if (values.password !== undefined) {
    throw new UsageError('--password is not taken on the command line (every local user can read it there); pipe it in with --password-stdin');
  }
  if (values['password-stdin'] !== true) return [];
  if (streams.stdin.isTTY === true) {
    if (!several) return [await promptHidden(streams, 'Password: ')];
    const passwords: string[] = [];
    for (let answer = await promptHidden(streams, 'Password: '); answer !== ''; answer = await promptHidden(streams, 'Another password (Enter when done): ')) {
      passwords.push(answer);
    }
    return passwords;
  }
  // Only the line ends go: a password may begin or end with a space.
  const lines = (await readAll(streams.stdin)).split(/\r?\n/).filter((line) => line !== '');
  if (lines.length === 0) throw new UsageError('--password-stdin: standard input has no password');
  if (!several && lines.length > 1) throw new UsageError('--password-stdin: standard input has more than one line; give one password');
  return lines;
}
