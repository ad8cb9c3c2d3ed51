// Case binding, online review and appointments through core, against the real mock portal over HTTP.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockPortal, type MockPortal } from '../../mock-portal';
import { consoleApprove, lawyerFixture, registerByQr } from '../../mock-portal/test-helpers';
import type { CallInput } from '../../shared/contract';
import { dispatchCall } from '../../shared/dispatch';
import type { Core } from '../core';
import { base64, CoreHarness, logInByQr, smallPdf, verifyByPhone } from '../test-harness';

let portal: MockPortal;
const harness = new CoreHarness();

beforeEach(async () => {
  portal = await startMockPortal();
});
afterEach(async () => {
  await harness.closeAll();
  await portal.close();
});

/** A lawyer registered at 12309, signed in to a fresh core by QR. */
async function qrLawyer(): Promise<{ core: Core; phone: string }> {
  const lawyer = lawyerFixture();
  await registerByQr(portal.url, lawyer);
  const core = await harness.open(portal.url);
  expect(await logInByQr(core, portal.url, lawyer.phone)).toMatchObject({ stage: 'ready' });
  return { core, phone: lawyer.phone };
}

/** The demo lawyer registered with a password (see `dossier portal --help`), signed in by password. */
async function passwordLawyer(): Promise<{ core: Core; phone: string }> {
  const core = await harness.open(portal.url);
  expect(await core.api['auth.passwordLogin']({ phone: '13800000001', password: 'Demo@12309' })).toMatchObject({
    stage: 'ready',
  });
  return { core, phone: '13800000001' };
}

async function upload(core: Core, kind: CallInput<'uploads.add'>['kind']): Promise<string> {
  const view = await core.api['uploads.add']({ kind, fileName: `${kind}.pdf`, dataBase64: base64(await smallPdf(kind)) });
  return view.id;
}

async function bindingForm(core: Core, fields: Partial<CallInput<'bindings.create'>> = {}): Promise<CallInput<'bindings.create'>> {
  return {
    procuratorateId: 'cq-fuling',
    caseName: '陈某危险驾驶案',
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
    ...fields,
  };
}

