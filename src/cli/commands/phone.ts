/** `dossier phone`: the simulated 中国律师身份核验 phone app, from the shell. Talks to the portal over HTTP only. */
import { parseArgs } from 'node:util';
import type {
  PhoneActivateRequest,
  PhoneActivateResponse,
  PhoneConfirmResponse,
  PhoneScanResponse,
  PortalErrorBody,
  SmsInboxResponse,
} from '../../shared/portal-wire';
import { UsageError, type Command } from '../command';

const usage = `Usage:
  dossier phone activate --portal URL --name NAME --id-number ID --license NO --phone P [--face fail]
  dossier phone scan <qr-text> --portal URL --phone P [--cancel]
  dossier phone sms --portal URL --phone P

The simulated 中国律师身份核验 mini-program.
  activate   verify a lawyer's identity and bind their phone (manual §1); prints the lawyer as JSON
  scan       扫一扫 a login or verify QR text as that phone, then 确认 (or 取消 with
             --cancel); prints {"sessionId","state"} as JSON
  sms        the phone's SMS inbox (login codes, case notifications), oldest first:
             one JSON object per line, {"id","kind","text","sentAt"}

Options:
  --portal URL     the portal, e.g. http://127.0.0.1:8080
  --name NAME      the lawyer's name
  --id-number ID   18-character mainland ID number
  --license NO     17-digit lawyer licence number (律师执业证号)
  --phone P        11-digit mobile number
  --face fail      simulate a failed face check
  --cancel         cancel the login or verification instead of confirming it`;

/** Runs parseArgs, turning its complaints into usage errors. */
function parseOrUsage<T extends { positionals: string[] }>(parse: () => T, positionals: number): T {
  let parsed: T;
  try {
    parsed = parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.positionals.length !== positionals) {
    throw new UsageError(
      positionals === 0 ? `unexpected argument '${parsed.positionals[0]}'` : 'expected exactly one QR text',
    );
  }
  return parsed;
}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

function portalUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--portal is not a URL: '${value}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError('--portal must be an http(s) URL');
  return url.href.replace(/\/+$/, '');
}

function post<T>(portal: string, path: string, body: unknown): Promise<T> {
  return call<T>(portal, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

async function call<T>(portal: string, path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${portal}${path}`, init);
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
    throw new Error(`无法连接门户 ${portal}：${cause}`, { cause: error });
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: reported below by status.
  }
  if (!response.ok) {
    const message = (data as Partial<PortalErrorBody> | null)?.error?.message;
    throw new Error(message ?? `门户返回 HTTP ${response.status}`);
  }
  return data as T;
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

async function activate(argv: string[]): Promise<number> {
  const { values } = parseOrUsage(
    () =>
      parseArgs({
        args: argv,
        options: {
          portal: { type: 'string' },
          name: { type: 'string' },
          'id-number': { type: 'string' },
          license: { type: 'string' },
          phone: { type: 'string' },
          face: { type: 'string' },
        },
        allowPositionals: true,
      }),
    0,
  );
  if (values.face !== undefined && values.face !== 'pass' && values.face !== 'fail') {
    throw new UsageError(`--face must be pass or fail, not '${String(values.face)}'`);
  }
  const request: PhoneActivateRequest = {
    name: required(values, 'name'),
    idNumber: required(values, 'id-number'),
    licenseNumber: required(values, 'license'),
    phone: required(values, 'phone'),
    faceCheck: values.face === 'fail' ? 'fail' : 'pass',
  };
  const portal = portalUrl(required(values, 'portal'));
  printJson(await post<PhoneActivateResponse>(portal, '/api/phone/activate', request));
  return 0;
}

async function scan(argv: string[]): Promise<number> {
  const { values, positionals } = parseOrUsage(
    () =>
      parseArgs({
        args: argv,
        options: { portal: { type: 'string' }, phone: { type: 'string' }, cancel: { type: 'boolean' } },
        allowPositionals: true,
      }),
    1,
  );
  const qrText = positionals[0] ?? '';
  const phone = required(values, 'phone');
  const portal = portalUrl(required(values, 'portal'));
  const scanned = await post<PhoneScanResponse>(portal, '/api/phone/scan', { qrText, phone });
  const result = await post<PhoneConfirmResponse>(portal, '/api/phone/confirm', {
    sessionId: scanned.sessionId,
    phone,
    decision: values.cancel ? 'cancel' : 'confirm',
  });
  printJson({ sessionId: result.sessionId, state: result.state });
  return 0;
}

async function sms(argv: string[]): Promise<number> {
  const { values } = parseOrUsage(
    () => parseArgs({ args: argv, options: { portal: { type: 'string' }, phone: { type: 'string' } }, allowPositionals: true }),
    0,
  );
  const phone = required(values, 'phone');
  const portal = portalUrl(required(values, 'portal'));
  const inbox = await call<SmsInboxResponse>(portal, `/api/phone/sms?${new URLSearchParams({ phone }).toString()}`, {
    headers: { accept: 'application/json' },
  });
  // The portal answers newest first; a log reads best oldest first.
  for (const { id, kind, text, sentAt } of [...inbox.messages].reverse()) printJson({ id, kind, text, sentAt });
  return 0;
}

export const phoneCommand: Command = {
  name: 'phone',
  summary: 'Act as the lawyer\'s phone: activate 中国律师身份核验, scan a QR, read the SMS inbox',
  usage,
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub === 'activate') return activate(rest);
    if (sub === 'scan') return scan(rest);
    if (sub === 'sms') return sms(rest);
    throw new UsageError(
      sub === undefined ? 'expected a subcommand: activate, scan or sms' : `unknown subcommand '${sub}' (activate, scan, sms)`,
    );
  },
};
