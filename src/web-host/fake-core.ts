/**
 * A Core stand-in for testing the transport in isolation: fixed answers for every call, a log of
 * what reached it, and a way to push events. The real core is tested in src/core.
 */
import type { Core } from '../core/core';
import type { DossierApi, EventListener, EventName, EventPayload, Session } from '../shared/contract';

export interface FakeCore extends Core {
  /** The calls core received, after validation. */
  readonly received: Array<{ name: string; input: unknown }>;
  emit<N extends EventName>(name: N, payload: EventPayload<N>): void;
  listenerCount(): number;
}

export function createFakeCore(): FakeCore {
  const received: Array<{ name: string; input: unknown }> = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const signedOut: Session = { status: 'signed-out' };
  let locale: 'zh-CN' | 'en' = 'zh-CN';

  function log<T>(name: string, input: unknown, value: T): Promise<T> {
    received.push({ name, input });
    return Promise.resolve(value);
  }

  const api: DossierApi = {
    'app.info': (input) =>
      log('app.info', input, {
        version: '9.9.9-test',
        portal: { url: 'http://127.0.0.1:1', name: 'fake', mock: true, reachable: true },
        secretStore: 'memory' as const,
      }),
    'settings.get': (input) => log('settings.get', input, { locale }),
    'settings.update': (input) => {
      if (input.locale) locale = input.locale;
      return log('settings.update', input, { locale });
    },
    'auth.session': (input) => log('auth.session', input, signedOut),
    'auth.qrStart': (input) =>
      log('auth.qrStart', input, {
        id: 'qr-1',
        qrText: 'fake-qr',
        state: 'waiting' as const,
        expiresAt: new Date(0).toISOString(),
        scannedBy: null,
      }),
    'auth.qrStop': (input) => log('auth.qrStop', input, null),
    'auth.agree': (input) => log('auth.agree', input, signedOut),
    'auth.completeProfile': (input) => log('auth.completeProfile', input, signedOut),
    'auth.logout': (input) => log('auth.logout', input, signedOut),
  };

  return {
    api,
    received,
    on<N extends EventName>(name: N, listener: EventListener<N>) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => void set.delete(wrapped);
    },
    emit(name, payload) {
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
    listenerCount() {
      let count = 0;
      for (const set of listeners.values()) count += set.size;
      return count;
    },
    async close() {
      listeners.clear();
    },
  };
}
