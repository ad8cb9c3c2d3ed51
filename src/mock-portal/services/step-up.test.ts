import { describe, expect, it } from 'vitest';
import type { StepUpAction } from '../../shared/portal-wire';
import type { AccountRecord } from '../state/records';
import { PortalStore } from '../state/store';
import { lawyerFixture } from '../test-helpers';
import { AccountService } from './accounts';
import { QrLoginService } from './qr-login';
import { STEP_UP_FRESH_MS, StepUpService } from './step-up';
import { TokenService } from './tokens';

async function setup() {
  const store = await PortalStore.open();
  const accounts = new AccountService(store);
  const qrLogin = new QrLoginService(store, accounts, new TokenService(store, 60_000), 60_000);
  const stepUp = new StepUpService(qrLogin);
  const lawyer = async (): Promise<AccountRecord> => {
    const input = { ...lawyerFixture(), faceCheck: 'pass' as const };
    await accounts.activate(input);
    return accounts.requireActivated(input.phone);
  };
  /** A verification confirmed by the account's own phone at `now`. */
  const verify = (account: AccountRecord, action: StepUpAction, now = Date.now()): string => {
    const session = stepUp.start(account, action, now);
    qrLogin.scan(session.qrText, account.phone, now);
    qrLogin.confirm(session.id, account.phone, 'confirm', now);
    return session.id;
  };
  return { stepUp, qrLogin, lawyer, verify };
}

const required = /扫码完成身份核验/;

describe('StepUpService', () => {
  it('lets QR logins do everything but downloads without a scan', async () => {
    const { stepUp, lawyer } = await setup();
    const account = await lawyer();
    for (const action of ['binding', 'appointment', 'review'] as const) {
      expect(() => stepUp.require(account, 'qr', action, undefined)).not.toThrow();
      expect(() => stepUp.require(account, 'sms', action, undefined)).toThrow(required);
      expect(() => stepUp.require(account, 'password', action, undefined)).toThrow(required);
    }
    expect(() => stepUp.require(account, 'qr', 'download', undefined)).toThrow(required);
  });

  it('accepts a verification of this lawyer for this action within 5 minutes', async () => {
    const { stepUp, lawyer, verify } = await setup();
    const account = await lawyer();
    const now = Date.now();
    const id = verify(account, 'binding', now);
    expect(() => stepUp.require(account, 'sms', 'binding', id, now + STEP_UP_FRESH_MS)).not.toThrow();
    // Reusable within its freshness, for its own action only.
    expect(() => stepUp.require(account, 'sms', 'binding', ` ${id} `, now + 1_000)).not.toThrow();
    expect(() => stepUp.require(account, 'sms', 'review', id, now)).toThrow(/该身份核验用于案件绑定/);
    expect(() => stepUp.require(account, 'sms', 'binding', id, now + STEP_UP_FRESH_MS + 1)).toThrow(/超过 5 分钟/);
  });

  it("refuses another lawyer's verification, unconfirmed or cancelled ones, and made-up headers", async () => {
    const { stepUp, qrLogin, lawyer, verify } = await setup();
    const mine = await lawyer();
    const theirs = await lawyer();
    const theirId = verify(theirs, 'download');
    expect(() => stepUp.require(mine, 'qr', 'download', theirId)).toThrow(required);

    const waiting = stepUp.start(mine, 'download');
    expect(() => stepUp.require(mine, 'qr', 'download', waiting.id)).toThrow(required);
    qrLogin.scan(waiting.qrText, mine.phone);
    qrLogin.confirm(waiting.id, mine.phone, 'cancel');
    expect(() => stepUp.require(mine, 'qr', 'download', waiting.id)).toThrow(required);
    expect(() => stepUp.require(mine, 'qr', 'download', 'made-up')).toThrow(required);
    expect(() => stepUp.require(mine, 'qr', 'download', '')).toThrow(required);
  });

  it('is used up by consume', async () => {
    const { stepUp, lawyer, verify } = await setup();
    const account = await lawyer();
    const id = verify(account, 'download');
    stepUp.require(account, 'qr', 'download', id);
    stepUp.consume(id);
    expect(() => stepUp.require(account, 'qr', 'download', id)).toThrow(/已使用/);
    // A second spend (a request that raced past require) is refused.
    expect(() => stepUp.consume(id)).toThrow(/已使用/);
    expect(() => stepUp.consume(undefined)).toThrow(required);
  });

  it('forgets stale verifications', async () => {
    const { stepUp, lawyer, verify } = await setup();
    const account = await lawyer();
    const now = Date.now();
    const id = verify(account, 'review', now);
    stepUp.purge(now + STEP_UP_FRESH_MS + 1);
    expect(() => stepUp.require(account, 'sms', 'review', id, now)).toThrow(required);
  });
});
