/** 【粘贴短信】 and 已保存的短信密码: the contract's SMS calls. */
import type { CallsUnder } from '../calls/call-group';
import type { KeptSmsStore } from '../kept-sms';
import type { SmsPasteService } from './index';

export function smsCalls(smsPaste: SmsPasteService, keptSms: KeptSmsStore): CallsUnder<'sms'> {
  return {
    'sms.paste': async ({ text }) => smsPaste.paste(text),
    'sms.kept': async () => keptSms.list(),
    'sms.forget': async ({ id }) => {
      await keptSms.forget(id);
      return null;
    },
  };
}
