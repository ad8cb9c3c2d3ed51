/** Portal wire types: the procuratorate directory (受理单位, and 帮助 ▸ 联系方式). */

/** Provinces whose procuratorates offer 在线阅卷 (manual §4: 上海市、安徽省、重庆市 试点). */
export const ONLINE_REVIEW_PILOT_PROVINCES = ['上海市', '安徽省', '重庆市'] as const;

/** GET /api/procuratorates/{id}, and each entry of GET /api/procuratorates */
export interface Procuratorate {
  /** Stable id, e.g. `cq-fuling`. */
  id: string;
  /** Full name, e.g. 重庆市涪陵区人民检察院 */
  name: string;
  /** How it signs its SMS, e.g. 涪陵区院 */
  shortName: string;
  /** e.g. 重庆市 */
  province: string;
  /** e.g. 重庆市 (municipalities name themselves) */
  city: string;
  /** In a pilot province: 申请在线阅卷 is open there. */
  pilot: boolean;
  /** 案管大厅 phone numbers, where published (e.g. the Kunming list of the manual); may be empty. */
  caseHallPhones: string[];
}

/** GET /api/procuratorates?q=&province=&pilot= — q matches name, short name and city. */
export interface ProcuratorateListResponse {
  items: Procuratorate[];
}

/** How other records name their procuratorate. */
export type ProcuratorateRef = Pick<Procuratorate, 'id' | 'name' | 'shortName' | 'province' | 'city'>;