describe('uploads.add', () => {
  it('uploads a real PDF and refuses content that is not what it claims', async () => {
    const { core } = await qrLawyer();
    const pdf = await smallPdf('License');
    const view = await core.api['uploads.add']({ kind: 'license', fileName: ' 律师执业证.pdf ', dataBase64: base64(pdf) });
    expect(view).toMatchObject({ kind: 'license', fileName: '律师执业证.pdf', mimeType: 'application/pdf', size: pdf.length });
    expect(view.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));

    const forged = Buffer.from('MZ this is a program, not a scan');
    await expect(
      core.api['uploads.add']({ kind: 'license', fileName: '执业证.pdf', dataBase64: forged.toString('base64') }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    await expect(
      core.api['uploads.add']({ kind: 'license', fileName: '执业证.pdf', dataBase64: png.toString('base64') }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('.pdf') });
    await expect(dispatchCall(core.api, 'uploads.add', { kind: 'photo', fileName: 'a.pdf', dataBase64: 'JVBERi0=' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(core.api['uploads.add']({ kind: 'license', fileName: 'a.pdf', dataBase64: '%%%%' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});

describe('bindings, bound cases, online review and appointments', () => {
  it('walks 申请绑定 → 已通过 → 申请在线阅卷 → 辩护与代理网上预约 for a QR login, with no scan asked', async () => {
    const { core } = await qrLawyer();
    expect(await core.api['bindings.list']({})).toEqual([]);
    const created = await core.api['bindings.create'](await bindingForm(core));
    expect(created).toMatchObject({ status: 'pending', statusLabel: '待审核', caseName: '陈某危险驾驶案' });
    expect(created.procuratorate).toMatchObject({ id: 'cq-fuling', shortName: '涪陵区院' });
    expect(created.uploads).toHaveLength(4);
    expect(await core.api['boundCases.list']({})).toEqual([]);

    await consoleApprove(portal.url, 'bindings', created.id);
    expect(await core.api['bindings.list']({})).toMatchObject([{ id: created.id, status: 'approved', statusLabel: '已通过' }]);
    const [bound] = await core.api['boundCases.list']({});
    expect(bound).toMatchObject({ bindingId: created.id, onlineReviewAvailable: true, review: null });

    const notice = await core.api['reviews.notice']({});
    expect(notice.title).toBe('申请在线阅卷须知');
    await expect(
      dispatchCall(core.api, 'reviews.apply', { bindingId: created.id, acceptNotice: false, noticeVersion: notice.version }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    const review = await core.api['reviews.apply']({ bindingId: created.id, acceptNotice: true, noticeVersion: notice.version });
    expect(review).toMatchObject({ bindingId: created.id, status: 'pending' });

    const appointments = await core.api['appointments.list']({});
    expect(appointments).toMatchObject([
      { id: review.id, type: '在线阅卷', caseName: '陈某危险驾驶案', status: 'pending', passwords: { download: false, open: false } },
    ]);
  });

  it('passes STEP_UP_REQUIRED through for a password login, and binds once the phone confirmed a verification', async () => {
    const { core, phone } = await passwordLawyer();
    const form = await bindingForm(core, { caseName: '周某盗窃案', suspectName: '周某' });
    await expect(core.api['bindings.create'](form)).rejects.toMatchObject({ code: 'STEP_UP_REQUIRED' });
    // Still signed in: only the action was refused.
    expect(await core.api['auth.session']({})).toMatchObject({ status: 'signed-in' });

    const stepUpId = await verifyByPhone(core, portal.url, phone, 'binding');
    const created = await core.api['bindings.create']({ ...form, stepUpId });
    expect(created).toMatchObject({ caseName: '周某盗窃案', status: 'pending' });

    await consoleApprove(portal.url, 'bindings', created.id);
    const { version } = await core.api['reviews.notice']({});
    const application = { bindingId: created.id, acceptNotice: true as const, noticeVersion: version };
    await expect(core.api['reviews.apply'](application)).rejects.toMatchObject({ code: 'STEP_UP_REQUIRED' });
    // A verification is for one action: the binding's does not open the review.
    await expect(core.api['reviews.apply']({ ...application, stepUpId })).rejects.toMatchObject({ code: 'STEP_UP_REQUIRED' });
    const reviewStepUp = await verifyByPhone(core, portal.url, phone, 'review');
    expect(await core.api['reviews.apply']({ ...application, stepUpId: reviewStepUp })).toMatchObject({ status: 'pending' });
  });

  it('refuses online review at a procuratorate outside the pilot provinces', async () => {
    const { core } = await qrLawyer();
    const created = await core.api['bindings.create'](await bindingForm(core, { procuratorateId: 'bj-haidian' }));
    await consoleApprove(portal.url, 'bindings', created.id);
    const [bound] = await core.api['boundCases.list']({});
    expect(bound).toMatchObject({ bindingId: created.id, onlineReviewAvailable: false });
    const { version } = await core.api['reviews.notice']({});
    await expect(
      core.api['reviews.apply']({ bindingId: created.id, acceptNotice: true, noticeVersion: version }),
    ).rejects.toMatchObject({ code: 'REVIEW_UNAVAILABLE', message: expect.stringContaining('北京市海淀区人民检察院') });
  });

  it('refuses a form the contract does not accept before it reaches core or the portal', async () => {
    const { core } = await qrLawyer();
    const form = await bindingForm(core);
    await expect(dispatchCall(core.api, 'bindings.create', { ...form, departmentCaseNo: undefined, suspectName: undefined })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('部门受案号和犯罪嫌疑人姓名至少填写一项'),
    });
    await expect(dispatchCall(core.api, 'bindings.create', { ...form, uploads: { ...form.uploads, license: '' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('请上传律师执业证'),
    });
    // The portal's own checks come back unchanged: relatives need a 亲属关系证明.
    await expect(core.api['bindings.create']({ ...form, clientRelation: 'spouse' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('亲属关系证明'),
    });
    expect(await core.api['bindings.list']({})).toEqual([]);
  });
});
