/**
 * The app as a lawyer runs it without Electron: the dossier imported with `dossier import`
 * (open password kept in the keychain), then `dossier web` serving the built app on loopback. On
 * Linux both run in one private D-Bus session with its own unlocked gnome-keyring (keyring files in
 * the benchmark's folder), so the web host finds the password the import kept.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface AppHost {
  /** The web host's address with its launch token. */
  url: string;
  dossierId: string;
  close(): Promise<void>;
}

const KEYRING_SCRIPT = [
  'printf x | gnome-keyring-daemon --unlock --components=secrets >/dev/null',
  // printf is the shell's own: the password goes down a pipe, on no command line.
  'printf \'%s\\n\' "$BENCH_OPEN_PASSWORD" | node "$BENCH_CLI" import "$BENCH_ARCHIVE" --password-stdin --case "$BENCH_CASE" --data "$BENCH_DATA" > "$BENCH_IMPORTED" || exit 1',
  'exec node "$BENCH_CLI" web --data "$BENCH_DATA" --library "$DOSSIER_LIBRARY_DIR"',
].join('\n');

function haveKeyringSession(): boolean {
  if (process.platform !== 'linux') return false;
  const found = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
  return found('dbus-run-session') && found('gnome-keyring-daemon');
}

function firstLine(child: ChildProcess, what: string): Promise<string> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  return new Promise((resolve, reject) => {
    lines.once('line', (line) => {
      // Keep draining, so the child never blocks on a full pipe.
      lines.on('line', () => undefined);
      resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}) before printing its address: ${stderr.trim().slice(-400)}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    child.once('exit', () => resolve());
    // The child leads its own process group (the D-Bus session, keyring daemon and web host in it).
    process.kill(-child.pid, 'SIGTERM');
  });
}

export async function startAppHost(options: { root: string; work: string; archivePath: string; openPassword: string; caseName: string }): Promise<AppHost> {
  const folder = join(options.work, 'viewer-app');
  await rm(folder, { recursive: true, force: true });
  const data = join(folder, 'data');
  const library = join(folder, 'library');
  const imported = join(folder, 'imported.json');
  await mkdir(data, { recursive: true });
  const cli = join(options.root, 'bin', 'dossier.mjs');
  const env = {
    ...process.env,
    PATH: `${process.execPath.replace(/[\\/][^\\/]+$/, '')}${process.platform === 'win32' ? ';' : ':'}${process.env.PATH ?? ''}`,
    DOSSIER_LIBRARY_DIR: library,
    XDG_DATA_HOME: join(folder, 'xdg-data'),
    BENCH_CLI: cli,
    BENCH_ARCHIVE: options.archivePath,
    BENCH_OPEN_PASSWORD: options.openPassword,
    BENCH_CASE: options.caseName,
    BENCH_DATA: data,
    BENCH_IMPORTED: imported,
  };
  let child: ChildProcess;
  if (haveKeyringSession()) {
    child = spawn('dbus-run-session', ['--', 'sh', '-c', KEYRING_SCRIPT], { cwd: options.root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  } else {
    const args = [cli, 'import', options.archivePath, '--password-stdin', '--case', options.caseName, '--data', data];
    const result = spawnSync(process.execPath, args, { cwd: options.root, env, input: `${options.openPassword}\n`, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`dossier import failed: ${result.stderr.trim()}`);
    await writeFile(imported, result.stdout);
    child = spawn(process.execPath, [cli, 'web', '--data', data, '--library', library], { cwd: options.root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  }
  try {
    const url = await firstLine(child, 'dossier web');
    const dossier = JSON.parse(await readFile(imported, 'utf8')) as { id: string };
    return {
      url,
      dossierId: dossier.id,
      close: async () => {
        await stop(child);
        await rm(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stop(child);
    throw error;
  }
}
