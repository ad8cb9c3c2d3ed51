/**
 * A Core stand-in for testing the transport in isolation: fixed answers for every call, a log of
 * what reached it, and a way to push events. The real core is tested in src/core.
 */
import type { Core } from '../core/core';
import { DEFAULT_SETTINGS, type DossierApi, type EventListener, type EventName, type EventPayload, type Session } from '../shared/contract';
import { AppError } from '../shared/errors';

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
  const noLock = { enabled: false, locked: false, method: 'passcode' as const, lockedOutUntil: null, passwordsNeedSignIn: false };

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
        libraryFolder: '/tmp/fake-library',
        portalSite: { url: 'http://127.0.0.1:1/site/', mock: true },
      }),
    'settings.get': (input) => log('settings.get', input, { ...DEFAULT_SETTINGS, locale }),
    'settings.update': (input) => {
      if (input.locale) locale = input.locale;
      return log('settings.update', input, { ...DEFAULT_SETTINGS, locale });
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
    'auth.smsCodeRequest': (input) => log('auth.smsCodeRequest', input, { resendAfterSeconds: 60 }),
    'auth.smsLogin': (input) => log('auth.smsLogin', input, signedOut),
    'auth.passwordLogin': (input) => log('auth.passwordLogin', input, signedOut),
    'stepUp.start': (input) =>
      log('stepUp.start', input, {
        id: 'verify-1',
        qrText: 'fake-verify-qr',
        state: 'waiting' as const,
        expiresAt: new Date(0).toISOString(),
        scannedBy: null,
      }),
    'procuratorates.list': (input) => log('procuratorates.list', input, []),
    'uploads.add': (input) =>
      log('uploads.add', input, {
        id: 'upload-1',
        kind: input.kind,
        fileName: input.fileName,
        mimeType: 'application/pdf' as const,
        size: 0,
        sha256: '0'.repeat(64),
        uploadedAt: new Date(0).toISOString(),
      }),
    'bindings.list': (input) => log('bindings.list', input, []),
    'bindings.create': (input) => Promise.reject(notInFake('bindings.create', input)),
    'boundCases.list': (input) => log('boundCases.list', input, []),
    'reviews.notice': (input) =>
      log('reviews.notice', input, { title: '申请在线阅卷须知' as const, text: 'fake notice', version: 'v1' }),
    'reviews.apply': (input) => Promise.reject(notInFake('reviews.apply', input)),
    'appointments.list': (input) => log('appointments.list', input, []),
    'appointments.downloadPassword': (input) => log('appointments.downloadPassword', input, { download: null }),
    'messages.list': (input) => log('messages.list', input, { items: [], unread: 0 }),
    'messages.markRead': (input) => log('messages.markRead', input, { items: [], unread: 0 }),
    'sms.paste': (input) =>
      log('sms.paste', input, {
        parsed: { kind: 'unknown' as const, caseName: null, unit: null, downloadPassword: null, openPassword: null },
        attachedTo: null,
        kept: null,
        dossier: null,
      }),
    'sms.kept': (input) => log('sms.kept', input, []),
    'sms.forget': (input) => Promise.reject(notInFake('sms.forget', input)),
    'pickup.list': (input) => log('pickup.list', input, { enabled: true, folders: [], offers: [] }),
    'pickup.import': (input) => Promise.reject(notInFake('pickup.import', input)),
    'pickup.ignore': (input) => Promise.reject(notInFake('pickup.ignore', input)),
    'portalSite.open': (input) => log('portalSite.open', input, { url: 'http://127.0.0.1:1/site/', opened: false }),
    'contacts.list': (input) => log('contacts.list', input, { hotline: '400-052-9602', units: [] }),
    'downloads.start': (input) => Promise.reject(notInFake('downloads.start', input)),
    'downloads.list': (input) => log('downloads.list', input, []),
    'downloads.pause': (input) => Promise.reject(notInFake('downloads.pause', input)),
    'downloads.resume': (input) => Promise.reject(notInFake('downloads.resume', input)),
    'downloads.cancel': (input) => Promise.reject(notInFake('downloads.cancel', input)),
    'library.list': (input) => log('library.list', input, []),
    'library.get': (input) => Promise.reject(notInFake('library.get', input)),
    'library.extract': (input) => Promise.reject(notInFake('library.extract', input)),
    'library.remove': (input) => Promise.reject(notInFake('library.remove', input)),
    'library.reveal': (input) => Promise.reject(notInFake('library.reveal', input)),
    'library.import': (input) => Promise.reject(notInFake('library.import', input)),
    'library.passwords': (input) => Promise.reject(notInFake('library.passwords', input)),
    'documents.info': (input) => Promise.reject(notInFake('documents.info', input)),
    'documents.read': (input) => Promise.reject(notInFake('documents.read', input)),
    'documents.openExternal': (input) => Promise.reject(notInFake('documents.openExternal', input)),
    'library.rememberOpenPassword': (input) => Promise.reject(notInFake('library.rememberOpenPassword', input)),
    'dossier.find': (input) => Promise.reject(notInFake('dossier.find', input)),
    'dossier.findStart': (input) => Promise.reject(notInFake('dossier.findStart', input)),
    'dossier.findCancel': (input) => log('dossier.findCancel', input, null),
    'dossier.contents': (input) => log('dossier.contents', input, []),
    'dossier.pageNumbers': (input) => log('dossier.pageNumbers', input, []),
    'notes.list': (input) => log('notes.list', input, []),
    'notes.save': (input) => Promise.reject(notInFake('notes.save', input)),
    'notes.remove': (input) => Promise.reject(notInFake('notes.remove', input)),
    'notes.export': (input) => Promise.reject(notInFake('notes.export', input)),
    'reading.get': (input) => log('reading.get', input, null),
    'reading.set': (input) => log('reading.set', input, null),
    'reading.progress': (input) => log('reading.progress', input, []),
    'reading.markSeen': (input) => Promise.reject(notInFake('reading.markSeen', input)),
    'ocr.status': (input) => log('ocr.status', input, []),
    'ocr.pause': (input) => Promise.reject(notInFake('ocr.pause', input)),
    'ocr.resume': (input) => Promise.reject(notInFake('ocr.resume', input)),
    'dossier.pageText': (input) => log('dossier.pageText', input, null),
    'library.lockStatus': (input) => log('library.lockStatus', input, noLock),
    'library.unlock': (input) => log('library.unlock', input, noLock),
    'library.lock': (input) => log('library.lock', input, noLock),
    'library.setPasscode': (input) => Promise.reject(notInFake('library.setPasscode', input)),
    'library.disableLock': (input) => log('library.disableLock', input, noLock),
    'library.watermark': (input) => log('library.watermark', input, { name: null, lawFirm: null }),
  };

  /** Calls that would answer with a record the fake does not keep: they refuse, as the portal would. */
  function notInFake(name: string, input: unknown): AppError {
    received.push({ name, input });
    return new AppError('NOT_FOUND', `${name}: no such record in the fake core`);
  }

  return {
    api,
    received,
    browserDownloads: {
      begin() {
        throw new AppError('NOT_FOUND', 'browser downloads: not in the fake core');
      },
    },
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
