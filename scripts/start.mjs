#!/usr/bin/env node
// `npm start` (after `npm run build`): the desktop app where the Electron binary is installed;
// otherwise the web host with the bundled mock portal, shown in a Chromium app window when one exists.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const posix = process.platform !== 'win32';

/** The Electron binary, only if it was really downloaded (requiring `electron` would try to). */
function electronBinary() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function runElectron(binary) {
  const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
  // Ctrl+C reaches Electron through the terminal's process group; we only wait for it to finish.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function onPath(names) {
  const dirs = ['/usr/bin', '/usr/local/bin', '/snap/bin', ...(process.env.PATH ?? '').split(delimiter)];
  for (const name of names) {
    for (const dir of dirs) {
      if (dir && existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return null;
}

/** A Chromium-family browser we can start ourselves with --app, or null. */
function chromiumBinary() {
  if (process.platform === 'linux') {
    if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return null;
    return onPath(['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']);
  }
  if (process.platform === 'win32') {
    const bases = [process.env.ProgramFiles, process.env['ProgramFiles(x86)'], process.env.LOCALAPPDATA].filter(Boolean);
    const apps = [join('Google', 'Chrome', 'Application', 'chrome.exe'), join('Microsoft', 'Edge', 'Application', 'msedge.exe')];
    for (const app of apps) for (const base of bases) if (existsSync(join(base, app))) return join(base, app);
    return null;
  }
  if (process.platform === 'darwin') {
    const apps = ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];
    return apps.find((app) => existsSync(app)) ?? null;
  }
  return null;
}

/**
 * Opens the URL: a Chromium app window on its own throw-away profile (so it is our process and
 * closing it ends the session), else the system's default browser, else nothing.
 * Returns a handle whose `stop()` closes a window we started, or null when the user must open the URL.
 */
function openBrowser(url, onClosed) {
  const binary = chromiumBinary();
  if (binary) {
    const profile = mkdtempSync(join(tmpdir(), 'dossier-desk-browser-'));
    const args = [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check'];
    // Chromium refuses to run as root unless its sandbox is turned off (containers, CI machines).
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    const browser = spawn(binary, args, { stdio: 'ignore', detached: posix });
    let stopping = false;
    const cleanUp = () => rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    browser.on('error', () => {
      cleanUp();
      process.stdout.write(`Could not start ${binary}; open ${url}\n`);
    });
    browser.on('exit', (code) => {
      cleanUp();
      // Closing the window ends the session; a browser that failed to start leaves the URL to open.
      if (stopping) return;
      if (code === 0) onClosed();
      else process.stdout.write(`The browser exited (code ${code}); open ${url}\n`);
    });
    return {
      stop() {
        stopping = true;
        if (browser.exitCode !== null || browser.pid === undefined) return;
        try {
          if (posix) process.kill(-browser.pid, 'SIGTERM');
          else browser.kill();
        } catch {
          // Already gone.
        }
      },
    };
  }
  const fallback =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : null;
  if (!fallback) return null;
  const opener = spawn(fallback[0], fallback[1], { stdio: 'ignore', detached: posix, windowsHide: true });
  opener.on('error', () => process.stdout.write(`Open ${url}\n`));
  opener.unref();
  return { stop() {} };
}

function runWebHost() {
  process.stdout.write(
    'Electron binary not installed here (set ELECTRON_MIRROR and run `npx install-electron`); starting the web host in your browser instead.\n',
  );
  // Its own process group on POSIX: Ctrl+C reaches only us, and we pass it on exactly once.
  const host = spawn(process.execPath, [join(root, 'bin', 'dossier.mjs'), 'web'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: posix,
  });
  let browser = null;
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    browser?.stop();
    // On Windows the console delivers Ctrl+C to the host itself; kill() there would be abrupt.
    if (posix || signal !== 'SIGINT') host.kill(posix ? signal : undefined);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const lines = createInterface({ input: host.stdout });
  let first = true;
  lines.on('line', (line) => {
    if (!first) {
      process.stdout.write(`${line}\n`);
      return;
    }
    first = false;
    const url = line.trim();
    browser = openBrowser(url, () => stop('SIGINT'));
    if (!browser) process.stdout.write(`Open ${url}\n`);
  });
  host.on('exit', (code, signal) => {
    browser?.stop();
    process.exit(code ?? (signal ? 1 : 0));
  });
}

const electron = electronBinary();
if (electron) runElectron(electron);
else runWebHost();
