/** Which appointment a pasted SMS is about: same case name, same unit when the SMS is signed. */
import type { AppointmentView, ReviewStatus } from '../../shared/portal-wire';
import type { ParsedSms } from '../../shared/sms';

/** A dossier SMS follows publication: published first, then approved (the list may lag), then the rest. */
const statusRank: Record<ReviewStatus, number> = { published: 0, approved: 1, pending: 2, rejected: 3 };

/** Compares names as people type them: full-width forms, spaces and case do not matter. */
function comparable(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

export function matchAppointment(sms: Pick<ParsedSms, 'caseName' | 'unit'>, appointments: AppointmentView[]): AppointmentView | null {
  if (!sms.caseName) return null;
  const caseName = comparable(sms.caseName);
  const unit = sms.unit ? comparable(sms.unit) : null;
  const sameUnit = appointments.filter((item) => unit === null || comparable(item.procuratorate.shortName) === unit);
  let candidates = sameUnit.filter((item) => comparable(item.caseName) === caseName);
  // Real SMS carry typos around the name (the manual's own example reads 【陈颖康危险驾驶案称】): when no name
  // matches exactly, accept one that the SMS's name begins with.
  if (candidates.length === 0) candidates = sameUnit.filter((item) => caseName.startsWith(comparable(item.caseName)));
  candidates.sort(
    (a, b) => statusRank[a.status] - statusRank[b.status] || Date.parse(newest(b)) - Date.parse(newest(a)),
  );
  return candidates[0] ?? null;
}

function newest(item: AppointmentView): string {
  return item.dossier?.publishedAt ?? item.reviewedAt ?? item.createdAt;
}
