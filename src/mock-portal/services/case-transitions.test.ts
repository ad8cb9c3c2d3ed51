/** The prosecutors' side of bindings and reviews, as the console and auto-approve call it. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountRecord, DossierRecord } from '../state/records';
import { PortalStore } from '../state/store';
import { sampleFiles } from '../test-helpers';
import { BindingService } from './bindings';
import { ProcuratorateService } from './procuratorates';
import { ReviewService } from './reviews';
import { UploadService } from './uploads';

let store: PortalStore;
let bindings: BindingService;
let reviews: ReviewService;
let uploads: UploadService;
let lawyer: AccountRecord;

beforeEach(async () => {
  store = await PortalStore.open();
  const procuratorates = new ProcuratorateService();
  uploads = new UploadService(store);
  bindings = new BindingService(store, procuratorates, uploads);
  reviews = new ReviewService(store, procuratorates, bindings);
  lawyer = {
    id: 'lawyer-1',
    name: '张三',
    idNumber: '110105198001010011',
    licenseNumber: '11101201010000001',
    phone: '13800138999',
    activatedAt: new Date().toISOString(),
    registered: true,
    qrAuthorized: true,
    lawFirm: '北京某某律师事务所',
    email: null,
    address: null,
    passwordHash: null,
    failedPasswordAttempts: 0,
    passwordLockedUntil: null,
  };
  store.accounts.set(lawyer.id, lawyer);
});

async function file(procuratorateId = 'ah-province'): Promise<string> {
  const id = async (kind: Parameters<UploadService['create']>[1]['kind']) =>
    (await uploads.create(lawyer, { kind, fileName: `${kind}.pdf`, declaredType: 'application/pdf', bytes: sampleFiles.pdf() })).id;
  const binding = await bindings.create(lawyer, {
    procuratorateId,
    caseName: '王某盗窃案',
    suspectName: '王某',
    departmentCaseNo: undefined,
    role: 'defender',
    clientName: '王某',
    clientRelation: 'self',
    uploads: {
      license: await id('license'),
      powerOfAttorney: await id('power-of-attorney'),
      lawFirmLetter: await id('law-firm-letter'),
      clientId: await id('client-id'),
    },
  });
  return binding.id;
}

const dossier: DossierRecord = {
  fileName: '王某盗窃案.zip',
  format: 'zip',
  size: 1234,
  sha256: 'a'.repeat(64),
  pages: 40,
  storageKey: 'key-1.zip',
  publishedAt: new Date().toISOString(),
  downloadPasswordHash: 'scrypt$salt$hash',
};

describe('BindingService transitions', () => {
  it('approves a pending binding once, answering the record, its unit and the applicant', async () => {
    const id = await file();
    expect(bindings.listPending().map((b) => b.id)).toEqual([id]);
    const decided = await bindings.approve(id);
    expect(decided.binding).toMatchObject({ id, status: 'approved', rejectReason: null, reviewedAt: expect.any(String) });
    expect(decided.procuratorate).toMatchObject({ id: 'ah-province', shortName: '安徽省院' });
    expect(decided.account?.phone).toBe('13800138999');
    expect(bindings.listPending()).toEqual([]);
    expect(bindings.list('approved').map((b) => b.id)).toEqual([id]);

    await expect(bindings.approve(id)).rejects.toMatchObject({ code: 'CONFLICT', message: '该案件绑定申请已审核（已通过），不能再次审核' });
    await expect(bindings.reject(id, '材料不全')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(bindings.approve('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('rejects with a trimmed reason; a blank or overlong reason is refused', async () => {
    const id = await file();
    await expect(bindings.reject(id, '   ')).rejects.toMatchObject({ code: 'VALIDATION', message: '请填写未通过的原因（reason）' });
    await expect(bindings.reject(id, '因'.repeat(201))).rejects.toMatchObject({ code: 'VALIDATION' });
    const decided = await bindings.reject(id, ' 授权委托书未签名 ');
    expect(decided.binding).toMatchObject({ status: 'rejected', rejectReason: '授权委托书未签名' });
    expect(bindings.listOwn(lawyer)[0]).toMatchObject({ status: 'rejected', statusLabel: '未通过', rejectReason: '授权委托书未签名' });
    // A rejected application no longer blocks a new one for the same case.
    await expect(file()).resolves.toEqual(expect.any(String));
  });
});

describe('ReviewService transitions', () => {
  async function applied(): Promise<string> {
    const bindingId = await file();
    await bindings.approve(bindingId);
    return (await reviews.apply(lawyer, bindingId, { noticeVersion: reviews.notice().version })).id;
  }

  it('pending → approved → published, each once, with the dossier visible to the lawyer but not its secrets', async () => {
    const id = await applied();
    expect(reviews.listPending().map((r) => r.id)).toEqual([id]);
    await expect(reviews.publish(id, dossier)).rejects.toMatchObject({ code: 'CONFLICT' });

    const approved = await reviews.approve(id);
    expect(approved.review.status).toBe('approved');
    expect(approved.binding.caseName).toBe('王某盗窃案');
    expect(approved.procuratorate.shortName).toBe('安徽省院');
    expect(approved.account?.id).toBe(lawyer.id);
    expect(reviews.listAwaitingPublish().map((r) => r.id)).toEqual([id]);
    await expect(reviews.approve(id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(reviews.reject(id, '不予准许')).rejects.toMatchObject({ code: 'CONFLICT' });

    const published = await reviews.publish(id, dossier);
    expect(published.review).toMatchObject({ status: 'published', dossier, failedDownloadAttempts: 0, lockedUntil: null });
    expect(reviews.listAwaitingPublish()).toEqual([]);
    await expect(reviews.publish(id, dossier)).rejects.toMatchObject({ code: 'CONFLICT' });

    const [entry] = reviews.appointments(lawyer);
    expect(entry).toMatchObject({
      id,
      type: '在线阅卷',
      status: 'published',
      statusLabel: '卷宗可下载',
      dossier: { fileName: '王某盗窃案.zip', size: 1234, sha256: 'a'.repeat(64), pages: 40, publishedAt: dossier.publishedAt },
    });
    expect(JSON.stringify(entry)).not.toMatch(/storageKey|scrypt|PasswordHash/);
    // Published is done: the lawyer may apply again on the same binding.
    await expect(reviews.apply(lawyer, published.binding.id, { noticeVersion: reviews.notice().version })).resolves.toMatchObject({
      status: 'pending',
    });
  });

  it('rejects a pending review with a reason', async () => {
    const id = await applied();
    const rejected = await reviews.reject(id, '案件尚在侦查阶段');
    expect(rejected.review).toMatchObject({ status: 'rejected', rejectReason: '案件尚在侦查阶段' });
    await expect(reviews.approve(id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(() => reviews.get('nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
