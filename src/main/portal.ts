/**
 * Which 12309 portal the app talks to: the one named by DOSSIER_PORTAL_URL or `--portal=URL`,
 * else the bundled mock portal, started in this process with its state under userData so a
 * restart keeps it.
 */
import { join } from 'node:path';
import { startMockPortal } from '../mock-portal/index';

export interface ChosenPortal {
  url: string;
  /** True when this process started the bundled mock portal. */
  embedded: boolean;
  close(): Promise<void>;
}

const portalArg = '--portal=';

/** The portal URL the user asked for (argument first, then environment), or null for none. */
export function requestedPortalUrl(env: NodeJS.ProcessEnv, argv: readonly string[]): string | null {
  const fromArg = argv.find((arg) => arg.startsWith(portalArg))?.slice(portalArg.length).trim();
  const requested = fromArg || env['DOSSIER_PORTAL_URL']?.trim();
  if (!requested) return null;
  let url: URL;
  try {
    url = new URL(requested);
  } catch {
    throw new Error(`Not a valid portal URL: ${requested}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`The portal URL must be http or https: ${requested}`);
  }
  return url.toString();
}

export async function choosePortal(options: {
  env: NodeJS.ProcessEnv;
  argv: readonly string[];
  userDataDir: string;
}): Promise<ChosenPortal> {
  const requested = requestedPortalUrl(options.env, options.argv);
  if (requested) return { url: requested, embedded: false, close: async () => undefined };
  const portal = await startMockPortal({
    host: '127.0.0.1',
    port: 0,
    dataDir: join(options.userDataDir, 'mock-portal'),
  });
  return { url: portal.url, embedded: true, close: () => portal.close() };
}
