/** 联系方式 search: what a lawyer may type to find a procuratorate's 案管大厅 number. */
import type { Procuratorate } from '../../shared/portal-wire';

/** Name, short name or city contain the query; or, when it has digits, one of the phone numbers does. */
export function matchesContact(unit: Pick<Procuratorate, 'name' | 'shortName' | 'city' | 'caseHallPhones'>, query: string): boolean {
  const q = query.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (q === '') return true;
  if ([unit.name, unit.shortName, unit.city].some((text) => text.toLowerCase().includes(q))) return true;
  const digits = q.replace(/\D/g, '');
  // Only a query that is a phone number (digits with the usual separators) searches the numbers.
  if (digits === '' || !/^[\d\-()（）+]+$/.test(q)) return false;
  return unit.caseHallPhones.some((phone) => phone.replace(/\D/g, '').includes(digits));
}
