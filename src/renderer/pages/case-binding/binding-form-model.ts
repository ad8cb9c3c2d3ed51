import type { CallInput } from '../../../shared/contract';
import type { BindingRole, BindingUploads, ClientRelation, UploadKind } from '../../../shared/portal-wire';

/** 身份类型, in the form's order. */
export const roles: readonly BindingRole[] = ['defender', 'agent'];

/** 与犯罪嫌疑人关系, in the form's order. */
export const relations: readonly ClientRelation[] = [
  'self',
  'spouse',
  'parent',
  'child',
  'sibling',
  'other-relative',
  'guardian',
  'legal-aid',
];

const relatives: ReadonlySet<ClientRelation> = new Set(['spouse', 'parent', 'child', 'sibling', 'other-relative']);

/** One upload slot of the form: the key in `uploads` and the kind the portal files it under. */
export interface UploadSlot {
  slot: keyof BindingUploads;
  kind: UploadKind;
}

/**
 * The materials the form asks for: always 律师执业证, 律师事务所函 and 委托人身份证明; 授权委托书,
 * or 法律援助公函 for 法律援助; and 亲属关系证明 when the 委托人 is a relative of the suspect.
 */
export function uploadSlotsFor(relation: ClientRelation | undefined): UploadSlot[] {
  const slots: UploadSlot[] = [{ slot: 'license', kind: 'license' }];
  slots.push(
    relation === 'legal-aid'
      ? { slot: 'legalAidLetter', kind: 'legal-aid-letter' }
      : { slot: 'powerOfAttorney', kind: 'power-of-attorney' },
  );
  slots.push({ slot: 'lawFirmLetter', kind: 'law-firm-letter' }, { slot: 'clientId', kind: 'client-id' });
  if (relation && relatives.has(relation)) slots.push({ slot: 'kinshipProof', kind: 'kinship-proof' });
  return slots;
}

/** What the form holds (uploads by slot: the upload ids the portal returned). */
export interface BindingFormValues {
  procuratorateId?: string;
  caseName?: string;
  departmentCaseNo?: string;
  suspectName?: string;
  role?: BindingRole;
  clientName?: string;
  clientRelation?: ClientRelation;
  uploads?: Partial<Record<keyof BindingUploads, string>>;
}

const text = (value: string | undefined) => value?.trim() ?? '';

/** 部门受案号 and 犯罪嫌疑人姓名: at least one of the two. */
export function hasCaseReference(values: Pick<BindingFormValues, 'departmentCaseNo' | 'suspectName'>): boolean {
  return text(values.departmentCaseNo) !== '' || text(values.suspectName) !== '';
}

/**
 * The `bindings.create` input from validated form values: trimmed, empty optional fields left out,
 * and only the uploads the chosen relation asks for (a slot filled before the relation changed is dropped).
 */
export function toBindingInput(values: BindingFormValues): CallInput<'bindings.create'> {
  const uploads: Partial<BindingUploads> = {};
  for (const { slot } of uploadSlotsFor(values.clientRelation)) {
    const id = values.uploads?.[slot];
    if (id) uploads[slot] = id;
  }
  const departmentCaseNo = text(values.departmentCaseNo);
  const suspectName = text(values.suspectName);
  return {
    procuratorateId: values.procuratorateId ?? '',
    caseName: text(values.caseName),
    ...(departmentCaseNo ? { departmentCaseNo } : {}),
    ...(suspectName ? { suspectName } : {}),
    role: values.role ?? 'defender',
    clientName: text(values.clientName),
    clientRelation: values.clientRelation ?? 'self',
    uploads: {
      license: uploads.license ?? '',
      lawFirmLetter: uploads.lawFirmLetter ?? '',
      clientId: uploads.clientId ?? '',
      ...(uploads.powerOfAttorney ? { powerOfAttorney: uploads.powerOfAttorney } : {}),
      ...(uploads.legalAidLetter ? { legalAidLetter: uploads.legalAidLetter } : {}),
      ...(uploads.kinshipProof ? { kinshipProof: uploads.kinshipProof } : {}),
    },
  };
}

/** Words by which server validation messages name each field (see validationField). */
export const bindingFieldWords = {
  procuratorateId: ['procuratorateId', '受理单位'],
  caseName: ['caseName', '案件名称'],
  departmentCaseNo: ['departmentCaseNo', '部门受案号'],
  suspectName: ['suspectName', '犯罪嫌疑人'],
  role: ['role', '身份类型'],
  clientName: ['clientName', '委托人姓名'],
  clientRelation: ['clientRelation', '关系'],
} as const;
