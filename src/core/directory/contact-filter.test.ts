import { describe, expect, it } from 'vitest';
import { matchesContact } from './contact-filter';

const wuhua = { name: '昆明市五华区人民检察院', shortName: '五华区院', city: '昆明市', caseHallPhones: ['0871-64124443'] };

describe('matchesContact', () => {
  it('finds a unit by name, short name or city', () => {
    expect(matchesContact(wuhua, '五华')).toBe(true);
    expect(matchesContact(wuhua, ' 五华区院 ')).toBe(true);
    expect(matchesContact(wuhua, '昆明')).toBe(true);
    expect(matchesContact(wuhua, '盘龙')).toBe(false);
  });

  it('finds a unit by its phone digits, with or without separators', () => {
    expect(matchesContact(wuhua, '64124443')).toBe(true);
    expect(matchesContact(wuhua, '0871-6412')).toBe(true);
    expect(matchesContact(wuhua, '０８７１６４１２')).toBe(true);
    expect(matchesContact(wuhua, '66106008')).toBe(false);
  });

  it('does not read the digits of a mixed query as a phone number', () => {
    expect(matchesContact(wuhua, '五华0871')).toBe(false);
  });

  it('matches everything when the query is empty', () => {
    expect(matchesContact(wuhua, '')).toBe(true);
    expect(matchesContact(wuhua, '   ')).toBe(true);
  });
});
