import { describe, expect, it } from 'vitest';
import { PortalStore } from '../state/store';
import { SMS_INBOX_LIMIT, SmsService } from './sms';

describe('SmsService', () => {
  it("keeps each phone's messages in order and bounds each inbox", async () => {
    const store = await PortalStore.open();
    const sms = new SmsService(store);
    await sms.send('13800000009', 'dossier-ready', 'other phone');
    for (let i = 0; i < SMS_INBOX_LIMIT + 5; i += 1) await sms.send('13800000001', 'login-code', `message ${i}`);
    const inbox = sms.inbox('13800000001');
    expect(inbox).toHaveLength(SMS_INBOX_LIMIT);
    expect(inbox[0]?.text).toBe('message 5');
    expect(inbox.at(-1)?.text).toBe(`message ${SMS_INBOX_LIMIT + 4}`);
    expect(sms.inbox('13800000009').map((m) => m.text)).toEqual(['other phone']);
    expect(sms.inbox('13700000000')).toEqual([]);
  });
});
