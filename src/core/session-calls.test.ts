// Every call that acts for the lawyer needs a session, and a token the portal rejects signs them out.
import { afterEach, describe, expect, it } from 'vitest';
import { startMockPortal, type MockPortal } from '../mock-portal';
import { lawyerFixture, registerByQr } from '../mock-portal/test-helpers';
import type { CallName, DossierApi } from '../shared/contract';
import { CoreHarness, logInByQr, nextEvent } from './test-harness';

let portal: MockPortal | null = null;
const harness = new CoreHarness();

afterEach(async () => {
  await harness.closeAll();
  await portal?.close();
  portal = null;
});

/** Each session-bound call with an input its schema accepts (ids need not exist: the session is checked first). */
const sessionCalls: { [N in CallName]?: Parameters<DossierApi[N]>[0] } = {
  'stepUp.start': { action: 'binding' },
  'uploads.add': { kind: 'license', fileName: 'a.pdf', dataBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') },
  'bindings.list': {},
  'bindings.create': {
    procuratorateId: 'cq-fuling',
    caseName: '陈某危险驾驶案',
    suspectName: '陈某',
    role: 'defender',
    clientName: '陈某某',
    clientRelation: 'self',
    uploads: { license: 'u1', powerOfAttorney: 'u2', lawFirmLetter: 'u3', clientId: 'u4' },
  },
  'boundCases.list': {},
  'reviews.notice': {},
  'reviews.apply': { bindingId: 'b1', acceptNotice: true, noticeVersion: 'v1' },
  'appointments.list': {},
  'messages.list': {},
  'messages.markRead': {},
  // sms.paste is not among them: a case handled on the real portal's site needs no login (kept-sms).
};
const names = Object.keys(sessionCalls) as CallName[];
/** The 须知 is public at the portal (core still shows it to signed-in lawyers only): no token to reject. */
const tokenCalls = names.filter((name) => name !== 'reviews.notice');

function call(api: DossierApi, name: CallName): Promise<unknown> {
  return (api[name] as (input: unknown) => Promise<unknown>)(sessionCalls[name]);
}

describe('calls that act for the lawyer', () => {
  it.each(names)('%s refuses with NOT_SIGNED_IN when nobody is signed in', async (name) => {
    portal = await startMockPortal();
    const core = await harness.open(portal.url);
    await expect(call(core.api, name)).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
  });

  it.each(tokenCalls)('%s signs the lawyer out when the portal no longer accepts the token', async (name) => {
    portal = await startMockPortal({ tokenTtlMs: 400 });
    const lawyer = lawyerFixture();
    await registerByQr(portal.url, lawyer);
    const core = await harness.open(portal.url);
    await logInByQr(core, portal.url, lawyer.phone);
    const signedOut = nextEvent(core, 'auth.sessionChanged', (session) => session.status === 'signed-out');
    // Until the token expires the call may succeed or be refused for its made-up ids; then 401.
    await expect
      .poll(async () => call(core.api, name).then(() => 'ok', (error: { code: string }) => error.code), { timeout: 5000, interval: 50 })
      .toBe('UNAUTHORIZED');
    await signedOut;
    expect(await core.api['auth.session']({})).toEqual({ status: 'signed-out' });
  });
});
