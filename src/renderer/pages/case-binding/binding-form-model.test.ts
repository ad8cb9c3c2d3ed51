import { describe, expect, it } from 'vitest';
import { bindingCreateInput } from '../../../shared/contract';
import { hasCaseReference, toBindingInput, uploadSlotsFor } from './binding-form-model';

const slots = (relation: Parameters<typeof uploadSlotsFor>[0]) => uploadSlotsFor(relation).map((s) => s.slot);

describe('uploadSlotsFor', () => {
  it('asks for 授权委托书 normally and 法律援助公函 for 法律援助', () => {
    expect(slots('self')).toEqual(['license', 'powerOfAttorney', 'lawFirmLetter', 'clientId']);
    expect(slots('legal-aid')).toEqual(['license', 'legalAidLetter', 'lawFirmLetter', 'clientId']);
  });
  it('adds 亲属关系证明 only for relatives', () => {
    for (const relative of ['spouse', 'parent', 'child', 'sibling', 'other-relative'] as const) {
      expect(slots(relative)).toContain('kinshipProof');
    }
    expect(slots('guardian')).not.toContain('kinshipProof');
    expect(slots('self')).not.toContain('kinshipProof');
    expect(slots(undefined)).not.toContain('kinshipProof');
  });
});

describe('hasCaseReference', () => {
  it('needs 部门受案号 or 犯罪嫌疑人姓名, blanks not counting', () => {
    expect(hasCaseReference({ departmentCaseNo: '涪检刑受〔2024〕12号' })).toBe(true);
    expect(hasCaseReference({ suspectName: '陈颖康' })).toBe(true);
    expect(hasCaseReference({ departmentCaseNo: '  ', suspectName: '' })).toBe(false);
    expect(hasCaseReference({})).toBe(false);
  });
});

describe('toBindingInput', () => {
  const base = {
    procuratorateId: 'cq-fuling',
    caseName: ' 陈颖康危险驾驶案 ',
    departmentCaseNo: '',
    suspectName: '陈颖康',
    role: 'defender' as const,
    clientName: '陈颖康',
  };

  it('trims, leaves out blanks, and passes the contract schema', () => {
    const input = toBindingInput({
      ...base,
      clientRelation: 'spouse',
      uploads: { license: 'u1', powerOfAttorney: 'u2', lawFirmLetter: 'u3', clientId: 'u4', kinshipProof: 'u5' },
    });
    expect(input.caseName).toBe('陈颖康危险驾驶案');
    expect(input).not.toHaveProperty('departmentCaseNo');
    expect(input.uploads).toEqual({ license: 'u1', powerOfAttorney: 'u2', lawFirmLetter: 'u3', clientId: 'u4', kinshipProof: 'u5' });
    expect(bindingCreateInput.safeParse(input).success).toBe(true);
  });

  it('drops uploads the chosen relation does not ask for', () => {
    const input = toBindingInput({
      ...base,
      clientRelation: 'legal-aid',
      uploads: { license: 'u1', powerOfAttorney: 'old', legalAidLetter: 'u2', lawFirmLetter: 'u3', clientId: 'u4', kinshipProof: 'old' },
    });
    expect(input.uploads).toEqual({ license: 'u1', legalAidLetter: 'u2', lawFirmLetter: 'u3', clientId: 'u4' });
  });

  it('yields an input the contract refuses when the case reference is missing', () => {
    const input = toBindingInput({
      ...base,
      suspectName: ' ',
      clientRelation: 'self',
      uploads: { license: 'u1', powerOfAttorney: 'u2', lawFirmLetter: 'u3', clientId: 'u4' },
    });
    expect(bindingCreateInput.safeParse(input).success).toBe(false);
  });
});
