import { describe, expect, it } from 'vitest';
import { windowsSevenZipName } from './seven-zip-names';

describe('windowsSevenZipName', () => {
  it.each([
    ['CON', '_CON'],
    ['卷/aux.txt', '卷/_aux.txt'],
    ['com1.pdf', '_com1.pdf'],
    ['console.txt', 'console.txt'],
    ['name. ', 'name__'],
    ['a<b>|c?.txt', 'a_b__c_.txt'],
    ['第一卷/起诉书.pdf', '第一卷/起诉书.pdf'],
  ])('%j is written by 7-Zip for Windows as %j', (name, written) => {
    expect(windowsSevenZipName(name)).toBe(written);
  });
});
