/**
 * Demo lawyers of a fresh portal, with fixed ids so seeded cases and docs can name them. Their
 * identities are valid (ID check digit, 17-digit licence numbers) but invented.
 */
import { hashPassword } from '../services/password-hash';
import { idNumberCheckChar } from '../validation/id-number';
import type { AccountRecord } from './records';
import type { PortalStore } from './store';

/** The 12309 password of the seeded lawyers registered there; documented in `dossier portal --help`. */
export const DEMO_PASSWORD = 'Demo@12309';

export interface DemoLawyer {
  id: string;
  name: string;
  idNumber: string;
  licenseNumber: string;
  phone: string;
  /** What the demo shows with this lawyer. */
  role: string;
}

function validIdNumber(first17: string): string {
  return `${first17}${idNumberCheckChar(first17) ?? ''}`;
}

export const DEMO_LAWYERS: readonly DemoLawyer[] = [
  {
    id: 'demo-lawyer-registered',
    name: '张明远',
    idNumber: validIdNumber('50010219850315213'),
    licenseNumber: '15001201510123456',
    phone: '13800000001',
    role: '已激活、已注册12309，可扫码、短信或密码登录',
  },
  {
    id: 'demo-lawyer-new',
    name: '李思远',
    idNumber: validIdNumber('34010419900708162'),
    licenseNumber: '13401201910234567',
    phone: '13800000002',
    role: '已激活、从未登录，扫码后需授权并完善信息',
  },
  {
    id: 'demo-lawyer-portal-only',
    name: '王建华',
    idNumber: validIdNumber('31010419781122351'),
    licenseNumber: '13101200810345678',
    phone: '13800000003',
    role: '已注册12309（密码），尚未激活身份核验小程序',
  },
];

/** Where each demo lawyer stands with the phone app and with 12309. */
const standing: Record<string, Partial<AccountRecord> & { password: boolean }> = {
  'demo-lawyer-registered': {
    registered: true,
    qrAuthorized: true,
    lawFirm: '重庆渝州律师事务所',
    email: 'zhangmingyuan@example.com',
    address: '重庆市涪陵区兴华中路 18 号',
    password: true,
  },
  'demo-lawyer-new': { password: false },
  // Registered at 12309 by password long ago, phone app never activated: activation must bind 13800000003.
  'demo-lawyer-portal-only': { activatedAt: null, registered: true, lawFirm: '上海浦江律师事务所', password: true },
};

export async function seedLawyers(store: PortalStore, now = new Date()): Promise<void> {
  for (const lawyer of DEMO_LAWYERS) {
    const { password, ...details } = standing[lawyer.id] ?? { password: false };
    const account: AccountRecord = {
      id: lawyer.id,
      name: lawyer.name,
      idNumber: lawyer.idNumber,
      licenseNumber: lawyer.licenseNumber,
      phone: lawyer.phone,
      activatedAt: now.toISOString(),
      registered: false,
      qrAuthorized: false,
      lawFirm: null,
      email: null,
      address: null,
      // Each record gets its own salt, as any password would.
      passwordHash: password ? await hashPassword(DEMO_PASSWORD) : null,
      failedPasswordAttempts: 0,
      passwordLockedUntil: null,
      ...details,
    };
    store.accounts.set(account.id, account);
  }
  await store.save();
}
