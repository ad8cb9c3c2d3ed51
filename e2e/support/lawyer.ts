import { randomInt } from 'node:crypto';

export interface TestLawyer {
  name: string;
  idNumber: string;
  licenseNumber: string;
  phone: string;
  lawFirm: string;
}

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
const givenNames = ['建国', '晓明', '丽华', '志强', '雅琴', '文博', '思远', '静怡'];

/** GB 11643 check character of an 18-character mainland ID number. */
function idCheckCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return '10X98765432'[sum % 11]!;
}

function digits(count: number): string {
  return Array.from({ length: count }, () => randomInt(10)).join('');
}

/** A fresh, valid-looking lawyer identity, distinct per test so tests never share an account. */
export function newLawyer(): TestLawyer {
  const first17 = `500102${1970 + randomInt(30)}0${1 + randomInt(9)}1${randomInt(10)}${digits(3)}`;
  return {
    name: `${surnames[randomInt(surnames.length)]}${givenNames[randomInt(givenNames.length)]}`,
    idNumber: `${first17}${idCheckCharacter(first17)}`,
    licenseNumber: `150012019${digits(8)}`,
    phone: `13${digits(9)}`,
    lawFirm: '重庆渝州律师事务所',
  };
}
