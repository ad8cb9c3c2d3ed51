/**
 * Demo cases of a fresh portal, for the seeded lawyer 张明远 (demo-lawyer-registered): approved
 * bindings at pilot units (one with an approved online review awaiting its dossier, one ready for
 * 申请在线阅卷) and at a Kunming unit (where online review is refused), one pending, one rejected
 * with a reason — with their uploaded materials, and the SMS and 消息 the lawyer got for each
 * decision (the older 消息 already read).
 * Ids are fixed so docs and demos can name them.
 */
import { createHash } from 'node:crypto';
import { UPLOAD_KIND_LABELS, type UploadKind } from '../../shared/portal-wire';
import { procuratorateDirectory } from '../data/procuratorates';
import {
  bindingApprovedMessage,
  bindingRejectedMessage,
  reviewApprovedMessage,
  type MessageText,
} from '../services/message-texts';
import { bindingApprovedText, bindingRejectedText, reviewApprovedText } from '../services/sms-texts';
import type { UploadService } from '../services/uploads';
import type { BindingRecord, ReviewRecord, SmsRecord, UploadRecord } from './records';
import type { PortalStore } from './store';

export const DEMO_CASE_LAWYER_ID = 'demo-lawyer-registered';
const DEMO_PHONE = '13800000001';
const DAY_MS = 24 * 60 * 60_000;
/** 消息 about decisions older than this are seeded as read. */
const READ_AFTER_DAYS = 3;

interface DemoBinding {
  id: string;
  procuratorateId: string;
  caseName: string;
  departmentCaseNo: string | null;
  suspectName: string | null;
  clientName: string;
  clientRelation: BindingRecord['clientRelation'];
  status: BindingRecord['status'];
  rejectReason?: string;
  /** Days before now it was filed, and decided. */
  filedDaysAgo: number;
  decidedDaysAgo?: number;
}

export const DEMO_BINDINGS: readonly DemoBinding[] = [
  {
    id: 'demo-binding-fuling',
    procuratorateId: 'cq-fuling',
    caseName: '陈某康危险驾驶案',
    departmentCaseNo: '涪检刑受〔2021〕215号',
    suspectName: '陈某康',
    clientName: '刘芳',
    clientRelation: 'spouse',
    status: 'approved',
    filedDaysAgo: 12,
    decidedDaysAgo: 10,
  },
  {
    id: 'demo-binding-shushan',
    procuratorateId: 'ah-hefei-shushan',
    caseName: '王某盗窃案',
    departmentCaseNo: null,
    suspectName: '王某',
    clientName: '王某',
    clientRelation: 'self',
    status: 'approved',
    filedDaysAgo: 8,
    decidedDaysAgo: 7,
  },
  {
    id: 'demo-binding-wuhua',
    procuratorateId: 'km-wuhua',
    caseName: '李某故意伤害案',
    departmentCaseNo: '五检刑受〔2021〕88号',
    suspectName: null,
    clientName: '李建国',
    clientRelation: 'parent',
    status: 'approved',
    filedDaysAgo: 6,
    decidedDaysAgo: 5,
  },
  {
    id: 'demo-binding-yuzhong',
    procuratorateId: 'cq-yuzhong',
    caseName: '孙某寻衅滋事案',
    departmentCaseNo: null,
    suspectName: '孙某',
    clientName: '孙某',
    clientRelation: 'self',
    status: 'rejected',
    rejectReason: '授权委托书未经委托人签名，请补正后重新申请',
    filedDaysAgo: 4,
    decidedDaysAgo: 3,
  },
  {
    id: 'demo-binding-pudong',
    procuratorateId: 'sh-pudong',
    caseName: '赵某诈骗案',
    departmentCaseNo: '浦检刑受〔2021〕1024号',
    suspectName: '赵某',
    clientName: '赵某',
    clientRelation: 'self',
    status: 'pending',
    filedDaysAgo: 1,
  },
];

/** The 在线阅卷 application on the 涪陵 case: approved, its dossier not yet published. */
export const DEMO_REVIEW_ID = 'demo-review-fuling';
const REVIEW_DECIDED_DAYS_AGO = 2;

const RELATIVES = new Set<BindingRecord['clientRelation']>(['spouse', 'parent', 'child', 'sibling', 'other-relative']);

