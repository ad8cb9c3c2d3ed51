import { describe, expect, it } from 'vitest';
import type { AppointmentView, ReviewStatus } from '../../shared/portal-wire';
import { matchAppointment } from './match-appointment';

function appointment(id: string, caseName: string, shortName: string, status: ReviewStatus, createdAt: string): AppointmentView {
  return {
    id,
    type: '在线阅卷',
    bindingId: `b-${id}`,
    caseName,
    procuratorate: { id: `u-${shortName}`, name: shortName, shortName, province: '重庆市', city: '重庆市' },
    status,
    statusLabel: status,
    rejectReason: null,
    createdAt,
    reviewedAt: status === 'pending' ? null : createdAt,
    dossier:
      status === 'published'
        ? { fileName: `${caseName}.zip`, size: 1, sha256: 'a'.repeat(64), pages: 10, publishedAt: createdAt }
        : null,
  };
}

const list = [
  appointment('old-published', '陈某危险驾驶案', '涪陵区院', 'published', '2024-01-01T00:00:00Z'),
  appointment('new-published', '陈某危险驾驶案', '涪陵区院', 'published', '2024-03-01T00:00:00Z'),
  appointment('newer-approved', '陈某危险驾驶案', '涪陵区院', 'approved', '2024-05-01T00:00:00Z'),
  appointment('other-unit', '陈某危险驾驶案', '渝中区院', 'published', '2024-06-01T00:00:00Z'),
  appointment('other-case', '李某盗窃案', '涪陵区院', 'published', '2024-06-01T00:00:00Z'),
];

describe('matchAppointment', () => {
  it('prefers the newest published appointment of the case at the signing unit', () => {
    expect(matchAppointment({ caseName: '陈某危险驾驶案', unit: '涪陵区院' }, list)?.id).toBe('new-published');
  });

  it('takes the manual’s typo after the name (【陈颖康危险驾驶案称】) as that case, but only when no name matches exactly', () => {
    const withManualCase = [...list, appointment('manual', '陈颖康危险驾驶案', '涪陵区院', 'published', '2024-01-01T00:00:00Z')];
    expect(matchAppointment({ caseName: '陈颖康危险驾驶案称', unit: '涪陵区院' }, withManualCase)?.id).toBe('manual');
    expect(matchAppointment({ caseName: '陈颖康危险驾驶案称', unit: '渝中区院' }, withManualCase)).toBeNull();
    expect(matchAppointment({ caseName: '陈某危险驾驶案', unit: '涪陵区院' }, withManualCase)?.id).toBe('new-published');
  });

  it('falls back to an approved one, and ignores width and spaces', () => {
    const onlyApproved = list.filter((item) => item.status !== 'published');
    expect(matchAppointment({ caseName: ' 陈某危险驾驶案 ', unit: '涪陵区院' }, onlyApproved)?.id).toBe('newer-approved');
  });

  it('uses the unit only when the SMS names one', () => {
    expect(matchAppointment({ caseName: '陈某危险驾驶案', unit: null }, list)?.id).toBe('other-unit');
    expect(matchAppointment({ caseName: '陈某危险驾驶案', unit: '渝中区院' }, list)?.id).toBe('other-unit');
  });

  it('matches nothing without a case name or for another case', () => {
    expect(matchAppointment({ caseName: null, unit: '涪陵区院' }, list)).toBeNull();
    expect(matchAppointment({ caseName: '王某诈骗案', unit: '涪陵区院' }, list)).toBeNull();
  });
});
