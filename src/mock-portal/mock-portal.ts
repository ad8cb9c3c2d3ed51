import { AccountService } from './services/accounts';
import { QrLoginService } from './services/qr-login';
import { TokenService } from './services/tokens';
import { buildPortalApp } from './server';
import { PortalStore } from './state/store';

export interface MockPortalOptions {
  /** 0 = a random free port (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Keep state in this folder (atomic writes); omitted = memory only. */
  dataDir?: string;
  /** Lifetime of a login QR code; default 2 minutes. */
  qrTtlMs?: number;
  /** Lifetime of a bearer token, fixed from issue; default 8 hours. */
  tokenTtlMs?: number;
  log?: (line: string) => void;
}

export interface MockPortal {
  /** e.g. http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

const DEFAULT_QR_TTL_MS = 120_000;
const DEFAULT_TOKEN_TTL_MS = 8 * 60 * 60_000;
const MAX_HOUSEKEEPING_INTERVAL_MS = 30_000;

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`mock portal: ${name} must be a positive number of milliseconds`);
  return value;
}

/** Starts the bundled 12309 mock portal and resolves once it listens. */
export async function startMockPortal(options: MockPortalOptions = {}): Promise<MockPortal> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('mock portal: port must be 0–65535');
  const host = options.host ?? '127.0.0.1';
  const qrTtlMs = positive('qrTtlMs', options.qrTtlMs, DEFAULT_QR_TTL_MS);
  const tokenTtlMs = positive('tokenTtlMs', options.tokenTtlMs, DEFAULT_TOKEN_TTL_MS);

  const store = await PortalStore.open(options.dataDir);
  const accounts = new AccountService(store);
  const tokens = new TokenService(store, tokenTtlMs);
  const qrLogin = new QrLoginService(store, accounts, tokens, qrTtlMs);
  const { app } = buildPortalApp({ store, accounts, tokens, qrLogin }, options.log);

  // Forget expired QR sessions and tokens so memory and the data file stay bounded.
  const housekeeping = setInterval(
    () => {
      qrLogin.purge();
      if (tokens.purge()) store.save().catch((error: Error) => options.log?.(`saving state failed: ${error.message}`));
    },
    Math.min(MAX_HOUSEKEEPING_INTERVAL_MS, Math.max(1_000, qrTtlMs)),
  );
  housekeeping.unref();

  try {
    await app.listen({ port, host });
  } catch (error) {
    clearInterval(housekeeping);
    await store.flush();
    throw error;
  }
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('mock portal: no TCP address');
  // A wildcard bind is still reached through loopback on this machine.
  const reachable = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
  const urlHost = address.family === 'IPv6' ? `[${reachable}]` : reachable;
  const url = `http://${urlHost}:${address.port}`;
  options.log?.(`mock portal listening on ${url}${options.dataDir ? ` (data in ${options.dataDir})` : ' (memory only)'}`);

  let closing: Promise<void> | null = null;
  return {
    url,
    close() {
      closing ??= (async () => {
        clearInterval(housekeeping);
        qrLogin.close();
        await app.close();
        await store.flush();
      })();
      return closing;
    },
  };
}