export async function seedCases(store: PortalStore, uploads: UploadService, now = Date.now()): Promise<void> {
  if (!store.accounts.has(DEMO_CASE_LAWYER_ID)) return;
  const at = (daysAgo: number, extraMs = 0) => new Date(now - daysAgo * DAY_MS + extraMs).toISOString();
  const units = new Map(procuratorateDirectory.map((unit) => [unit.id, unit]));
  const messages: SmsRecord[] = [];
  const notify = (subjectId: string, message: MessageText, daysAgo: number) => {
    const id = `${subjectId}-message`;
    store.messages.set(id, {
      id,
      accountId: DEMO_CASE_LAWYER_ID,
      ...message,
      subjectId,
      createdAt: at(daysAgo),
      read: daysAgo > READ_AFTER_DAYS,
    });
  };

  for (const demo of DEMO_BINDINGS) {
    const kinds: UploadKind[] = ['license', 'power-of-attorney', 'law-firm-letter', 'client-id'];
    if (RELATIVES.has(demo.clientRelation)) kinds.push('kinship-proof');
    const uploadIds: string[] = [];
    for (const kind of kinds) {
      const id = `${demo.id}-${kind}`;
      const bytes = demoPdf(`${kind} / ${demo.id}`);
      await uploads.putBytes(id, bytes);
      const record: UploadRecord = {
        id,
        accountId: DEMO_CASE_LAWYER_ID,
        kind,
        fileName: `${UPLOAD_KIND_LABELS[kind]}.pdf`,
        mimeType: 'application/pdf',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        uploadedAt: at(demo.filedDaysAgo, -60_000),
      };
      store.uploads.set(id, record);
      uploadIds.push(id);
    }

    const decidedAt = demo.decidedDaysAgo === undefined ? null : at(demo.decidedDaysAgo);
    store.bindings.set(demo.id, {
      id: demo.id,
      accountId: DEMO_CASE_LAWYER_ID,
      procuratorateId: demo.procuratorateId,
      caseName: demo.caseName,
      departmentCaseNo: demo.departmentCaseNo,
      suspectName: demo.suspectName,
      role: 'defender',
      clientName: demo.clientName,
      clientRelation: demo.clientRelation,
      uploadIds,
      status: demo.status,
      rejectReason: demo.rejectReason ?? null,
      createdAt: at(demo.filedDaysAgo),
      reviewedAt: decidedAt,
    });

    const shortName = units.get(demo.procuratorateId)?.shortName ?? '';
    const unitName = units.get(demo.procuratorateId)?.name ?? '';
    if (demo.decidedDaysAgo !== undefined) {
      notify(
        demo.id,
        demo.status === 'approved'
          ? bindingApprovedMessage(unitName, demo.caseName)
          : bindingRejectedMessage(unitName, demo.caseName, demo.rejectReason ?? ''),
        demo.decidedDaysAgo,
      );
    }
    if (decidedAt !== null) {
      messages.push({
        id: `${demo.id}-sms`,
        phone: DEMO_PHONE,
        kind: demo.status === 'approved' ? 'binding-approved' : 'binding-rejected',
        text:
          demo.status === 'approved'
            ? bindingApprovedText(shortName)
            : bindingRejectedText(shortName, demo.rejectReason ?? ''),
        sentAt: decidedAt,
      });
    }
  }

  const review: ReviewRecord = {
    id: DEMO_REVIEW_ID,
    accountId: DEMO_CASE_LAWYER_ID,
    bindingId: 'demo-binding-fuling',
    status: 'approved',
    rejectReason: null,
    noticeAcceptedAt: at(9),
    createdAt: at(9),
    reviewedAt: at(REVIEW_DECIDED_DAYS_AGO),
    dossier: null,
    failedDownloadAttempts: 0,
    lockedUntil: null,
  };
  store.reviews.set(review.id, review);
  const fuling = units.get('cq-fuling')?.name ?? '';
  notify(review.id, reviewApprovedMessage(fuling, '陈某康危险驾驶案'), REVIEW_DECIDED_DAYS_AGO);
  messages.push({
    id: `${DEMO_REVIEW_ID}-sms`,
    phone: DEMO_PHONE,
    kind: 'review-approved',
    text: reviewApprovedText(units.get('cq-fuling')?.shortName ?? '', '陈某康危险驾驶案'),
    sentAt: review.reviewedAt ?? review.createdAt,
  });

  // The inbox is in the order sent.
  store.sms.push(...messages.sort((a, b) => a.sentAt.localeCompare(b.sentAt)));
  await store.save();
}

/** A small, valid one-page PDF standing in for a scanned document. */
export function demoPdf(caption: string): Buffer {
  const text = `Demo material: ${caption}`.replace(/[()\\]/g, '');
  const stream = `BT /F1 16 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
