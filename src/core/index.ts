/**
 * createCore(): composes the services into the object that implements the app contract.
 * Electron-free: the Electron shell, the web host and the CLI all drive this same object. Each
 * service answers its own share of the contract (its `*-calls.ts`); this file only wires them.
 */
import { join } from 'node:path';
import type { DossierApi } from '../shared/contract';
import type { PortalHealth } from '../shared/portal-wire';
import { AuthService } from './auth';
import { authCalls } from './auth/auth-calls';
import { BrowserDownloadService } from './browser-downloads';
import { appCalls } from './calls/app-calls';
import { dossierCalls, dossierPageNumbers } from './calls/dossier-calls';
import { CaseService } from './cases';
import { caseCalls } from './cases/case-calls';
import type { Core, CoreOptions } from './core';
import { DirectoryService } from './directory';
import { DocumentReader } from './documents';
import { documentCalls } from './documents/document-calls';
import { DossierContentsReader } from './dossier-contents';
import { createCorePickup } from './download-pickup';
import { pickupCalls } from './download-pickup/pickup-calls';
import { DossierDownloadService } from './dossier-downloads';
import { downloadCalls } from './dossier-downloads/download-calls';
import { PARTIAL_FOLDER } from './download-engine';
import { DossierPageNumbers } from './dossier-page-numbers';
import { DossierPasswordStore } from './dossier-passwords';
import { DossierSearch, FindStreams } from './dossier-search';
import { DossierSources } from './dossier-sources';
import { DossierTextStore } from './dossier-text';
import { EventHub } from './events/event-hub';
import { mkdirPrivate, tightenPrivate } from './fs/private-dir';
import { KeptSmsStore } from './kept-sms';
import { openInDefaultApp } from './library';
import { DossierImport } from './library/dossier-import';
import { libraryCalls } from './library/library-calls';
import { openLibraryLock, withLibraryLock } from './library-lock';
import { MessageService } from './messages';
import { messageCalls } from './messages/message-calls';
import { NotesService } from './notes';
import { noteCalls } from './notes/note-calls';
import { knownNames, OcrService } from './ocr';
import { ocrCalls } from './ocr/ocr-calls';
import { defaultLibraryFolder, openLibrary } from './open-library';
import { PortalClient } from './portal-client';
import { ReadingPositionStore } from './reading-position';
import { ReadingProgressStore } from './reading-progress';
import { readingCalls } from './reading-progress/reading-calls';
import { openSecretStore } from './secrets';
import { SettingsService } from './settings';
import { SmsPasteService } from './sms-paste';
import { smsCalls } from './sms-paste/sms-calls';
import { MAX_STAGED_BYTES, StagingArea } from './staging';

export type { Core, CoreOptions } from './core';
export { defaultLibraryFolder } from './open-library';

