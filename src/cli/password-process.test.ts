/**
 * The built `dossier` command as a lawyer runs it, in real processes: its passwords never show on
 * its command line (/proc/<pid>/cmdline, readable by every local user), and run through npm they
 * never reach npm's logs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sevenZipPack, stage } from '../core/archives/test-archives';
import { chineseSourcePdf, encryptPdf } from '../core/pdf/test-pdfs';
import { dossierFontBytes, dossierFontkit } from '../mock-portal/dossier/dossier-font';
import { buildCli, type BuiltCli } from './built-cli';

const ARCHIVE_PASSWORD = 'Arc-7391468!';
const PDF_PASSWORD = 'Pdf-8052637?';
const DOWNLOAD_PASSWORD = '7391468';
const OPEN_PASSWORD = '8052637';
const SMS = `您申请的【李某某盗窃案】【在线阅卷】审核已通过,您可以登录12309中国检察网下载卷宗。卷宗下载密码为:${DOWNLOAD_PASSWORD},卷宗文档打开密码为:${OPEN_PASSWORD} 密码信息请勿泄漏!【涪陵区院】`;

let cli: BuiltCli;
let dir: string;
let archive: string;
let pdf: string;

beforeAll(async () => {
  cli = await buildCli();
  dir = await mkdtemp(join(tmpdir(), 'password-process-'));
  const source = await stage({ '第一卷/起诉意见书.txt': '正文' });
  archive = join(dir, 'dossier.7z');
  await sevenZipPack(source, archive, ['-t7z', `-p${ARCHIVE_PASSWORD}`, '-mhe=on']);
  await rm(source, { recursive: true, force: true });
  pdf = join(dir, 'locked.pdf');
  const plain = await chineseSourcePdf({ bytes: dossierFontBytes(), fontkit: dossierFontkit });
  await writeFile(pdf, await encryptPdf('qpdf', 'aes-256', plain, { user: PDF_PASSWORD, owner: 'owner-pw' }));
}, 60_000);

afterAll(async () => {
  await cli?.remove();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Watched {
  code: number | null;
  stdout: string;
  stderr: string;
  /** /proc/<pid>/cmdline, NULs as spaces, each time it was read while the command ran. */
  cmdlines: string[];
}

/**
 * Runs the built CLI with `password` written to its standard input, reading its command line first
 * while it waits for the end of that input (so surely while it runs), then again until it exits.
 */
async function runWatched(args: string[], password: string): Promise<Watched> {
  const child = spawn(process.execPath, [cli.bin, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  let running = true;
  void exited.then(() => (running = false));
  const cmdlines: string[] = [];
  const look = async () => {
    try {
      cmdlines.push((await readFile(`/proc/${child.pid}/cmdline`)).toString('utf8').replaceAll('\0', ' '));
    } catch {
      // Gone between two looks.
    }
  };
  child.stdin.write(`${password}\n`);
  await look();
  child.stdin.end();
  while (running) {
    await look();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10))]);
  }
  return { code: await exited, stdout, stderr, cmdlines };
}

