/**
 * Request schemas of the case operations: procuratorates, uploads, 案件绑定申请, 申请在线阅卷.
 * Messages name the field as the 12309 pages do and by its wire name. Rules that span fields
 * (which documents a relation needs) live in the binding service.
 */
import { z } from 'zod';

const text = (label: string, field: string) =>
  z.string({
    error: (issue) => (issue.input === undefined ? `缺少${label}（${field}）` : `${label}（${field}）必须是文本`),
  });

const noControl = /^[^\p{Cc}\p{Cf}]*$/u;

const recordId = (label: string, field: string) =>
  text(label, field).regex(/^[A-Za-z0-9_-]{1,64}$/, `${label}（${field}）格式不正确`);

/** An optional text field: absent, null and blank all mean "not given". */
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value), schema.optional());

const personName = (label: string, field: string) =>
  text(label, field)
    .trim()
    .min(2, `${label}（${field}）至少 2 个字`)
    .max(50, `${label}（${field}）最多 50 个字`)
    .regex(/^[\p{L}·（）() ]+$/u, `${label}（${field}）只能包含汉字或字母`);

export const idParamsSchema = z.object({ id: recordId('编号', 'id') });
export const bindingIdParamsSchema = z.object({ bindingId: recordId('案件绑定编号', 'bindingId') });

export const procuratorateQuerySchema = z.object({
  q: text('关键词', 'q').trim().max(50, '关键词（q）最多 50 个字').optional(),
  province: text('省份', 'province').trim().max(20, '省份（province）最多 20 个字').optional(),
  pilot: z
    .enum(['true', 'false'], { error: '是否试点（pilot）只能是 true 或 false' })
    .transform((value) => value === 'true')
    .optional(),
});

export const uploadKinds = ['license', 'power-of-attorney', 'legal-aid-letter', 'law-firm-letter', 'client-id', 'kinship-proof'] as const;
export const uploadKindSchema = z.enum(uploadKinds, {
  error: (issue) =>
    issue.input === undefined ? '缺少文件类别（kind）' : `文件类别（kind）只能是 ${uploadKinds.join('、')} 之一`,
});

/** The text fields of POST /api/uploads (the file part is checked by the upload service). */
export const uploadFormSchema = z.object({ kind: uploadKindSchema });

const bindingRoles = ['defender', 'agent'] as const;
const clientRelations = ['self', 'spouse', 'parent', 'child', 'sibling', 'other-relative', 'guardian', 'legal-aid'] as const;

const uploadSlot = (label: string, field: string) => recordId(label, `uploads.${field}`);

export const bindingCreateSchema = z.object({
  procuratorateId: recordId('受理单位', 'procuratorateId'),
  caseName: text('案件名称', 'caseName')
    .trim()
    .min(2, '案件名称（caseName）至少 2 个字')
    .max(100, '案件名称（caseName）最多 100 个字')
    .regex(noControl, '案件名称（caseName）含有不可见字符'),
  departmentCaseNo: optional(
    text('部门受案号', 'departmentCaseNo')
      .trim()
      .max(60, '部门受案号（departmentCaseNo）最多 60 个字')
      .regex(noControl, '部门受案号（departmentCaseNo）含有不可见字符'),
  ),
  suspectName: optional(personName('犯罪嫌疑人姓名', 'suspectName')),
  role: z.enum(bindingRoles, {
    error: (issue) =>
      issue.input === undefined ? '缺少身份类型（role）' : '身份类型（role）只能是 defender（辩护人）或 agent（诉讼代理人）',
  }),
  clientName: personName('委托人', 'clientName'),
  clientRelation: z.enum(clientRelations, {
    error: (issue) =>
      issue.input === undefined ? '缺少委托人关系（clientRelation）' : `委托人关系（clientRelation）只能是 ${clientRelations.join('、')} 之一`,
  }),
  uploads: z.object(
    {
      license: uploadSlot('律师执业证', 'license'),
      powerOfAttorney: optional(uploadSlot('授权委托书', 'powerOfAttorney')),
      legalAidLetter: optional(uploadSlot('法律援助公函', 'legalAidLetter')),
      lawFirmLetter: uploadSlot('律师事务所函', 'lawFirmLetter'),
      clientId: uploadSlot('委托人身份证明', 'clientId'),
      kinshipProof: optional(uploadSlot('亲属关系证明', 'kinshipProof')),
    },
    { error: (issue) => (issue.input === undefined ? '缺少上传材料（uploads）' : '上传材料（uploads）必须是对象') },
  ),
});
export type BindingCreateInput = z.output<typeof bindingCreateSchema>;

export const reviewCreateSchema = z.object({
  acceptNotice: z.literal(true, { error: '须阅读并同意申请在线阅卷须知（acceptNotice 必须为 true）' }),
  noticeVersion: text('须知版本', 'noticeVersion').trim().min(1, '缺少须知版本（noticeVersion）').max(40, '须知版本（noticeVersion）过长'),
});

/** Why a prosecutor did not approve: shown to the lawyer and sent by SMS. */
export const rejectReasonSchema = text('原因', 'reason')
  .trim()
  .min(1, '请填写未通过的原因（reason）')
  .max(200, '原因（reason）最多 200 个字')
  .regex(noControl, '原因（reason）含有不可见字符');
export const rejectBodySchema = z.object({ reason: rejectReasonSchema });
