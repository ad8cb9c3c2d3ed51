import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type {
  AccountStage,
  CompleteProfileRequest,
  MeResponse,
  PhoneActivateRequest,
  PhoneActivateResponse,
} from '../../shared/portal-wire';
import type { AccountRecord } from '../state/records';
import type { PortalStore } from '../state/store';
import { maskIdNumber } from '../validation/id-number';

export const FACE_CHECK_FAILED_MESSAGE =
  '人脸识别验证未通过。请仔细核对输入信息，确认无误仍无法通过验证，请联系技术支持，服务热线：400-052-9602';

/**
 * Lawyers as the two systems know them: the identity verified by the 中国律师身份核验
 * mini-program (activation), and their standing at 12309 (`registered`, `qrAuthorized`).
 */
export class AccountService {
  constructor(private readonly store: PortalStore) {}

  /** Activation (manual §1). Same phone and identity again is a no-op (`created: false`). */
  async activate(input: Required<PhoneActivateRequest>): Promise<{ created: boolean; lawyer: PhoneActivateResponse }> {
    if (input.faceCheck === 'fail') throw new AppError('FACE_CHECK_FAILED', FACE_CHECK_FAILED_MESSAGE);
    const byPhone = this.store.findAccountByPhone(input.phone);
    if (byPhone) {
      const same =
        byPhone.idNumber === input.idNumber &&
        byPhone.name === input.name &&
        byPhone.licenseNumber === input.licenseNumber;
      if (!same) throw new AppError('CONFLICT', '该手机号已绑定其他律师身份，请使用本人手机号');
      return { created: false, lawyer: activationView(byPhone) };
    }
    if (this.store.findAccountByIdNumber(input.idNumber)) {
      throw new AppError('CONFLICT', '该身份证号已在其他手机号上激活，请使用已绑定的手机号');
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
    };
    this.store.accounts.set(account.id, account);
    await this.store.save();
    return { created: true, lawyer: activationView(account) };
  }

  /** The activated account of a phone, or NOT_ACTIVATED. */
  requireActivated(phone: string): AccountRecord {
    const account = this.store.findAccountByPhone(phone);
    if (!account) throw new AppError('NOT_ACTIVATED', '该手机号尚未激活中国律师身份核验，请先完成激活');
    return account;
  }

  me(account: AccountRecord): MeResponse {
    return { stage: stageOf(account), lawyer: profileOf(account) };
  }

  /** 【同意】 on 授权信息. Agreeing again is harmless. */
  async authorize(account: AccountRecord): Promise<MeResponse> {
    if (!account.qrAuthorized) {
      account.qrAuthorized = true;
      await this.store.save();
    }
    return this.me(account);
  }

  /** 【提交】 on 完善信息: registers the lawyer; later calls update the details. */
  async completeProfile(account: AccountRecord, input: CompleteProfileRequest): Promise<MeResponse> {
    if (stageOf(account) === 'authorize') throw new AppError('CONFLICT', '请先同意授权信息，再完善信息');
    account.lawFirm = input.lawFirm;
    account.email = input.email || null;
    account.address = input.address || null;
    account.registered = true;
    await this.store.save();
    return this.me(account);
  }
}

/**
 * Manual §2 step 4: new to 12309 → 授权信息 then 完善信息; registered but new to QR login →
 * 授权信息 only; afterwards straight to 个人中心.
 */
export function stageOf(account: Pick<AccountRecord, 'registered' | 'qrAuthorized'>): AccountStage {
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
