/**
 * The procuratorate directory: 受理单位 choices for 申请绑定, and 帮助 ▸ 联系方式 (the identity
 * verification hotline and the 案管大厅 phone numbers the portal publishes). Public data: no session.
 */
import type { Contacts } from '../../shared/contract';
import type { Procuratorate } from '../../shared/portal-wire';
import type { PortalClient } from '../portal-client';
import { matchesContact } from './contact-filter';

/** 中国律师身份核验 technical support (manual §1). */
export const IDENTITY_HOTLINE = '400-052-9602';

export class DirectoryService {
  /** The directory changes with portal releases, not during a run: fetched once for 联系方式. */
  private units: Promise<Procuratorate[]> | null = null;

  constructor(private readonly portal: PortalClient) {}

  procuratorates(filter: { q?: string; pilot?: boolean }): Promise<Procuratorate[]> {
    return this.portal.procuratorates({ q: filter.q?.trim() || undefined, pilot: filter.pilot });
  }

  async contacts(q?: string): Promise<Contacts> {
    this.units ??= this.portal.procuratorates().catch((error: unknown) => {
      this.units = null;
      throw error;
    });
    const withPhones = (await this.units).filter((unit) => unit.caseHallPhones.length > 0);
    return { hotline: IDENTITY_HOTLINE, units: withPhones.filter((unit) => matchesContact(unit, q ?? '')) };
  }
}