export async function createCore(options: CoreOptions): Promise<Core> {
  // Offline (the CLI's library commands): no portal is asked, no session restored, nothing runs behind.
  const offline = options.offline === true;
  await mkdirPrivate(options.dataDir);
  const events = new EventHub();
  const portal = new PortalClient({ baseUrl: options.portalUrl });
  const settings = new SettingsService(options.dataDir);
  await settings.load();

  const secrets = await openSecretStore(options.secretStore ?? 'keychain', (reason) => {
    // The reason goes to the log for the maintainer; the lawyer is told through app.info and the notice.
    console.warn(`No OS keychain available, secrets are kept in memory for this run: ${reason}`);
    events.emit('app.notice', {
      code: 'SECRET_STORE_MEMORY',
      message: 'No OS keychain is available: the session is kept in memory for this run only.',
    });
  });

  let health: PortalHealth | null = offline ? null : await portal.health().catch(() => null);
  /** The portal's health, asked again until it answers once. */
  async function portalHealth(): Promise<PortalHealth | null> {
    if (!health && !offline) health = await portal.health().catch(() => null);
    return health;
  }
  const auth = new AuthService({
    portal,
    secrets,
    events,
    // The token belongs to one portal data set; a different portal must not be handed it.
    tokenAccount: `portal-session:${health?.instanceId ?? new URL(portal.baseUrl).origin}`,
  });
  if (!offline) await auth.restore();

  const messages = new MessageService(portal, auth, events, options.messagesPollMs);
  const dossierPasswords = new DossierPasswordStore(secrets);
  const directory = new DirectoryService(portal);
  const keptSms = await KeptSmsStore.open(options.dataDir, secrets);
  const libraryDefault = options.defaultLibraryFolder ?? defaultLibraryFolder();
  const library = await openLibrary({
    dataDir: options.dataDir,
    settings,
    passwords: dossierPasswords,
    events,
    defaultFolder: libraryDefault,
    ...(options.libraryHooks ? { hooks: options.libraryHooks } : {}),
  });
  const smsPaste = new SmsPasteService(portal, auth, dossierPasswords, keptSms, library);
  const cases = new CaseService(portal, auth, dossierPasswords, () => messages.nudge(), (id) => library.downloadedFor(id));
  const staging = await StagingArea.open(options.dataDir);
  const imports = new DossierImport(library, keptSms, staging);
  const texts = new DossierTextStore(secrets, () =>
    events.emit('app.notice', { code: 'DOSSIER_TEXT_RESET', message: 'A dossier\'s stored text could not be read back: it is read again.' }),
  );
  const sources = new DossierSources(library, dossierPasswords, texts);
  const search = new DossierSearch({ stored: (id) => sources.storedText(id) });
  const findStreams = new FindStreams(search, (progress) => events.emit('dossier.findProgress', progress));
  // Reads the 目录 pages through find's text cache and queue: one decryption per document.
  const contents = new DossierContentsReader(search);
  // Stamps are read with the texts find keeps: a document opened for one is not opened for the other.
  const pageNumbers = new DossierPageNumbers(contents, search);
  const readers = { sources, search, findStreams, contents, pageNumbers };

  const dossierLookup = { dossier: (id: string) => library.get(id) };
  const notes = new NotesService(dossierLookup, {
    // The 阅卷笔录 cites 卷宗页码 where core can read them; a dossier not extracted yet cites file pages.
    pageNumbers: (id) => dossierPageNumbers(readers, id).catch(() => []),
    lawyer: async () => {
      const session = auth.currentSession();
      return session.status === 'signed-in' ? session.lawyer : null;
    },
  });
  const reading = new ReadingPositionStore(dossierLookup);
  const progress = new ReadingProgressStore(dossierLookup, () =>
    events.emit('app.notice', { code: 'READING_PROGRESS_RESET', message: 'The reading progress file was damaged: it was set aside and progress starts over.' }),
  );
  const downloads = new DossierDownloadService({ portal, auth, cases, passwords: dossierPasswords, secrets, events, library });
  // Downloads the app was stopped in the middle of go on (their links are in the keychain).
  if (!offline) await downloads.resumeAfterRestart();

  const ocr = new OcrService({
    dataDir: options.dataDir,
    texts,
    async target(id) {
      const documentsFolder = library.extractedFolderOf(id);
      if (!documentsFolder) return null;
      const { files, folder, unit, caseName } = await library.get(id);
      const { open } = await dossierPasswords.get(id);
      return { id, folder, documentsFolder, files, passwords: open ? [open] : [], names: knownNames([unit, caseName]) };
    },
    dossierIds: async () => (await library.list()).map((dossier) => dossier.id),
    emit: (status) => events.emit('ocr.progress', status),
  });
  const stopWatchingLibrary = events.on('library.changed', ({ id }) => void ocr.consider(id).catch(() => undefined));
  // A dossier read to the end: its 目录 and stamps are read again, scanned pages now included.
  events.on('ocr.progress', ({ dossierId, state }) => {
    if (state !== 'done') return;
    contents.forget(dossierId);
    pageNumbers.forget(dossierId);
  });
  // Unfinished reading goes on after a restart; it is background work, never awaited by a call.
  if (options.backgroundReading !== false && !offline) void ocr.start().catch((error: unknown) => console.warn('文字识别 could not start:', error));
  else stopWatchingLibrary();

  const browserDownloads = new BrowserDownloadService({ staging, events, importArchive: (path) => imports.importArchive(path) });

  const corePickup = createCorePickup({
    dataDir: options.dataDir,
    settings,
    ...(options.osDownloadsFolder ? { osDownloadsFolder: options.osDownloadsFolder } : {}),
    knownCaseNames: async () => {
      const kept = keptSms.list().map((item) => item.caseName);
      if (auth.currentSession().status !== 'signed-in') return kept;
      const appointments = await cases.appointments().catch(() => []);
      return [...kept, ...appointments.map((item) => item.caseName)];
    },
    library,
    importArchive: (path) => imports.importArchive(path),
    events,
  });
  const { pickup } = corePickup;
  if (options.downloadPickup !== false && !offline) void pickup.start().catch((error: unknown) => console.warn('下载文件夹 could not start:', error));

  // 卷宗库锁: every call that reads a dossier goes through it (see library-lock/guard-calls.ts).
  const { lock: libraryLock, lastLawyer } = await openLibraryLock({
    dataDir: options.dataDir,
    secrets,
    events,
    session: auth.currentSession(),
    ...(options.libraryOsUnlock ? { osUnlock: options.libraryOsUnlock } : {}),
    ...(options.libraryIdleLockMs === undefined ? {} : { idleMs: options.libraryIdleLockMs }),
  });
  // Folders made by earlier versions were open to other users: narrowed now (their names are cases).
  void (async () => {
    for (const { id } of await library.list()) {
      const folder = library.folderOf(id);
      const extracted = library.extractedFolderOf(id);
      for (const path of [folder, join(folder, PARTIAL_FOLDER), ...(extracted ? [extracted] : [])]) await tightenPrivate(path);
    }
  })().catch(() => undefined);

  const api: DossierApi = withLibraryLock(
    { lock: libraryLock, lastLawyer, session: () => auth.currentSession() },
    {
      ...appCalls({
        appVersion: options.appVersion,
        portalUrl: portal.baseUrl,
        health: portalHealth,
        secretStore: () => secrets.kind,
        settings,
        libraryDefault,
        pickupScanNow: () => void pickup.scanNow().catch(() => undefined),
        ...(options.openPortalSite ? { openPortalSite: options.openPortalSite } : {}),
      }),
      ...authCalls(auth),
      ...caseCalls(cases, directory),
      ...messageCalls(messages),
      ...smsCalls(smsPaste, keptSms),
      ...pickupCalls(corePickup),
      ...downloadCalls(downloads, browserDownloads),
      ...libraryCalls({
        library,
        imports,
        async forget(id, folder) {
          search.forget(id);
          await ocr.forget(id);
          await texts.forget(id, folder);
          contents.forget(id);
          pageNumbers.forget(id);
        },
      }),
      ...documentCalls(new DocumentReader(), sources, options.libraryHooks?.openItem ?? openInDefaultApp),
      ...dossierCalls(readers),
      ...noteCalls(notes),
      ...readingCalls(reading, progress),
      ...ocrCalls(ocr),
    },
  );

  return {
    api,
    on: (name, listener) => events.on(name, listener),
    stageFile: (fileName, body) => staging.stage(fileName, body, MAX_STAGED_BYTES),
    browserDownloads,
    async close() {
      await libraryLock.close();
      await pickup.close();
      await ocr.close();
      await findStreams.close();
      await downloads.close();
      await reading.flush();
      await progress.idle();
      await notes.idle();
      await library.close();
      messages.close();
      auth.close();
      events.clear();
    },
  };
}
