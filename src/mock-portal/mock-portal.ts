import { CONSOLE_MAX_DOSSIER_PAGES } from '../shared/portal-wire';
import { AccountService } from './services/accounts';
import { generateDossier } from './dossier';
import { MIN_DOSSIER_PAGES } from './dossier/dossier-spec';
import { AutoApprover } from './services/auto-approve';
import { BindingService } from './services/bindings';
import { ConsoleService, DEFAULT_DOSSIER_PAGES } from './services/console';
import { DossierStore } from './services/dossier-store';
import { DOWNLOAD_LINK_TTL_MS, DownloadService } from './services/downloads';
import { MessageService } from './services/messages';
import { PasswordLoginService } from './services/password-login';
import { ProcuratorateService } from './services/procuratorates';
import { QrLoginService } from './services/qr-login';
import { ReviewService } from './services/reviews';
import { SmsService } from './services/sms';
import { SmsLoginService } from './services/sms-login';
import { StepUpService } from './services/step-up';
import { TokenService } from './services/tokens';
import { UploadService } from './services/uploads';
import { buildPortalApp } from './server';
import { seedCases } from './state/seed-cases';
import { seedLawyers } from './state/seed-lawyers';
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
  /** Seed the demo lawyers (and their cases) into a fresh store; default true. */
  seed?: boolean;
  /** Prosecutors approve pending bindings and reviews, and publish approved reviews, after this delay; omitted = never. */
  autoApproveMs?: number;
  /** Pages of each dossier published from the console; default 40. */
  dossierPages?: number;
  /** Lifetime of a dossier download link; default 30 minutes. */
  downloadLinkTtlMs?: number;
  /** Send downloads no faster than this many bytes a second (a slow line); omitted = full speed. */
  downloadBytesPerSecond?: number;
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

function wholePages(value: number | undefined): number {
  if (value === undefined) return DEFAULT_DOSSIER_PAGES;
  if (!Number.isInteger(value) || value < MIN_DOSSIER_PAGES || value > CONSOLE_MAX_DOSSIER_PAGES) {
    throw new Error(`mock portal: dossierPages must be a whole number from ${MIN_DOSSIER_PAGES} to ${CONSOLE_MAX_DOSSIER_PAGES}`);
  }
  return value;
}

function downloadRate(value: number | undefined): number | null {
  if (value === undefined) return null;
  if (!Number.isFinite(value) || value < 1) throw new Error('mock portal: downloadBytesPerSecond must be at least 1');
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
  const procuratorates = new ProcuratorateService();
  const uploads = new UploadService(store, options.dataDir);
  const bindings = new BindingService(store, procuratorates, uploads);
  const reviews = new ReviewService(store, procuratorates, bindings);
  // Only a fresh store: seeds must not come back after a lawyer changed or removed them.
  if ((options.seed ?? true) && store.fresh) {
    await seedLawyers(store);
    await seedCases(store, uploads);
  }
  const accounts = new AccountService(store);
  const tokens = new TokenService(store, tokenTtlMs);
  const qrLogin = new QrLoginService(store, accounts, tokens, qrTtlMs);
  const stepUp = new StepUpService(qrLogin);
  const dossierFiles = DossierStore.open(options.dataDir);
  const downloads = new DownloadService(
    store,
    stepUp,
    positive('downloadLinkTtlMs', options.downloadLinkTtlMs, DOWNLOAD_LINK_TTL_MS),
  );
  const sms = new SmsService(store);
  const messages = new MessageService(store);
  const smsLogin = new SmsLoginService(store, tokens, sms);
  const passwordLogin = new PasswordLoginService(store, tokens);
  const consoleService = new ConsoleService({
    store,
    bindings,
    reviews,
    procuratorates,
    uploads,
    sms,
    messages,
    dossierFiles,
    generateDossier,
    dossierPages: wholePages(options.dossierPages),
  });
  const autoApprover =
    options.autoApproveMs === undefined
      ? null
      : new AutoApprover(consoleService, bindings, reviews, positive('autoApproveMs', options.autoApproveMs, 0), options.log);
  const { app } = buildPortalApp(
    {
      store,
      accounts,
      tokens,
      qrLogin,
      stepUp,
      sms,
      messages,
      smsLogin,
      passwordLogin,
      dossierFiles,
      downloads,
      procuratorates,
      uploads,
      bindings,
      reviews,
      console: consoleService,
      downloadBytesPerSecond: downloadRate(options.downloadBytesPerSecond),
    },
    options.log,
  );

  // Forget expired QR sessions and tokens so memory and the data file stay bounded.
  const housekeeping = setInterval(
    () => {
      qrLogin.purge();
      stepUp.purge();
      smsLogin.purge();
      downloads.purge();
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
  autoApprover?.start();
  options.log?.(`mock portal listening on ${url}${options.dataDir ? ` (data in ${options.dataDir})` : ' (memory only)'}`);

  let closing: Promise<void> | null = null;
  return {
    url,
    close() {
      closing ??= (async () => {
        clearInterval(housekeeping);
        qrLogin.close();
        // A publish in progress finishes (and is saved) before the store is flushed.
        await autoApprover?.close();
        await app.close();
        await store.flush();
      })();
      return closing;
    },
  };
}
