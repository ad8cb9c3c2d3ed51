/**
 * Whether 申请在线阅卷 is open for a bound case (manual §4: 目前，上海市、安徽省、重庆市检察机关试点开通
 * 在线阅卷功能). The portal says so for each bound case; the directory says which units are pilots.
 * Either saying no is a no: the lawyer is told before trying, not by a refusal.
 */
import type { BoundCaseView, Procuratorate } from './portal-wire';

export interface OnlineReviewAt {
  available: boolean;
  /** The unit's 案管大厅 numbers, for arranging 现场阅卷 where online review is not open. */
  caseHallPhones: string[];
}

export function onlineReviewAt(
  boundCase: Pick<BoundCaseView, 'onlineReviewAvailable' | 'procuratorate'>,
  directory: readonly Procuratorate[] | null,
): OnlineReviewAt {
  const unit = directory?.find((entry) => entry.id === boundCase.procuratorate.id);
  // A unit the directory does not list (or no directory at hand): the portal's word stands.
  const available = boundCase.onlineReviewAvailable && (unit ? unit.pilot : true);
  return { available, caseHallPhones: unit ? [...unit.caseHallPhones] : [] };
}
