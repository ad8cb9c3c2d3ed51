import { parseArgs } from 'node:util';
import { startMockPortal } from '../../mock-portal';
import { DEMO_LAWYERS, DEMO_PASSWORD } from '../../mock-portal/state/seed-lawyers';
import { UsageError, type Command } from '../command';

const demoLawyers = DEMO_LAWYERS.map((lawyer) => `  ${lawyer.phone}  ${lawyer.name}  ${lawyer.role}`).join('\n');

const usage = `Usage: dossier portal [--port N] [--host H] [--data DIR] [--qr-ttl SECONDS] [--no-seed]
                     [--auto-approve[=SECONDS]] [--dossier-pages N] [--download-kbps N] [--verbose]

Runs the bundled 12309 mock portal (with the lawyers' website at /site/, the simulated
phone app at /phone and the prosecutor console at /console) until interrupted (Ctrl+C or
SIGTERM). The first line printed is the portal's URL; the second, the website's.

Options:
  --port N      TCP port; 0 picks a free one (default 0)
  --host H      address to listen on (default 127.0.0.1)
  --data DIR    keep the portal's state in DIR across restarts (default: memory only)
  --qr-ttl S    seconds a login QR code stays valid (default 120, as on the real portal)
  --no-seed     start without the demo lawyers and their cases
  --verbose     log each request (method, path, status) on stderr
  --auto-approve[=S]  the prosecutors approve every pending binding and review, and
                publish every approved review, S seconds after it arrives (default 3),
                sending the same SMS as the console does
  --dossier-pages N   pages of each dossier the portal publishes (default 40)
  --download-kbps N   send dossier downloads at N kilobytes a second, like a slow line
                (to watch the progress, pause, or quit mid-download; default full speed)

Demo data (seeded into a fresh portal, i.e. memory mode or a new --data folder):
${demoLawyers}
  Demo 12309 password (手机号 + 密码 login) of the registered lawyers: ${DEMO_PASSWORD}
  SMS login codes and notifications arrive in the phone's inbox: /phone → 短信,
  or \`dossier phone sms --portal URL --phone P\`.`;

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError(`--port must be 0–65535, not '${value}'`);
  return Number(value);
}

function parseSeconds(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1) throw new UsageError(`${option} must be a whole number of seconds ≥ 1, not '${value}'`);
  return Number(value) * 1000;
}

/** The bare flag means 3 seconds; parseArgs has no optional values, so it is rewritten first. */
const DEFAULT_AUTO_APPROVE_SECONDS = 3;
export function expandAutoApprove(argv: string[]): string[] {
  return argv.map((arg) => (arg === '--auto-approve' ? `--auto-approve=${DEFAULT_AUTO_APPROVE_SECONDS}` : arg));
}

function parsePages(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1) throw new UsageError(`--dossier-pages must be a whole number ≥ 1, not '${value}'`);
  return Number(value);
}

function parseKbps(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,7}$/.test(value) || Number(value) < 1) throw new UsageError(`--download-kbps must be a whole number ≥ 1, not '${value}'`);
  return Number(value) * 1024;
}

function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const portalCommand: Command = {
  name: 'portal',
  summary: 'Run the bundled 12309 mock portal',
  usage,
  async run(argv) {
    let values;
    try {
      ({ values } = parseArgs({
        args: expandAutoApprove(argv),
        options: {
          port: { type: 'string' },
          host: { type: 'string' },
          data: { type: 'string' },
          verbose: { type: 'boolean' },
          'qr-ttl': { type: 'string' },
          'no-seed': { type: 'boolean' },
          'auto-approve': { type: 'string' },
          'dossier-pages': { type: 'string' },
          'download-kbps': { type: 'string' },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (values.data === '') throw new UsageError('--data needs a folder');
    const portal = await startMockPortal({
      port: parsePort(values.port),
      host: values.host,
      dataDir: values.data,
      qrTtlMs: parseSeconds(values['qr-ttl'], '--qr-ttl'),
      seed: !values['no-seed'],
      autoApproveMs: parseSeconds(values['auto-approve'], '--auto-approve'),
      dossierPages: parsePages(values['dossier-pages']),
      downloadBytesPerSecond: parseKbps(values['download-kbps']),
      log: values.verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
    });
    // Registered before the URL goes out, so whoever reads it may stop us at once.
    const stopped = untilStopped();
    process.stdout.write(`${portal.url}\n门户网站 ${portal.url}/site/\n`);
    await stopped;
    await portal.close();
    return 0;
  },
};
