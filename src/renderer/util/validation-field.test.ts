import { describe, expect, it } from 'vitest';
import { validationField } from './validation-field';

const fields = { lawFirm: ['律师事务所', 'lawFirm'], email: ['邮箱', 'email'], address: ['地址'] } as const;

describe('validationField', () => {
  it('reads the dispatch format `field: reason`', () => {
    expect(validationField('email: 电子邮箱格式不正确', fields)).toEqual({ field: 'email', reason: '电子邮箱格式不正确' });
  });
  it('recognises a field by its words in a plain message', () => {
    expect(validationField('律师事务所名称至少 2 个字', fields)).toEqual({
      field: 'lawFirm',
      reason: '律师事务所名称至少 2 个字',
    });
  });
  it('returns null when the message is about no known field', () => {
    expect(validationField('phone: bad', fields)).toBeNull();
    expect(validationField('请求过于频繁', fields)).toBeNull();
  });
});
