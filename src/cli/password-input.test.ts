import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from './command';
import { readPasswords, type SecretStreams } from './password-input';
import { runCli } from './run-cli';

const SECRET = 'Zq7-secret pw';

afterEach(() => vi.restoreAllMocks());

function piped(text: string): { streams: SecretStreams; said: () => string } {
  let said = '';
  const stderr = new PassThrough();
  stderr.on('data', (chunk: Buffer) => (said += chunk.toString('utf8')));
  return { streams: { stdin: Readable.from([Buffer.from(text)]), stderr }, said: () => said };
}

/** A terminal: raw mode recorded, keys typed after the prompt is shown. */
function terminal(): { streams: SecretStreams; rawModes: boolean[]; type: (keys: string) => void; said: () => string } {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const rawModes: boolean[] = [];
  Object.assign(stdin, { setRawMode: (on: boolean) => rawModes.push(on) });
  let said = '';
  const stderr = new PassThrough();
  stderr.on('data', (chunk: Buffer) => (said += chunk.toString('utf8')));
  return { streams: { stdin, stderr }, rawModes, type: (keys) => stdin.write(keys), said: () => said };
}

describe('readPasswords', () => {
  it('takes none without --password-stdin, and leaves standard input unread', async () => {
    const stdin = new PassThrough();
    expect(await readPasswords({}, false, { stdin, stderr: new PassThrough() })).toEqual([]);
    expect(stdin.readableFlowing).toBe(null);
  });

  it('reads one password from a pipe: the line end goes, spaces stay', async () => {
    expect(await readPasswords({ 'password-stdin': true }, false, piped(`${SECRET}\r\n`).streams)).toEqual([SECRET]);
    expect(await readPasswords({ 'password-stdin': true }, false, piped(` ${SECRET}`).streams)).toEqual([` ${SECRET}`]);
  });

  it('takes every non-empty line for a command that takes several', async () => {
    expect(await readPasswords({ 'password-stdin': true }, true, piped('first\n\nsecond\r\n\n').streams)).toEqual(['first', 'second']);
  });

  it('refuses an empty standard input, and more than one line where one password goes', async () => {
    await expect(readPasswords({ 'password-stdin': true }, false, piped('\n').streams)).rejects.toThrow(/has no password/);
    await expect(readPasswords({ 'password-stdin': true }, true, piped('').streams)).rejects.toThrow(UsageError);
    const twoLines = readPasswords({ 'password-stdin': true }, false, piped('one\ntwo\n').streams);
    await expect(twoLines).rejects.toThrow(/more than one line/);
    await expect(twoLines).rejects.not.toThrow(/two/);
  });

  it('asks on a terminal, in raw mode, echoing nothing of what is typed', async () => {
    const tty = terminal();
    const answer = readPasswords({ 'password-stdin': true }, false, tty.streams);
    await vi.waitFor(() => expect(tty.said()).toBe('Password: '));
    tty.type(`${SECRET}\r`);
    expect(await answer).toEqual([SECRET]);
    expect(tty.rawModes).toEqual([true, false]);
    expect(tty.said()).toBe('Password: \n');
  });

  it('asks again on a terminal for several until an empty answer', async () => {
    const tty = terminal();
    const answers = readPasswords({ 'password-stdin': true }, true, tty.streams);
    for (const keys of ['first\r', 'second\r', '\r']) {
      const prompts = tty.said().split('\n').length;
      tty.type(keys);
      // The next prompt, or the end, before the next key.
      await vi.waitFor(() => expect(tty.said().split('\n').length).toBe(prompts + 1));
    }
    expect(await answers).toEqual(['first', 'second']);
    expect(tty.said()).not.toMatch(/first|second/);
  });

  it('gives up when the terminal ends with Ctrl-D or Ctrl-C before Enter', async () => {
    for (const key of ['\u0004', '\u0003']) {
      const tty = terminal();
      const answer = readPasswords({ 'password-stdin': true }, false, tty.streams);
      await vi.waitFor(() => expect(tty.said()).toBe('Password: '));
      tty.type(key);
      await expect(answer).rejects.toThrow(/no password was typed/);
    }
  });
});

describe('a password on the command line', () => {
  it.each([
    ['extract', ['x.7z', '--out', 'out']],
    ['import', ['x.7z']],
    ['inspect', ['x.pdf']],
    ['find', ['folder', 'query']],
    ['ocr', ['x.pdf']],
  ])('is refused by %s, pointing to --password-stdin and never repeating it', async (command, args) => {
    for (const given of [['--password', SECRET], [`--password=${SECRET}`]]) {
      const result = await runCli([command, ...args, ...given]);
      expect(result.code).toBe(2);
      expect(result.out).toBe('');
      expect(result.err).toMatch(new RegExp(`^dossier ${command}: --password is not taken on the command line .*--password-stdin\\n$`));
      expect(result.err).not.toContain('Zq7');
    }
  });

  it('is not shown in any --help as an option to use', async () => {
    for (const command of ['extract', 'import', 'inspect', 'find', 'ocr']) {
      const { out } = await runCli([command, '--help']);
      expect(out).toMatch(/^ {2}--password-stdin /m);
      expect(out).not.toMatch(/\[--password P\]|^ {2}--password P/m);
    }
  });
});
