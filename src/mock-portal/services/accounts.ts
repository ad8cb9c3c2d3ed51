import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type {
  AccountStage,
  CompleteProfileRequest,
  MeResponse,
  PhoneActivateRequest,
  PhoneActivateResponse,
} from '../../shared/portal-wire';
import type { AccountRecord, LoginMethod } from '../state/records';
import type { PortalStore } from '../state/store';
import { maskIdNumber } from '../validation/id-number';

export const FACE_CHECK_FAILED_MESSAGE =
  '人脸识别验证未通过。请仔细核对输入信息，确认无误仍无法通过验证，请联系技术支持，服务热线：400-052-9602';

export const REGISTERED_PHONE_MISMATCH_MESSAGE = '该手机号与12309中国检察网注册手机号不一致';

/**
 * Lawyers as the two systems know them: the identity verified by the 中国律师身份核验
 * mini-program (activation), and their standing at 12309 (`registered`, `qrAuthorized`). One
 * record per ID number serves both, so the phone the app binds is the phone 12309 knows.
 */
export class AccountService {
  constructor(private readonly store: PortalStore) {}

  /**
   * Activation (manual §1). Same phone and identity again is a no-op (`created: false`). A lawyer
   * 12309 already knows (registered there, app not yet activated) activates their record, and only
   * with the phone registered at 12309.
   */
  async activate(input: Required<PhoneActivateRequest>): Promise<{ created: boolean; lawyer: PhoneActivateResponse }> {
    if (input.faceCheck === 'fail') throw new AppError('FACE_CHECK_FAILED', FACE_CHECK_FAILED_MESSAGE);
    const byPhone = this.store.findAccountByPhone(input.phone);
    if (byPhone && byPhone.idNumber !== input.idNumber) {
      throw new AppError('CONFLICT', '该手机号已绑定其他律师身份，请使用本人手机号');
    }
    const known = byPhone ?? this.store.findAccountByIdNumber(input.idNumber);
    if (known) {
      if (known.phone !== input.phone) {
        if (known.activatedAt === null) throw new AppError('PHONE_MISMATCH', REGISTERED_PHONE_MISMATCH_MESSAGE);
        throw new AppError('CONFLICT', '该身份证号已在其他手机号上激活，请使用已绑定的手机号');
      }
      if (known.name !== input.name || known.licenseNumber !== input.licenseNumber) {
        throw new AppError('CONFLICT', '姓名或律师执业证号与已登记的信息不一致，请核对');
      }
      if (known.activatedAt !== null) return { created: false, lawyer: activationView(known) };
      known.activatedAt = new Date().toISOString();
      await this.store.save();
      return { created: true, lawyer: activationView(known) };
    }
    const account: AccountRecord = {
      id: randomUUID(),
      name: input.name,
      idNumber: input.idNumber,
      licenseNumber: input.licenseNumber,
      phone: input.phone,
      activatedAt: new Date().toISOString(),
      registered: false,
      qrAuthorized: false,
      lawFirm: null,
      email: null,
      address: null,
      passwordHash: null,
      failedPasswordAttempts: 0,
      passwordLockedUntil: null,
    };
    this.store.accounts.set(account.id, account);
    await this.store.save();
    return { created: true, lawyer: activationView(account) };
  }

  /** The activated account of a phone, or NOT_ACTIVATED. */
  requireActivated(phone: string): AccountRecord {
    const account = this.store.findAccountByPhone(phone);
    if (!account || account.activatedAt === null) throw new AppError('NOT_ACTIVATED', '该手机号尚未激活中国律师身份核验，请先完成激活');
    return account;
  }

  me(account: AccountRecord, method: LoginMethod = 'qr'): MeResponse {
    return { stage: stageOf(account, method), lawyer: profileOf(account) };
  }

  /** 【同意】 on 授权信息. Agreeing again is harmless. */
  async authorize(account: AccountRecord, method: LoginMethod = 'qr'): Promise<MeResponse> {
    if (!account.qrAuthorized) {
      account.qrAuthorized = true;
      await this.store.save();
    }
    return this.me(account, method);
  }

  /** 【提交】 on 完善信息: registers the lawyer; later calls update the details. */
  async completeProfile(account: AccountRecord, input: CompleteProfileRequest, method: LoginMethod = 'qr'): Promise<MeResponse> {
    if (stageOf(account, method) === 'authorize') throw new AppError('CONFLICT', '请先同意授权信息，再完善信息');
    account.lawFirm = input.lawFirm;
    account.email = input.email || null;
    account.address = input.address || null;
    account.registered = true;
    await this.store.save();
    return this.me(account, method);
  }
}

/**
 * Manual §2 step 4: new to 12309 → 授权信息 then 完善信息; registered but new to QR login →
 * 授权信息 only; afterwards straight to 个人中心. 授权信息 belongs to QR login: a lawyer who signed
 * in by SMS code or password is registered at 12309 already and never sees it.
 */
export function stageOf(account: Pick<AccountRecord, 'registered' | 'qrAuthorized'>, method: LoginMethod = 'qr'): AccountStage {
  if (method !== 'qr') return account.registered ? 'ready' : 'complete-profile';
  if (!account.qrAuthorized) return 'authorize';
  return account.registered ? 'ready' : 'complete-profile';
}

function activationView(account: AccountRecord): PhoneActivateResponse {
  return { name: account.name, phone: account.phone, licenseNumber: account.licenseNumber };
}

function profileOf(account: AccountRecord): MeResponse['lawyer'] {
  return {
    name: account.name,
    idNumberMasked: maskIdNumber(account.idNumber),
    licenseNumber: account.licenseNumber,
    phone: account.phone,
    lawFirm: account.lawFirm,
    email: account.email,
    address: account.address,
  };
}
