import { randomUUID } from 'node:crypto';
import type { SmsRecord } from '../state/records';
import type { PortalStore } from '../state/store';

/** Older messages of a phone beyond this many are dropped, so the inbox and the data file stay bounded. */
export const SMS_INBOX_LIMIT = 200;

/** The SMS channel: what the portal sends lands in the recipient phone's inbox (persisted). */
export class SmsService {
  constructor(private readonly store: PortalStore) {}

  async send(phone: string, kind: SmsRecord['kind'], text: string, now = Date.now()): Promise<void> {
    this.store.sms.push({ id: randomUUID(), phone, kind, text, sentAt: new Date(now).toISOString() });
    this.trim(phone);
    await this.store.save();
  }

  /** The phone's messages in the order sent (oldest first). */
  inbox(phone: string): SmsRecord[] {
    return this.store.sms.filter((message) => message.phone === phone);
  }

  private trim(phone: string): void {
    let excess = this.inbox(phone).length - SMS_INBOX_LIMIT;
    if (excess <= 0) return;
    for (let i = 0; i < this.store.sms.length && excess > 0; ) {
      if (this.store.sms[i]?.phone === phone) {
        this.store.sms.splice(i, 1);
        excess -= 1;
      } else {
        i += 1;
      }
    }
  }
}
