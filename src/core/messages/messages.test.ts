// 消息 through core: the poller against the real mock portal, a prosecutor deciding at the console.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startMockPortal, type MockPortal } from '../../mock-portal';
import { consoleApprove, lawyerFixture, registerByQr } from '../../mock-portal/test-helpers';
import { dispatchCall } from '../../shared/dispatch';
import type { Core } from '../core';
import { PortalClient } from '../portal-client';
import { base64, CoreHarness, logInByQr, nextEvent, smallPdf } from '../test-harness';

const POLL_MS = 100;
let portal: MockPortal;
const harness = new CoreHarness();

beforeEach(async () => {
  portal = await startMockPortal();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await harness.closeAll();
  await portal.close();
});

async function upload(core: Core, kind: 'license' | 'power-of-attorney' | 'law-firm-letter' | 'client-id'): Promise<string> {
  return (await core.api['uploads.add']({ kind, fileName: `${kind}.pdf`, dataBase64: base64(await smallPdf(kind)) })).id;
}

async function fileBinding(core: Core): Promise<string> {
  const binding = await core.api['bindings.create']({
    procuratorateId: 'sh-pudong',
    caseName: '刘某合同诈骗案',
    departmentCaseNo: '沪浦检刑诉〔2024〕101号',
    role: 'defender',
    clientName: '刘某',
    clientRelation: 'self',
    uploads: {
      license: await upload(core, 'license'),
      powerOfAttorney: await upload(core, 'power-of-attorney'),
      lawFirmLetter: await upload(core, 'law-firm-letter'),
      clientId: await upload(core, 'client-id'),
    },
  });
  return binding.id;
}

describe('messages', () => {
  it('polls while signed in, tells the unread count only when it changes, and stops on sign-out', async () => {
    const polls = vi.spyOn(PortalClient.prototype, 'messages');
    const lawyer = lawyerFixture();
    await registerByQr(portal.url, lawyer);
    const core = await harness.open(portal.url, { messagesPollMs: POLL_MS });
    const told: number[] = [];
    core.on('messages.changed', ({ unread }) => told.push(unread));
    expect(polls).not.toHaveBeenCalled();

    await logInByQr(core, portal.url, lawyer.phone);
    const bindingId = await fileBinding(core);
    expect(await core.api['messages.list']({})).toEqual({ items: [], unread: 0 });

    const arrived = nextEvent(core, 'messages.changed', ({ unread }) => unread === 1);
    await consoleApprove(portal.url, 'bindings', bindingId);
    await arrived;
    const list = await core.api['messages.list']({});
    expect(list.unread).toBe(1);
    expect(list.items).toMatchObject([{ kind: 'binding-approved', subjectId: bindingId, read: false }]);
    expect(JSON.stringify(list)).not.toMatch(/密码为/);

    // Several more polls bring nothing new: nothing more is told.
    const seen = polls.mock.calls.length;
    await expect.poll(() => polls.mock.calls.length, { timeout: 5000 }).toBeGreaterThan(seen + 3);
    expect(told).toEqual([1]);

    const read = await core.api['messages.markRead']({ ids: [list.items[0]!.id] });
    expect(read.unread).toBe(0);
    expect(read.items[0]).toMatchObject({ read: true });
    expect(told).toEqual([1, 0]);
    await expect(dispatchCall(core.api, 'messages.markRead', { ids: [''] })).rejects.toMatchObject({ code: 'VALIDATION' });

    await core.api['auth.logout']({});
    const afterLogout = polls.mock.calls.length;
    // No condition to wait for when nothing should happen: give the poller several periods to misbehave.
    await new Promise((resolve) => setTimeout(resolve, POLL_MS * 5));
    expect(polls.mock.calls.length).toBe(afterLogout);
  });

  it('clears the badge on sign-out and does not poll before 完善信息', async () => {
    const polls = vi.spyOn(PortalClient.prototype, 'messages');
    const lawyer = lawyerFixture();
    await registerByQr(portal.url, lawyer);
    const core = await harness.open(portal.url, { messagesPollMs: POLL_MS });
    await logInByQr(core, portal.url, lawyer.phone);
    const bindingId = await fileBinding(core);
    const arrived = nextEvent(core, 'messages.changed', ({ unread }) => unread === 1);
    await consoleApprove(portal.url, 'bindings', bindingId);
    await arrived;
    const cleared = nextEvent(core, 'messages.changed', ({ unread }) => unread === 0);
    await core.api['auth.logout']({});
    await cleared;

    // A lawyer new to 12309 stops at 授权信息: the portal has nothing for them yet.
    const newcomer = lawyerFixture();
    await fetch(`${portal.url}/api/phone/activate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(newcomer),
    });
    polls.mockClear();
    expect(await logInByQr(core, portal.url, newcomer.phone)).toMatchObject({ stage: 'authorize' });
    await core.api['auth.agree']({});
    expect(polls).not.toHaveBeenCalled();
    const started = vi.waitFor(() => expect(polls).toHaveBeenCalled(), { timeout: 5000 });
    await core.api['auth.completeProfile']({ lawFirm: '上海浦江律师事务所' });
    await started;
  });
});
