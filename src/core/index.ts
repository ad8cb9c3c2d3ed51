/**
 * createCore(): composes the services into the object that implements the app contract.
 * Electron-free: the Electron shell, the web host and the CLI all drive this same object.
 */
import { basename, join } from 'node:path';
import type { AppInfo, DossierApi, Settings } from '../shared/contract';
import { AppError } from '../shared/errors';
import type { ImportSource } from '../shared/library';
import type { PortalHealth } from '../shared/portal-wire';
import { AuthService } from './auth';
import { BrowserDownloadService } from './browser-downloads';
import { CaseService } from './cases';
import type { Core, CoreOptions } from './core';
import { DirectoryService } from './directory';
import { checkOpenable, DocumentReader } from './documents';
import { DossierContentsReader } from './dossier-contents';
import { checkPickupFolders, createCorePickup } from './download-pickup';
import { DossierDownloadService } from './dossier-downloads';
import { PARTIAL_FOLDER } from './downloads';
import { DossierPageNumbers } from './dossier-page-numbers';
import { DossierPasswordStore } from './dossier-passwords';
import { DossierSearch, FindStreams } from './dossier-search';
import { DossierTextStore } from './dossier-text';
import { EventHub } from './events/event-hub';
import { mkdirPrivate, tightenPrivate } from './fs/private-dir';
import { KeptSmsStore } from './kept-sms';
import { checkLibraryFolder } from './library-folder';
import { openLibraryLock, withLibraryLock } from './library-lock';
import { MessageService } from './messages';
import { NotesService } from './notes';
import { knownNames, OcrService } from './ocr';
import { openInDefaultApp } from './library';
import { defaultLibraryFolder, openLibrary } from './open-library';
import { PortalClient } from './portal-client';
import { ReadingPositionStore } from './reading-position';
import { ReadingProgressStore } from './reading-progress';
import { openSecretStore } from './secrets';
import { SettingsService } from './settings';
import { SmsPasteService } from './sms-paste';
import { MAX_STAGED_BYTES, StagingArea } from './staging';

export type { Core, CoreOptions } from './core';
export { defaultLibraryFolder } from './open-library';

