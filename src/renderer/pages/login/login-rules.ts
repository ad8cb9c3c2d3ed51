import type { TFunction } from 'i18next';
import type { Rule } from 'antd/es/form';

/** As the contract checks it: a mainland mobile number. */
export const phonePattern = /^1[3-9]\d{9}$/;
export const smsCodePattern = /^\d{6}$/;

export function phoneRules(t: TFunction): Rule[] {
  return [
    { required: true, whitespace: true, message: t('login.phoneRequired') },
    { pattern: phonePattern, message: t('login.phoneInvalid') },
  ];
}
