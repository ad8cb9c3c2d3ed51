// 【粘贴短信】 through core against the real mock portal, keeping the passwords in the real OS keychain
// (on Linux a Secret Service: `npm test` runs gnome-keyring in a private D-Bus session).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockPortal, type MockPortal } from '../../mock-portal';
import { api, lawyerFixture, registerByQr } from '../../mock-portal/test-helpers';
import type { SmsInboxResponse } from '../../shared/portal-wire';
import type { Core } from '../core';
import { dossierPasswordAccount } from '../dossier-passwords';
import { KeychainSecretStore } from '../secrets';
import { base64, CoreHarness, logInByQr, smallPdf } from '../test-harness';

let portal: MockPortal;
const harness = new CoreHarness();
const accounts: string[] = [];

beforeEach(async () => {
  portal = await startMockPortal({ autoApproveMs: 50, dossierPages: 3 });
});
afterEach(async () => {
  const keychain = await KeychainSecretStore.open();
  await Promise.all(accounts.splice(0).map((account) => keychain.delete(account)));
  await harness.closeAll();
  await portal.close();
});

async function upload(core: Core, kind: 'license' | 'power-of-attorney' | 'law-firm-letter' | 'client-id'): Promise<string> {
  return (await core.api['uploads.add']({ kind, fileName: `${kind}.pdf`, dataBase64: base64(await smallPdf(kind)) })).id;
}

/** A lawyer whose online review of `caseName` at 涪陵区院 has been approved and published (auto-approve). */
async function publishedReview(core: Core, caseName: string): Promise<string> {
  const binding = await core.api['bindings.create']({
    procuratorateId: 'cq-fuling',
    caseName,
    suspectName: '陈某',
    role: 'defender',
    clientName: '陈某某',
    clientRelation: 'self',
    uploads: {
      license: await upload(core, 'license'),
      powerOfAttorney: await upload(core, 'power-of-attorney'),
      lawFirmLetter: await upload(core, 'law-firm-letter'),
      clientId: await upload(core, 'client-id'),
    },
  });
  await expect.poll(async () => (await core.api['boundCases.list']({})).length, { timeout: 10_000 }).toBe(1);
  const { version } = await core.api['reviews.notice']({});
  const review = await core.api['reviews.apply']({ bindingId: binding.id, acceptNotice: true, noticeVersion: version });
  await expect
    .poll(async () => (await core.api['appointments.list']({})).find((item) => item.id === review.id)?.status, { timeout: 30_000 })
    .toBe('published');
  accounts.push(dossierPasswordAccount(review.id, 'download'), dossierPasswordAccount(review.id, 'open'));
  return review.id;
}

async function dossierSms(phone: string): Promise<string> {
  const inbox = await api<SmsInboxResponse>(portal.url, 'GET', `/api/phone/sms?phone=${phone}`);
  const text = inbox.body.messages.find((message) => message.kind === 'dossier-ready')?.text;
  if (!text) throw new Error('no dossier-ready SMS');
  return text;
}

describe('sms.paste', () => {
  it('keeps the dossier passwords in the OS keychain for the matching appointment and never returns them', async () => {
    const lawyer = lawyerFixture();
    await registerByQr(portal.url, lawyer);
    const core = await harness.open(portal.url, { secretStore: 'keychain' });
    expect((await core.api['app.info']({})).secretStore).toBe('keychain');
    await logInByQr(core, portal.url, lawyer.phone);
    const reviewId = await publishedReview(core, '陈某危险驾驶案');
    expect((await core.api['appointments.list']({}))[0]?.passwords).toEqual({ download: false, open: false });

    const text = await dossierSms(lawyer.phone);
    const [, download, open] = /卷宗下载密码为：(\d+)，卷宗文档打开密码为：(\d+)/.exec(text) ?? [];
    // As a lawyer pastes it from a phone: line breaks and ASCII punctuation.
    const pasted = text.replace('。', '。\n').replace(/，/g, ', ');
    const result = await core.api['sms.paste']({ text: pasted });
    expect(result).toMatchObject({
      parsed: { kind: 'dossier-ready', caseName: '陈某危险驾驶案', unit: '涪陵区院' },
      attachedTo: { appointmentId: reviewId, caseName: '陈某危险驾驶案' },
    });
    const answered = JSON.stringify(result);
    expect(answered).not.toContain(download);
    expect(answered).not.toContain(open);

    const keychain = await KeychainSecretStore.open();
    expect(await keychain.get(dossierPasswordAccount(reviewId, 'download'))).toBe(download);
    expect(await keychain.get(dossierPasswordAccount(reviewId, 'open'))).toBe(open);
    const [appointment] = await core.api['appointments.list']({});
    expect(appointment).toMatchObject({ id: reviewId, passwords: { download: true, open: true }, library: null });
    expect(JSON.stringify(appointment)).not.toContain(open);
  });

  it('gives 卷宗下载 the pasted download password before the dossier is in 卷宗库', async () => {
    const lawyer = lawyerFixture();
    await registerByQr(portal.url, lawyer);
    const core = await harness.open(portal.url, { secretStore: 'keychain' });
    await logInByQr(core, portal.url, lawyer.phone);
    const reviewId = await publishedReview(core, '陈某危险驾驶案');
    const text = await dossierSms(lawyer.phone);
    const [, download] = /卷宗下载密码为：(\d+)/.exec(text) ?? [];
    expect(await core.api['appointments.downloadPassword']({ appointmentId: reviewId })).toEqual({ download: null });

    await core.api['sms.paste']({ text });
    // No download yet, so no 卷宗库 entry: the library cannot answer, the appointment can.
    await expect(core.api['library.passwords']({ id: reviewId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await core.api['appointments.downloadPassword']({ appointmentId: reviewId })).toEqual({ download });
    // Only for the lawyer's own appointments.
    await expect(core.api['appointments.downloadPassword']({ appointmentId: 'someone-else' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps nothing when no appointment matches, and reads SMS without passwords as they are', async () => {
    const lawyer = lawyerFixture();
    await registerByQr(portal.url, lawyer);
    const core = await harness.open(portal.url);
    await logInByQr(core, portal.url, lawyer.phone);
    const reviewId = await publishedReview(core, '陈某危险驾驶案');
    const text = await dossierSms(lawyer.phone);

    const otherCase = await core.api['sms.paste']({ text: text.replace('陈某危险驾驶案', '王某诈骗案') });
    // A case worked on the real portal's site: kept by its name and unit, not given to an appointment.
    expect(otherCase).toMatchObject({
      parsed: { kind: 'dossier-ready', caseName: '王某诈骗案' },
      attachedTo: null,
      kept: { caseName: '王某诈骗案', unit: '涪陵区院' },
    });
    const otherUnit = await core.api['sms.paste']({ text: text.replace('【涪陵区院】', '【渝中区院】') });
    expect(otherUnit.attachedTo).toBeNull();
    expect((await core.api['appointments.list']({})).find((item) => item.id === reviewId)?.passwords).toEqual({
      download: false,
      open: false,
    });

    const approved = await core.api['sms.paste']({
      text: '您申请的【陈某危险驾驶案】【在线阅卷】审核已通过，卷宗网上处理完成后将短信通知您下载。【涪陵区院】',
    });
    expect(approved).toEqual({
      parsed: { kind: 'review-approved', caseName: '陈某危险驾驶案', unit: '涪陵区院', downloadPassword: null, openPassword: null },
      attachedTo: null,
      kept: null,
      dossier: null,
    });
  });
});
