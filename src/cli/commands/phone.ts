/** `dossier phone`: the simulated 中国律师身份核验 phone app, from the shell. Talks to the portal over HTTP only. */
import { parseArgs } from 'node:util';
import type {
  PhoneActivateRequest,
  PhoneActivateResponse,
  PhoneConfirmResponse,
  PhoneScanResponse,
  SmsInboxResponse,
} from '../../shared/portal-wire';
import { parseOrUsage, portalUrl, printJson, required } from '../cli-args';
import { callPortal } from '../portal-http';
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
  printJson(await callPortal<PhoneActivateResponse>(portal, 'POST', '/api/phone/activate', request));
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
    'QR text',
  );
  const qrText = positionals[0] ?? '';
  const phone = required(values, 'phone');
  const portal = portalUrl(required(values, 'portal'));
  const scanned = await callPortal<PhoneScanResponse>(portal, 'POST', '/api/phone/scan', { qrText, phone });
  const result = await callPortal<PhoneConfirmResponse>(portal, 'POST', '/api/phone/confirm', {
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
  const inbox = await callPortal<SmsInboxResponse>(portal, 'GET', `/api/phone/sms?${new URLSearchParams({ phone }).toString()}`);
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
