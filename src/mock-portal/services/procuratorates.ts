import { AppError } from '../../shared/errors';
import type { Procuratorate, ProcuratorateRef } from '../../shared/portal-wire';
import { procuratorateDirectory } from '../data/procuratorates';

export interface ProcuratorateFilter {
  /** Part of the name, short name or city. */
  q?: string;
  /** Exact province, with or without its 省/市 suffix (重庆 or 重庆市). */
  province?: string;
  pilot?: boolean;
}

export const REVIEW_PILOT_NOTE = '目前仅上海市、安徽省、重庆市检察机关试点开通在线阅卷功能';

/** The procuratorate directory: read-only, the same for every lawyer. */
export class ProcuratorateService {
  private readonly byId = new Map<string, Readonly<Procuratorate>>();

  constructor(private readonly directory: readonly Readonly<Procuratorate>[] = procuratorateDirectory) {
    for (const unit of directory) this.byId.set(unit.id, unit);
  }

  list(filter: ProcuratorateFilter = {}): Procuratorate[] {
    const q = filter.q?.trim().toLowerCase();
    const province = filter.province?.trim();
    return this.directory
      .filter(
        (unit) =>
          (!q || [unit.name, unit.shortName, unit.city].some((text) => text.toLowerCase().includes(q))) &&
          (!province || unit.province === province || unit.province === `${province}省` || unit.province === `${province}市`) &&
          (filter.pilot === undefined || unit.pilot === filter.pilot),
      )
      .map(copyOf);
  }

  find(id: string): Readonly<Procuratorate> | undefined {
    return this.byId.get(id);
  }

  /** The unit, or NOT_FOUND. */
  get(id: string): Procuratorate {
    const unit = this.byId.get(id);
    if (!unit) throw new AppError('NOT_FOUND', `检察院不存在：${id}`);
    return copyOf(unit);
  }

  /** How other records name the unit; records only hold ids the directory had when they were made. */
  ref(id: string): ProcuratorateRef {
    const unit = this.byId.get(id);
    if (!unit) return { id, name: '（未知单位）', shortName: '（未知单位）', province: '', city: '' };
    return { id: unit.id, name: unit.name, shortName: unit.shortName, province: unit.province, city: unit.city };
  }

  /** 申请在线阅卷 is open only at pilot units: otherwise REVIEW_UNAVAILABLE naming the unit. */
  requireOnlineReview(id: string): void {
    const unit = this.byId.get(id);
    if (!unit?.pilot) throw new AppError('REVIEW_UNAVAILABLE', `${REVIEW_PILOT_NOTE}，${unit?.name ?? '该单位'}暂未开通`);
  }
}

function copyOf(unit: Readonly<Procuratorate>): Procuratorate {
  return { ...unit, caseHallPhones: [...unit.caseHallPhones] };
}
