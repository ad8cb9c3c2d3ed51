/**
 * 消息: the portal's notifications to the lawyer. While a lawyer is signed in (and past 完善信息),
 * the portal is polled every `pollMs` and right after any action that may bring news;
 * `messages.changed` is emitted only when the unread count changes.
 */
import type { MessageList, Session } from '../../shared/contract';
import type { PortalMessageListResponse } from '../../shared/portal-wire';
import type { AuthService } from '../auth';
import type { EventHub } from '../events/event-hub';
import type { PortalClient } from '../portal-client';

export const MESSAGES_POLL_MS = 20_000;

export class MessageService {
  /** The unread count the UI was last told (0 while signed out: no badge). */
  private unread = 0;
  private active = false;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  /** A nudge came while a poll was running: look again once it ends, it may have missed the news. */
  private pollAgain = false;
  private readonly offSession: () => void;

  constructor(
    private readonly portal: PortalClient,
    private readonly auth: AuthService,
    private readonly events: EventHub,
    private readonly pollMs = MESSAGES_POLL_MS,
  ) {
    if (!Number.isFinite(pollMs) || pollMs <= 0) throw new Error('messagesPollMs must be a positive number of milliseconds');
    this.offSession = events.on('auth.sessionChanged', (session) => this.onSession(session));
    this.onSession(auth.currentSession());
  }

  list(): Promise<MessageList> {
    return this.fetch((token) => this.portal.messages(token));
  }

  /** Marks the given messages read (all when `ids` is omitted) and answers the list as it is now. */
  markRead(ids?: string[]): Promise<MessageList> {
    return this.fetch((token) => this.portal.markMessagesRead(token, ids));
  }

  /** Something happened that may bring a notification: look now rather than at the next tick. */
  nudge(): void {
    if (!this.active) return;
    if (this.polling) this.pollAgain = true;
    else this.schedule(0);
  }

  close(): void {
    this.closed = true;
    // A poll still running sees this and schedules nothing more.
    this.active = false;
    this.offSession();
    this.stop();
  }

  private onSession(session: Session): void {
    const active = !this.closed && session.status === 'signed-in' && session.stage === 'ready';
    if (active === this.active) return;
    this.active = active;
    if (active) {
      this.schedule(0);
      return;
    }
    this.stop();
    this.report(0);
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pollAgain = false;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.poll(), delayMs);
    // Never the reason a process stays alive; close() clears it anyway.
    this.timer.unref();
  }

  private poll(): void {
    this.timer = null;
    if (!this.active || this.polling) return;
    this.polling = this.list()
      .then(
        () => undefined,
        // An unreachable portal is retried at the next tick; a rejected token has signed the lawyer out.
        () => undefined,
      )
      .finally(() => {
        this.polling = null;
        if (!this.active) return;
        const again = this.pollAgain;
        this.pollAgain = false;
        this.schedule(again ? 0 : this.pollMs);
      });
  }

  private async fetch(call: (token: string) => Promise<PortalMessageListResponse>): Promise<MessageList> {
    const { items, unread } = await this.auth.withToken(call);
    // A poll answering after sign-out must not bring the badge back.
    if (this.active) this.report(unread);
    return { items, unread };
  }

  private report(unread: number): void {
    if (unread === this.unread) return;
    this.unread = unread;
    this.events.emit('messages.changed', { unread });
  }
}
