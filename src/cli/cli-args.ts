/** Argument handling shared by the `dossier` subcommands: every mistake becomes a one-line UsageError. */
import { UsageError } from './command';

/** Runs parseArgs, turning its complaints and a wrong number of positionals into usage errors. */
export function parseOrUsage<T extends { positionals: string[] }>(parse: () => T, positionals: number, positionalName = 'argument'): T {
  let parsed: T;
  try {
    parsed = parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.positionals.length !== positionals) {
    throw new UsageError(
      positionals === 0 ? `unexpected argument '${parsed.positionals[0]}'` : `expected exactly one ${positionalName}`,
    );
  }
  return parsed;
}

export function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

/** A portal base URL, without its trailing slash. */
export function portalUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--portal is not a URL: '${value}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError('--portal must be an http(s) URL');
  return url.href.replace(/\/+$/, '');
}

/** One JSON object per line: what the commands print for scripts to read. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
