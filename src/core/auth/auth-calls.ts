/** 登录, 授权信息, 完善信息, 退出登录 and 律师身份核验: the contract's auth calls. */
import type { CallsOf, CallsUnder } from '../calls/call-group';
import type { AuthService } from './index';

export function authCalls(auth: AuthService): CallsUnder<'auth'> & CallsOf<'stepUp.start'> {
  return {
    'auth.session': async () => auth.getSession(),
    'auth.qrStart': async () => auth.startQrLogin(),
    'auth.qrStop': async ({ id }) => {
      auth.stopQr(id);
      return null;
    },
    'auth.agree': async () => auth.agree(),
    'auth.completeProfile': async (profile) => auth.completeProfile(profile),
    'auth.logout': async () => auth.logout(),
    'auth.smsCodeRequest': async ({ phone }) => {
      const { resendAfterSeconds } = await auth.requestSmsCode(phone);
      return { resendAfterSeconds };
    },
    'auth.smsLogin': async ({ phone, code }) => auth.smsLogin(phone, code),
    'auth.passwordLogin': async ({ phone, password }) => auth.passwordLogin(phone, password),
    'stepUp.start': async ({ action }) => auth.startStepUp(action),
  };
}