export async function createCore(options: CoreOptions): Promise<Core> {
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

  let health: PortalHealth | null = await portal.health().catch(() => null);
  const auth = new AuthService({
    portal,
    secrets,
    events,
    // The token belongs to one portal data set; a different portal must not be handed it.
    tokenAccount: `portal-session:${health?.instanceId ?? new URL(portal.baseUrl).origin}`,
  });
  await auth.restore();

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
  const dossierLookup = { dossier: (id: string) => library.get(id) };
  const notes = new NotesService(dossierLookup, {
    // The 阅卷笔录 cites 卷宗页码 where core can read them; a dossier not extracted yet cites file pages.
    pageNumbers: (id) => dossierPageNumbers(id).catch(() => []),
    lawyer: async () => {
      const session = auth.currentSession();
      return session.status === 'signed-in' ? session.lawyer : null;
    },
  });
  const reading = new ReadingPositionStore(dossierLookup);
  const progress = new ReadingProgressStore(dossierLookup, () =>
    events.emit('app.notice', { code: 'READING_PROGRESS_RESET', message: 'The reading progress file was damaged: it was set aside and progress starts over.' }),
  );
  const documents = new DocumentReader();
  const texts = new DossierTextStore(secrets, () =>
    events.emit('app.notice', { code: 'DOSSIER_TEXT_RESET', message: 'A dossier\'s stored text could not be read back: it is read again.' }),
  );
  /** The dossier's stored texts once it is extracted (null before). */
  async function storedText(id: string) {
    if (!library.extractedFolderOf(id)) return null;
    const { files, folder } = await library.get(id);
    return texts.textOf({ id, folder, files });
  }
  const search = new DossierSearch({ stored: storedText });
  const findStreams = new FindStreams(search, (progress) => events.emit('dossier.findProgress', progress));
  // Reads the 目录 pages through find's text cache and queue: one decryption per document.
  const contents = new DossierContentsReader(search);
  // Stamps are read with the texts find keeps: a document opened for one is not opened for the other.
  const pageNumbers = new DossierPageNumbers(contents, search);
  const downloads = new DossierDownloadService({ portal, auth, cases, passwords: dossierPasswords, secrets, events, library });
  // Downloads the app was stopped in the middle of go on (their links are in the keychain).
  await downloads.resumeAfterRestart();

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
  if (options.backgroundReading !== false) void ocr.start().catch((error: unknown) => console.warn('文字识别 could not start:', error));
  else stopWatchingLibrary();

  async function recognisedPage(id: string, document: string, page: number) {
    const text = await storedText(id);
    const record = text?.page(document, page);
    if (!record || record.source !== 'ocr') return null;
    return { text: record.text, lines: record.lines ?? [] };
  }

  async function updateSettings(change: Partial<Settings>): Promise<Settings> {
    if (change.libraryFolder) change = { ...change, libraryFolder: await checkLibraryFolder(change.libraryFolder) };
    if (change.pickupFolders) change = { ...change, pickupFolders: await checkPickupFolders(change.pickupFolders) };
    const updated = await settings.update(change);
    // A folder added or the watch turned on: look now rather than at the next poll.
    if (change.pickupFolders || change.pickupEnabled) void pickup.scanNow().catch(() => undefined);
    return updated;
  }

  async function importDossier(source: ImportSource, password?: string, caseName?: string) {
    // A staged upload keeps the browser's file name, so the dossier is named as the lawyer knows it.
    const archivePath = source.kind === 'staged' ? (await staging.take(source.stagedId)).path : source.path;
    const dossier = await importArchive(archivePath, password, caseName);
    // Kept until the import went through, so a retry (another password) can take it again.
    if (source.kind === 'staged') await staging.discard(source.stagedId);
    return dossier;
  }

  /**
   * 导入卷宗 of one file, whoever brought it (the lawyer, the 门户网站 window, the 下载文件夹 pickup): an
   * SMS kept for the case the archive is named after gives the dossier its unit and passwords.
   */
  async function importArchive(archivePath: string, password?: string, caseName?: string) {
    const sms = keptSms.match(caseName ?? basename(archivePath));
    const dossier = await library.importArchive({
      archivePath,
      ...(password === undefined ? {} : { password }),
      ...(caseName === undefined ? {} : { caseName }),
      ...(sms ? { unit: sms.unit, passwords: await keptSms.passwords(sms.id) } : {}),
    });
    if (sms) await keptSms.markAttached(sms.id, dossier.id);
    return dossier;
  }

  const browserDownloads = new BrowserDownloadService({ staging, events, importArchive: (path) => importArchive(path) });

  const { pickup, list: pickupList } = createCorePickup({
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
    importArchive: (path) => importArchive(path),
    events,
  });
  if (options.downloadPickup !== false) void pickup.start().catch((error: unknown) => console.warn('下载文件夹 could not start:', error));

  /** What 门户网站 opens: the real site when chosen (or when the portal is not a mock), else the mock's site. */
  function portalSiteOf(current: PortalHealth | null) {
    const { useRealPortalSite, realPortalUrl } = settings.get();
    if (useRealPortalSite || !current?.mock) return { url: realPortalUrl, mock: false };
    return { url: new URL('/site/', portal.baseUrl).toString(), mock: true };
  }

  /** The folder a dossier's documents were extracted to; NOT_FOUND while it has none to read. */
  function documentsFolder(id: string): string {
    const folder = library.extractedFolderOf(id);
    if (!folder) throw new AppError('NOT_FOUND', '卷宗尚未解压，没有可阅读的文档');
    return folder;
  }

  /** A dossier as search reads it, with its stored open password. */
  async function searchTarget(id: string) {
    const folder = documentsFolder(id);
    const { files } = await library.get(id);
    const { open } = await dossierPasswords.get(id);
    return { dossier: { id, folder, files }, passwords: open ? [open] : [] };
  }

  async function findInDossier(id: string, query: string, limit?: number) {
    const { dossier, passwords } = await searchTarget(id);
    return search.find(dossier, query, passwords, limit);
  }

  async function dossierContents(id: string) {
    const folder = documentsFolder(id);
    const { files } = await library.get(id);
    const { open } = await dossierPasswords.get(id);
    return contents.contents({ id, folder, files }, open ? [open] : []);
  }

  async function dossierPageNumbers(id: string) {
    const folder = documentsFolder(id);
    const { files } = await library.get(id);
    const { open } = await dossierPasswords.get(id);
    return pageNumbers.numbers({ id, folder, files }, open ? [open] : []);
  }

  async function appInfo(): Promise<AppInfo> {
    if (!health) health = await portal.health().catch(() => null);
    return {
      version: options.appVersion,
      portal: { url: portal.baseUrl, name: health?.name ?? null, mock: health?.mock ?? false, reachable: health !== null },
      secretStore: secrets.kind,
      libraryFolder: settings.get().libraryFolder ?? libraryDefault,
      portalSite: portalSiteOf(health),
    };
  }

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

  const api: DossierApi = withLibraryLock({ lock: libraryLock, lastLawyer, session: () => auth.currentSession() }, {
    'app.info': async () => appInfo(),
    'settings.get': async () => settings.get(),
    'settings.update': async (change) => updateSettings(change),
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
    'procuratorates.list': async (filter) => directory.procuratorates(filter),
    'uploads.add': async (upload) => cases.addUpload(upload),
    'bindings.list': async () => cases.bindings(),
    'bindings.create': async (form) => cases.createBinding(form),
    'boundCases.list': async () => cases.boundCases(),
    'reviews.notice': async () => cases.reviewNotice(),
    'reviews.apply': async (application) => cases.applyForReview(application),
    'appointments.list': async () => cases.appointments(),
    'appointments.downloadPassword': async ({ appointmentId }) => cases.downloadPassword(appointmentId),
    'messages.list': async () => messages.list(),
    'messages.markRead': async ({ ids }) => messages.markRead(ids),
    'sms.paste': async ({ text }) => smsPaste.paste(text),
    'sms.kept': async () => keptSms.list(),
    'sms.forget': async ({ id }) => {
      await keptSms.forget(id);
      return null;
    },
    'pickup.list': async () => pickupList(),
    'pickup.import': async ({ id }) => pickup.import(id),
    'pickup.ignore': async ({ id }) => pickup.ignore(id),
    'portalSite.open': async () => {
      const { url } = portalSiteOf(health ?? (await portal.health().catch(() => null)));
      if (!options.openPortalSite) return { url, opened: false };
      await options.openPortalSite(url);
      return { url, opened: true };
    },
    'contacts.list': async ({ q }) => directory.contacts(q),
    'downloads.start': async (input) => downloads.start(input),
    'downloads.list': async () => [...browserDownloads.list(), ...downloads.list()],
    'downloads.pause': async ({ id }) => (browserDownloads.owns(id) ? browserDownloads.pause(id) : downloads.pause(id)),
    'downloads.resume': async ({ id, stepUpId }) => (browserDownloads.owns(id) ? browserDownloads.resume(id) : downloads.resume(id, stepUpId)),
    'downloads.cancel': async ({ id }) => (browserDownloads.owns(id) ? browserDownloads.cancel(id) : downloads.cancel(id)),
    'library.list': async ({ q }) => library.list(q),
    'library.get': async ({ id }) => library.get(id),
    'library.extract': async ({ id, password }) => library.extract(id, password),
    'library.remove': async ({ id }) => {
      const folder = library.folderOf(id);
      await library.remove(id);
      search.forget(id);
      await ocr.forget(id);
      await texts.forget(id, folder);
      contents.forget(id);
      pageNumbers.forget(id);
      return null;
    },
    'library.reveal': async ({ id }) => {
      await library.reveal(id);
      return null;
    },
    'library.import': async ({ source, password, caseName }) => importDossier(source, password, caseName),
    'library.passwords': async ({ id }) => library.passwords(id),
    'library.rememberOpenPassword': async ({ id, password }) => {
      // Find tries the documents it skipped again with the new password on its next run.
      await library.rememberOpenPassword(id, password);
      return null;
    },
    'documents.info': async ({ dossierId, path }) => documents.info(documentsFolder(dossierId), dossierId, path),
    'documents.read': async ({ dossierId, path, offset, length }) => {
      const bytes = await documents.read(documentsFolder(dossierId), path, offset, length);
      return { dataBase64: bytes.toString('base64') };
    },
    'documents.openExternal': async ({ dossierId, path }) => {
      checkOpenable(path);
      const real = await documents.locate(documentsFolder(dossierId), path);
      await (options.libraryHooks?.openItem ?? openInDefaultApp)(real);
      return null;
    },
    'dossier.find': async ({ dossierId, query, limit }) => findInDossier(dossierId, query, limit),
    'dossier.findStart': async ({ dossierId, query, searchId }) => {
      await findStreams.start(searchId, query, () => searchTarget(dossierId));
      return { searchId };
    },
    'dossier.findCancel': async ({ searchId }) => {
      findStreams.cancel(searchId);
      return null;
    },
    'dossier.contents': async ({ dossierId }) => dossierContents(dossierId),
    'dossier.pageNumbers': async ({ dossierId }) => dossierPageNumbers(dossierId),
    'notes.list': async ({ dossierId }) => notes.list(dossierId),
    'notes.save': async ({ dossierId, note }) => notes.save(dossierId, note),
    'notes.remove': async ({ dossierId, id }) => {
      await notes.remove(dossierId, id);
      return null;
    },
    'notes.export': async ({ dossierId, format }) => notes.export(dossierId, format),
    'reading.get': async ({ dossierId }) => reading.get(dossierId),
    'reading.set': async ({ dossierId, position }) => {
      await reading.set(dossierId, position);
      return null;
    },
    'reading.progress': async ({ dossierId }) => progress.progress(dossierId),
    'reading.markSeen': async ({ dossierId, document, pages }) => progress.markSeen(dossierId, document, pages),
    'ocr.status': async ({ dossierId }) => ocr.status(dossierId),
    'ocr.pause': async ({ dossierId }) => ocr.pause(dossierId),
    'ocr.resume': async ({ dossierId }) => ocr.resume(dossierId),
    'dossier.pageText': async ({ dossierId, document, page }) => recognisedPage(dossierId, document, page),
  });

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
