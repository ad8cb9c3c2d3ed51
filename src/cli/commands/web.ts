/** `dossier web`: core plus the built renderer in the browser, over the loopback web host. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { version } from '../../../package.json';
import { createCore, defaultLibraryFolder } from '../../core/index';
import type { Core } from '../../core/core';
import { startMockPortal } from '../../mock-portal/index';
import { startWebHost, type WebHost } from '../../web-host/index';
import { UsageError, type Command } from '../command';
import { defaultDataDir } from '../data-dir';

const usage = `Usage: dossier web [--port N] [--portal URL] [--data DIR] [--library DIR] [--no-ocr]

Runs Dossier Desk (卷宗台) in your browser: core and the built interface, served on
127.0.0.1 only. The first line printed is the address to open; it carries this launch's
access token, so keep it to yourself. Stop with Ctrl+C.

Options:
  --port N      port to listen on (default: a free one)
  --portal URL  the 12309 portal to use (default: the bundled mock portal, started
                here with its state in <data>/mock-portal)
  --data DIR    the app's data folder (default: ${defaultDataDir()})
  --library DIR the managed folder dossiers go into when 设置 names none
                (default: $DOSSIER_LIBRARY_DIR, else ${defaultLibraryFolder()})
  --no-ocr      no 文字识别 in the background: dossiers are not read until a run without it
  -h, --help    show this text`;

export interface WebArgs {
  port: number;
  portalUrl: string | null;
  dataDir: string;
  libraryFolder: string;
  /** 文字识别 in the background (off with --no-ocr). */
  backgroundReading: boolean;
}

export function parseWebArgs(argv: string[]): WebArgs {
  let values: { port?: string; portal?: string; data?: string; library?: string; 'no-ocr'?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, portal: { type: 'string' }, data: { type: 'string' }, library: { type: 'string' }, 'no-ocr': { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.port !== undefined && (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535)) {
    throw new UsageError(`--port must be 0–65535, not '${values.port}'`);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  let portalUrl: string | null = null;
  if (values.portal !== undefined) {
    let url: URL;
    try {
      url = new URL(values.portal);
    } catch {
      throw new UsageError(`--portal must be a URL, not '${values.portal}'`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError('--portal must be an http or https URL');
    portalUrl = values.portal;
  }
  if (values.data !== undefined && values.data.trim() === '') throw new UsageError('--data must name a folder');
  if (values.library !== undefined && values.library.trim() === '') throw new UsageError('--library must name a folder');
  return {
    port,
    portalUrl,
    dataDir: resolve(values.data ?? defaultDataDir()),
    libraryFolder: values.library === undefined ? defaultLibraryFolder() : resolve(values.library),
    backgroundReading: values['no-ocr'] !== true,
  };
}

/** The built renderer sits beside the built CLI: out/cli/index.mjs → out/renderer. */
export function builtRendererDir(moduleUrl: string = import.meta.url): string {
  return fileURLToPath(new URL('../renderer', moduleUrl));
}

/** Resolves on the first SIGINT/SIGTERM; `dispose` gives the signals back to their defaults. */
function stopSignal(): { received: Promise<NodeJS.Signals>; dispose(): void } {
  let stop: (signal: NodeJS.Signals) => void = () => undefined;
  const received = new Promise<NodeJS.Signals>((done) => {
    stop = (signal) => {
      // Removed on the first signal: a second Ctrl+C during shutdown then ends the process at once.
      dispose();
      done(signal);
    };
  });
  function dispose(): void {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return { received, dispose };
}

/** Closes each in turn even if one fails; the first failure is reported afterwards. */
async function closeAll(items: Array<{ close(): Promise<void> } | null>): Promise<void> {
  let failure: unknown = null;
  for (const item of items) {
    try {
      await item?.close();
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure !== null) throw failure;
}

export const webCommand: Command = {
  name: 'web',
  summary: 'run the app in your browser (web host on 127.0.0.1)',
  usage,
  async run(argv) {
    const args = parseWebArgs(argv);
    const rendererDir = builtRendererDir();
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new Error(`the interface is not built (${rendererDir} is missing); run \`npm run build\` first`);
    }

    // Listening from the start: whoever reads the URL may stop us at once, and a Ctrl+C during
    // startup still shuts down what was started.
    const stop = stopSignal();
    let portal: { url: string; close(): Promise<void> } | null = null;
    let core: Core | null = null;
    let host: WebHost | null = null;
    try {
      if (args.portalUrl === null) {
        portal = await startMockPortal({ host: '127.0.0.1', port: 0, dataDir: join(args.dataDir, 'mock-portal') });
      }
      const portalUrl = portal?.url ?? args.portalUrl ?? '';
      core = await createCore({
        portalUrl,
        dataDir: args.dataDir,
        appVersion: version,
        defaultLibraryFolder: args.libraryFolder,
        backgroundReading: args.backgroundReading,
      });
      host = await startWebHost({ core, rendererDir, port: args.port });

      process.stdout.write(`${host.url}\n`);
      process.stdout.write(portal ? `Portal: bundled mock portal at ${portal.url}\n` : `Portal: ${portalUrl}\n`);
      process.stdout.write(`Data: ${args.dataDir}\n`);
      process.stdout.write('Press Ctrl+C to stop.\n');

      await stop.received;
      return 0;
    } finally {
      stop.dispose();
      // In reverse order of starting: the browser's sockets, then core, then the portal it talked to.
      await closeAll([host, core, portal]);
    }
  },
};
