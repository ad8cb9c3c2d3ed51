/**
 * Follows QR sessions (login and step-up verify alike) by long-polling the portal, and reports each
 * change as an `auth.qrState` event until the session ends or is no longer wanted.
 */
import type { QrSession } from '../../shared/contract';
import type { QrPurpose, QrSessionView } from '../../shared/portal-wire';
import type { EventHub } from '../events/event-hub';
import type { PortalClient } from '../portal-client';
import { abortableDelay } from './abortable-delay';

const LONG_POLL_MS = 20_000;
const RETRY_DELAY_MS = 1_000;
const TERMINAL_STATES = new Set(['confirmed', 'cancelled', 'expired']);

export interface FollowOptions {
  /**
   * Runs once the phone confirmed, before the confirmation is reported (a login claims its token
   * here). When it throws, the QR is reported as expired so the page fetches a fresh one.
   */
  onConfirmed?: (sessionId: string) => Promise<void>;
}

export class QrFollower {
  private readonly followed = new Map<string, { purpose: QrPurpose; controller: AbortController }>();

  constructor(
    private readonly portal: PortalClient,
    private readonly events: EventHub,
  ) {}

  follow(view: QrSessionView, options: FollowOptions = {}): void {
    const controller = new AbortController();
    this.followed.set(view.id, { purpose: view.purpose, controller });
    void this.run(view, controller.signal, options).finally(() => {
      if (this.followed.get(view.id)?.controller === controller) this.followed.delete(view.id);
    });
  }

  stop(id: string): void {
    this.followed.get(id)?.controller.abort();
    this.followed.delete(id);
  }

  /** Stops every followed session of one purpose, or all of them. */
  stopAll(purpose?: QrPurpose): void {
    for (const [id, entry] of this.followed) {
      if (purpose === undefined || entry.purpose === purpose) this.stop(id);
    }
  }

  private async run(initial: QrSessionView, signal: AbortSignal, options: FollowOptions): Promise<void> {
    let current = initial;
    while (!signal.aborted && !TERMINAL_STATES.has(current.state)) {
      let next: QrSessionView;
      try {
        next = await this.portal.getQrSession(current.id, { since: current.state, waitMs: LONG_POLL_MS, signal });
      } catch {
        // A dropped connection or a busy portal: keep following, the QR may still be scanned.
        await abortableDelay(RETRY_DELAY_MS, signal);
        continue;
      }
      if (signal.aborted) return;
      if (next.state === current.state && next.scannedBy === current.scannedBy) continue;
      if (next.state === 'confirmed' && options.onConfirmed) {
        try {
          await options.onConfirmed(next.id);
        } catch (error) {
          // The confirmation could not be used (token already claimed, portal gone): report the QR
          // as spent so the page fetches a fresh one rather than waiting forever.
          console.warn('QR confirmation could not be completed:', error instanceof Error ? error.message : error);
          next = { ...next, state: 'expired' };
        }
        if (signal.aborted) return;
      }
      current = next;
      this.events.emit('auth.qrState', toQrSession(current));
    }
  }
}

export function toQrSession(view: QrSessionView): QrSession {
  return {
    id: view.id,
    qrText: view.qrText,
    state: view.state,
    expiresAt: view.expiresAt,
    scannedBy: view.scannedBy,
  };
}
