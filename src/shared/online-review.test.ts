import { describe, expect, it } from 'vitest';
import { onlineReviewAt } from './online-review';
import type { Procuratorate } from './portal-wire';

const unit = (id: string, province: string, pilot: boolean, caseHallPhones: string[] = []): Procuratorate => ({
  id,
  name: `${id}人民检察院`,
  shortName: id,
  province,
  city: province,
  pilot,
  caseHallPhones,
});

const directory = [unit('cq-fuling', '重庆市', true), unit('km-wuhua', '云南省', false, ['0871-64124443'])];
const bound = (id: string, onlineReviewAvailable: boolean) => ({
  onlineReviewAvailable,
  procuratorate: { id, name: `${id}人民检察院`, shortName: id, province: '', city: '' },
});

describe('onlineReviewAt', () => {
  it('is open at a pilot unit the portal offers it at', () => {
    expect(onlineReviewAt(bound('cq-fuling', true), directory)).toEqual({ available: true, caseHallPhones: [] });
  });

  it('is closed at a unit outside the pilot provinces, with its 案管大厅 numbers for 现场阅卷', () => {
    expect(onlineReviewAt(bound('km-wuhua', false), directory)).toEqual({ available: false, caseHallPhones: ['0871-64124443'] });
    // The directory's no stands even when the portal's flag says otherwise.
    expect(onlineReviewAt(bound('km-wuhua', true), directory).available).toBe(false);
  });

  it('takes the portal at its word for a unit the directory does not know, or without a directory', () => {
    expect(onlineReviewAt(bound('elsewhere', true), directory)).toEqual({ available: true, caseHallPhones: [] });
    expect(onlineReviewAt(bound('elsewhere', false), directory).available).toBe(false);
    expect(onlineReviewAt(bound('cq-fuling', false), null).available).toBe(false);
    expect(onlineReviewAt(bound('km-wuhua', true), null).available).toBe(true);
  });
});
