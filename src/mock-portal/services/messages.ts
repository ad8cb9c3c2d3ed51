/** The lawyer's 消息 on the portal: notifications of their cases' decisions, read or unread. */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { PortalMessage, PortalMessageListResponse } from '../../shared/portal-wire';
import type { AccountRecord, MessageRecord } from '../state/records';
import type { PortalStore } from '../state/store';
import type { MessageText } from './message-texts';

/** Older messages of a lawyer beyond this many are dropped, so the data file stays bounded. */
export const MESSAGE_LIMIT = 500;

export class MessageService {
  constructor(private readonly store: PortalStore) {}

  /** Adds an unread message for the lawyer about `subjectId` (a binding or review). */
  async notify(accountId: string, subjectId: string, message: MessageText, now = new Date()): Promise<PortalMessage> {
    const record: MessageRecord = {
      id: randomUUID(),
      accountId,
      kind: message.kind,
      title: message.title,
      text: message.text,
      subjectId,
      createdAt: now.toISOString(),
      read: false,
    };
    this.store.messages.set(record.id, record);
    this.trim(accountId);
    await this.store.save();
    return view(record);
  }

  /** The lawyer's own messages, newest first, and how many are unread. */
  list(account: AccountRecord): PortalMessageListResponse {
    const items = this.own(account.id).reverse().map(view);
    return { items, unread: items.filter((m) => !m.read).length };
  }

  /**
   * Marks the given messages (or all when `ids` is omitted) read. NOT_FOUND, changing nothing, when
   * an id is not one of the lawyer's messages: another lawyer's ids are as unknown as made-up ones.
   */
  async markRead(account: AccountRecord, ids?: readonly string[]): Promise<PortalMessageListResponse> {
    const targets = ids === undefined ? this.own(account.id) : ids.map((id) => this.store.messages.get(id));
    const unknown = ids?.find((id, i) => targets[i]?.accountId !== account.id);
    if (unknown !== undefined) throw new AppError('NOT_FOUND', `消息不存在：${unknown}`);
    let changed = false;
    for (const message of targets) {
      if (message && !message.read) {
        message.read = true;
        changed = true;
      }
    }
    if (changed) await this.store.save();
    return this.list(account);
  }

  /** Oldest first: creation time, then insertion order for messages of the same instant. */
  private own(accountId: string): MessageRecord[] {
    return [...this.store.messages.values()]
      .filter((m) => m.accountId === accountId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  private trim(accountId: string): void {
    const own = this.own(accountId);
    for (const message of own.slice(0, Math.max(0, own.length - MESSAGE_LIMIT))) this.store.messages.delete(message.id);
  }
}

function view(record: MessageRecord): PortalMessage {
  return {
    id: record.id,
    kind: record.kind,
    title: record.title,
    text: record.text,
    subjectId: record.subjectId,
    createdAt: record.createdAt,
    read: record.read,
  };
}