describe.runIf(process.platform === 'linux')('passwords and the process list', () => {
  it('extract --password-stdin: the password is on no command line of the CLI, and opens the archive', async () => {
    const out = join(dir, 'extracted');
    const run = await runWatched(['extract', archive, '--out', out, '--password-stdin'], ARCHIVE_PASSWORD);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ files: [{ path: '第一卷/起诉意见书.txt' }] });
    // Read while it ran: its own command line, as every local user sees it.
    expect(run.cmdlines[0]).toContain(`${cli.bin} extract ${archive} --out ${out} --password-stdin`);
    for (const cmdline of run.cmdlines) expect(cmdline).not.toContain(ARCHIVE_PASSWORD);
    // 7-Zip's own command line is core's concern (src/core/archives/run-seven-zip.ts).
  }, 60_000);

  it('inspect --password-stdin: the password is on no command line, and opens the PDF', async () => {
    const run = await runWatched(['inspect', pdf, '--password-stdin'], PDF_PASSWORD);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ pages: 3, encrypted: true, needsPassword: true });
    expect(run.cmdlines[0]).toContain(`${cli.bin} inspect ${pdf} --password-stdin`);
    for (const cmdline of run.cmdlines) expect(cmdline).not.toContain(PDF_PASSWORD);
  }, 60_000);

  it('inspect --password-stdin on a terminal: asks, and the terminal shows none of what is typed', (context) => {
    // A pseudo-terminal from Python's pty module: the CLI's standard input is a real TTY; the
    // password is typed once the prompt is shown, as a lawyer would.
    const typist = [
      'import os, pty, select, sys',
      'password = sys.stdin.read().encode()',
      'pid, fd = pty.fork()',
      'if pid == 0: os.execv(sys.argv[1], sys.argv[1:])',
      'seen, typed = b"", False',
      'while True:',
      '    if not select.select([fd], [], [], 30)[0]: break',
      '    try: chunk = os.read(fd, 4096)',
      '    except OSError: break',
      '    if not chunk: break',
      '    seen += chunk',
      '    if not typed and seen.endswith(b"Password: "): os.write(fd, password + b"\\r"); typed = True',
      'os.waitpid(pid, 0)',
      'sys.stdout.write(seen.decode())',
    ].join('\n');
    const run = spawnSync('python3', ['-c', typist, process.execPath, cli.bin, 'inspect', pdf, '--password-stdin'], { input: PDF_PASSWORD, encoding: 'utf8', timeout: 60_000 });
    if (run.error) context.skip(`no python3 for a pseudo-terminal: ${run.error.message}`);
    expect(run.stderr).toBe('');
    // All the terminal showed: the prompt, the line end after the answer, the JSON.
    expect(run.stdout).toBe('Password: \r\n{"pages":3,"encrypted":true,"needsPassword":true}\r\n');
  }, 60_000);

  it('refuses --password P with a usage error that names --password-stdin and not the password', () => {
    const out = join(dir, 'never');
    const run = spawnSync(process.execPath, [cli.bin, 'extract', archive, '--out', out, '--password', ARCHIVE_PASSWORD], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^dossier extract: --password is not taken on the command line .*--password-stdin\n$/);
    expect(run.stderr).not.toContain(ARCHIVE_PASSWORD);
    expect(existsSync(out)).toBe(false);
  });
});

/** Every file under `root`, recursively. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('npm and the secrets', () => {
  it('npx dossier, secrets on standard input: none of them in npm\'s logs or cache', async (context) => {
    const npm = await mkdtemp(join(tmpdir(), 'password-npm-'));
    try {
      // A fresh cache and logs folder, offline: only what these runs write is searched.
      const env = {
        ...process.env,
        npm_config_cache: join(npm, 'cache'),
        npm_config_logs_dir: join(npm, 'logs'),
        npm_config_offline: 'true',
        npm_config_update_notifier: 'false',
      };
      const npx = (args: string[], input: string) =>
        spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', args, { cwd: cli.dir, env, input, encoding: 'utf8', timeout: 60_000, shell: process.platform === 'win32' });
      const sms = npx(['dossier', 'sms-parse', '-'], SMS);
      if (sms.error || (sms.status !== 0 && !sms.stdout.startsWith('{'))) {
        const reason = `npx cannot run the local bin offline here: ${sms.error?.message ?? sms.stderr.trim().split('\n').slice(-1)[0]}`;
        console.warn(reason);
        context.skip(reason);
      }
      expect(sms.status).toBe(0);
      expect(JSON.parse(sms.stdout)).toMatchObject({ downloadPassword: DOWNLOAD_PASSWORD, openPassword: OPEN_PASSWORD });
      const extract = npx(['dossier', 'extract', archive, '--out', join(dir, 'by-npx'), '--password-stdin'], `${ARCHIVE_PASSWORD}\n`);
      expect(extract.stderr).toBe('');
      expect(extract.status).toBe(0);

      const logs = await readdir(join(npm, 'logs'));
      expect(logs.length).toBeGreaterThanOrEqual(2);
      const written = await Promise.all((await filesUnder(npm)).map(async (file) => ({ file, text: await readFile(file, 'latin1') })));
      // npm did log these runs' arguments there: the search is not of an empty folder.
      expect(written.some(({ text }) => text.includes('"sms-parse" "-"'))).toBe(true);
      expect(written.some(({ text }) => text.includes('"--password-stdin"'))).toBe(true);
      for (const secret of [DOWNLOAD_PASSWORD, OPEN_PASSWORD, ARCHIVE_PASSWORD]) {
        const latin1 = Buffer.from(secret, 'utf8').toString('latin1');
        expect(written.filter(({ text }) => text.includes(latin1)).map(({ file }) => file), secret).toEqual([]);
      }
    } finally {
      await rm(npm, { recursive: true, force: true });
    }
  }, 120_000);
});
