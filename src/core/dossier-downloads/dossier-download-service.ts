/**
 * 卷宗下载 (manual §6): from an appointment to a verified archive in the managed folder. A link is
 * asked of the portal with the 卷宗下载密码 and a step-up verification, the DownloadEngine fetches
 * and verifies the archive in the dossier's folder, and only a verified archive is handed to the
 * library. The UI follows along through 'downloads.changed'.
 */
import type { DownloadItem } from '../../shared/library';
import { AppError, toErrorPayload } from '../../shared/errors';
import type { AppointmentView } from '../../shared/portal-wire';
import type { AuthService } from '../auth';
import type { DossierPasswordStore } from '../dossier-passwords';
import {
  DownloadEngine,
  secretLinkStore,
  type DownloadEngineOptions,
  type DownloadProgress,
  type DownloadSnapshot,
  type DownloadState,
} from '../download-engine';
import type { EventHub } from '../events/event-hub';
import type { PortalClient } from '../portal-client';
import type { SecretStore } from '../secrets';
import { toDownloadItem, type ItemContext } from './download-item';

/** What the service needs of the library (the LibraryService implements it). */
export interface LibraryForDownloads {
  /** The dossier's folder, created when missing; the archive is downloaded into it. */
  prepareDownloadFolder(input: { id: string; caseName: string; unit: string | null }): Promise<string>;
  /** Dossier folders holding an unfinished download (to resume after a restart). */
  pendingDownloads(): { id: string; caseName: string; unit: string | null; folder: string }[];
  /** A verified archive: it becomes a dossier. */
  addDownloaded(input: { id: string; caseName: string; unit: string | null; archivePath: string; sha256: string; size: number }): Promise<unknown>;
}

/** The lawyer's appointments (CaseService); an appointment's id is its review's id. */
export interface AppointmentLookup {
  appointments(): Promise<AppointmentView[]>;
}

export interface DossierDownloadServiceOptions {
  portal: PortalClient;
  auth: Pick<AuthService, 'withToken'>;
  cases: AppointmentLookup;
  passwords: DossierPasswordStore;
  /** Holds each unfinished download's link (a credential) so a restart can resume. */
  secrets: SecretStore;
  events: EventHub;
  library: LibraryForDownloads;
  /** Engine tuning (retries, backoff, timeouts); its base URL and link store come from above. */
  engine?: Omit<DownloadEngineOptions, 'baseUrl' | 'links'>;
}

interface DossierMeta {
  dossierId: string;
  caseName: string;
  unit: string | null;
}

interface Tracked extends ItemContext {
  meta: DossierMeta;
  /** For newest-first listing. */
  startedAt: number;
  /** When the portal said the link stops working; null when unknown (resumed after a restart). */
  linkExpiresAt: number | null;
  lastProgressAt: number;
  handingOff: boolean;
}

/** Progress reaches the UI at most 4 times a second per download. */
const PROGRESS_INTERVAL_MS = 250;
const ACTIVE: readonly DownloadState[] = ['downloading', 'retrying', 'verifying'];
const STEP_UP_FOR_LINK = '下载链接已失效，请扫码完成身份核验后继续下载';

export class DossierDownloadService {
  private readonly engine: DownloadEngine;
  /** Dossier folder → the dossier downloading into it (one folder per dossier). */
  private readonly folders = new Map<string, DossierMeta>();
  private readonly tracked = new Map<string, Tracked>();
  /** Starts in flight per appointment, so a double click asks the portal once. */
  private readonly starting = new Map<string, Promise<DownloadItem>>();
  private readonly handoffs = new Set<Promise<void>>();
  private readonly unsubscribe: (() => void)[];

  constructor(private readonly options: DossierDownloadServiceOptions) {
    this.engine = new DownloadEngine({
      ...options.engine,
      baseUrl: options.portal.baseUrl,
      links: secretLinkStore(options.secrets),
    });
    this.unsubscribe = [
      this.engine.on('state', (snapshot) => this.onState(snapshot)),
      this.engine.on('progress', (progress) => this.onProgress(progress)),
    ];
  }

  /**
   * 卷宗下载 of an appointment. The password is the one given, else the stored one; without either,
   * STEP_UP_REQUIRED when no verification was given yet (the scan comes first), else
   * PASSWORD_REQUIRED. The portal's STEP_UP_REQUIRED, WRONG_PASSWORD and LOCKED_OUT pass through (a
   * wrong password leaves the verification usable). A partial download of the same archive continues
   * from its bytes; an appointment already downloading answers with that download.
   */
  start(input: { appointmentId: string; password?: string; stepUpId?: string }): Promise<DownloadItem> {
    const running = this.activeFor(input.appointmentId);
    if (running) return Promise.resolve(running);
    const inFlight = this.starting.get(input.appointmentId);
    if (inFlight) return inFlight;
    const started = this.doStart(input).finally(() => this.starting.delete(input.appointmentId));
    this.starting.set(input.appointmentId, started);
    return started;
  }

  /** This run's downloads and those resumed from an earlier one, newest first. */
  list(): DownloadItem[] {
    return this.engine
      .list()
      .map((snapshot) => ({ snapshot, tracked: this.track(snapshot) }))
      .sort((a, b) => b.tracked.startedAt - a.tracked.startedAt)
      .map(({ snapshot, tracked }) => toDownloadItem(snapshot, tracked));
  }

  async pause(id: string): Promise<DownloadItem> {
    return this.item(await this.engine.pause(id));
  }

  /**
   * Continues a paused or failed download from the bytes on disk. When its link expired or is gone
   * (e.g. after a restart without a keychain) a fresh one is asked for with the stored download
   * password: STEP_UP_REQUIRED without `stepUpId`, PASSWORD_REQUIRED when no password is stored
   * (then downloads.start with the password and the same verification continues the same bytes).
   */
  async resume(id: string, stepUpId?: string): Promise<DownloadItem> {
    const snapshot = this.engine.get(id);
    const tracked = this.track(snapshot);
    if (snapshot.state === 'completed' && typeof tracked.handoff === 'object') {
      // Verified, but the library did not take it: try the hand-over again.
      this.handOff(snapshot, tracked);
      return this.item(snapshot);
    }
    if (ACTIVE.includes(snapshot.state)) return this.item(snapshot);
    if (snapshot.state === 'completed' || snapshot.state === 'cancelled') throw new AppError('CONFLICT', '该下载已结束');
    const expired = tracked.linkExpiresAt !== null && tracked.linkExpiresAt <= Date.now();
    if (snapshot.hasLink && !expired) return this.item(await this.engine.resume(id));

    if (!stepUpId) throw new AppError('STEP_UP_REQUIRED', STEP_UP_FOR_LINK);
    const password = (await this.options.passwords.get(snapshot.reviewId)).download;
    if (!password) throw new AppError('PASSWORD_REQUIRED', '请输入卷宗下载密码后重新下载');
    const link = await this.options.auth.withToken((token) =>
      this.options.portal.createDownloadLink(token, snapshot.reviewId, password, stepUpId),
    );
    if (link.sha256.toLowerCase() !== snapshot.sha256 || link.size !== snapshot.total) {
      // The portal now serves another archive: the bytes on disk cannot be continued.
      await this.engine.cancel(id);
      const restarted = await this.engine.start({
        reviewId: snapshot.reviewId,
        url: link.url,
        expectedSha256: link.sha256,
        size: link.size,
        fileName: link.fileName,
        destination: snapshot.destination,
      });
      this.track(restarted).linkExpiresAt = Date.parse(link.expiresAt);
      return this.item(restarted);
    }
    tracked.linkExpiresAt = Date.parse(link.expiresAt);
    return this.item(await this.engine.resume(id, { url: link.url }));
  }

  /** Stops and deletes the partial file (and forgets the link); an earlier good copy stays. */
  async cancel(id: string): Promise<DownloadItem> {
    return this.item(await this.engine.cancel(id));
  }

  /** Picks up the downloads an earlier run left unfinished in the library's dossier folders. */
  async resumeAfterRestart(): Promise<DownloadItem[]> {
    const resumed: DownloadItem[] = [];
    for (const pending of this.options.library.pendingDownloads()) {
      this.folders.set(pending.folder, { dossierId: pending.id, caseName: pending.caseName, unit: pending.unit });
      try {
        for (const snapshot of await this.engine.resumeAll(pending.folder)) resumed.push(this.item(snapshot));
      } catch (error) {
        // One unreadable folder must not keep the others from resuming.
        console.warn(`could not resume the download of dossier ${pending.id}:`, toErrorPayload(error).message);
      }
    }
    return resumed;
  }

  /** Pauses what is in flight (partials and links stay for the next start) and finishes hand-overs. */
  async close(): Promise<void> {
    await this.engine.close();
    while (this.handoffs.size > 0) await Promise.all([...this.handoffs]);
    for (const off of this.unsubscribe.splice(0)) off();
  }

  private async doStart({ appointmentId, password, stepUpId }: { appointmentId: string; password?: string; stepUpId?: string }) {
    const { auth, portal, passwords, library } = this.options;
    const appointment = (await this.options.cases.appointments()).find((item) => item.id === appointmentId);
    if (!appointment) throw new AppError('NOT_FOUND', '没有这个预约');
    if (appointment.status !== 'published' || appointment.dossier === null) {
      throw new AppError('CONFLICT', `「${appointment.caseName}」的卷宗网上处理尚未完成（${appointment.statusLabel}），暂不能下载`);
    }

    const chosen = password ?? (await passwords.get(appointmentId)).download;
    if (!chosen) {
      // The scan comes first, then the password prompt: ask for whichever is missing first.
      if (!stepUpId) throw new AppError('STEP_UP_REQUIRED', '卷宗下载前请扫码完成身份核验');
      throw new AppError('PASSWORD_REQUIRED', '请输入短信中的卷宗下载密码');
    }
    // The portal decides on the verification: without one it answers STEP_UP_REQUIRED.
    const link = await auth.withToken((token) => portal.createDownloadLink(token, appointmentId, chosen, stepUpId ?? ''));
    if (password !== undefined) {
      try {
        await passwords.store(appointmentId, { download: password, open: null });
      } catch (error) {
        // The link is issued (and the verification spent): the download goes on; retyping later is the cost.
        console.warn('could not keep the download password:', toErrorPayload(error).code);
      }
    }

    const meta: DossierMeta = { dossierId: appointment.id, caseName: appointment.caseName, unit: appointment.procuratorate.name };
    const folder = await library.prepareDownloadFolder({ id: meta.dossierId, caseName: meta.caseName, unit: meta.unit });
    this.folders.set(folder, meta);
    const snapshot = await this.engine.start({
      reviewId: appointment.id,
      url: link.url,
      expectedSha256: link.sha256,
      size: link.size,
      fileName: link.fileName,
      destination: folder,
    });
    const tracked = this.track(snapshot);
    tracked.startedAt = Date.now();
    tracked.linkExpiresAt = Date.parse(link.expiresAt);
    return this.item(this.engine.get(snapshot.id));
  }

  /** The appointment's download in flight (or being handed to the library), if any. */
  private activeFor(appointmentId: string): DownloadItem | null {
    for (const snapshot of this.engine.list()) {
      if (snapshot.reviewId !== appointmentId) continue;
      const tracked = this.track(snapshot);
      if (ACTIVE.includes(snapshot.state) || (snapshot.state === 'completed' && tracked.handoff === 'pending')) {
        return toDownloadItem(snapshot, tracked);
      }
    }
    return null;
  }

  private track(snapshot: DownloadSnapshot): Tracked {
    let tracked = this.tracked.get(snapshot.id);
    if (!tracked) {
      const meta = this.folders.get(snapshot.destination) ?? {
        dossierId: snapshot.reviewId,
        caseName: snapshot.fileName.replace(/\.[^.]*$/, ''),
        unit: null,
      };
      tracked = {
        meta,
        dossierId: meta.dossierId,
        caseName: meta.caseName,
        handoff: 'pending',
        bytesPerSecond: 0,
        secondsLeft: null,
        startedAt: Date.now(),
        linkExpiresAt: null,
        lastProgressAt: 0,
        handingOff: false,
      };
      this.tracked.set(snapshot.id, tracked);
    }
    return tracked;
  }

  private item(snapshot: DownloadSnapshot): DownloadItem {
    return toDownloadItem(snapshot, this.track(snapshot));
  }

  private emit(snapshot: DownloadSnapshot): void {
    this.options.events.emit('downloads.changed', this.item(snapshot));
  }

  private onState(snapshot: DownloadSnapshot): void {
    const tracked = this.track(snapshot);
    if (snapshot.state !== 'downloading') {
      tracked.bytesPerSecond = 0;
      tracked.secondsLeft = null;
    }
    if (snapshot.state === 'completed' && tracked.handoff === 'pending') this.handOff(snapshot, tracked);
    this.emit(snapshot);
  }

  private onProgress(progress: DownloadProgress): void {
    const tracked = this.tracked.get(progress.id);
    if (!tracked) return;
    tracked.bytesPerSecond = progress.bytesPerSecond;
    tracked.secondsLeft = progress.secondsLeft;
    const now = performance.now();
    if (now - tracked.lastProgressAt < PROGRESS_INTERVAL_MS) return;
    tracked.lastProgressAt = now;
    this.emit(this.engine.get(progress.id));
  }

  /** Gives the verified archive to the library; only then is the download 'completed'. */
  private handOff(snapshot: DownloadSnapshot, tracked: Tracked): void {
    if (tracked.handingOff || !snapshot.filePath) return;
    tracked.handingOff = true;
    tracked.handoff = 'pending';
    const archivePath = snapshot.filePath;
    const running = (async () => {
      try {
        await this.options.library.addDownloaded({
          id: tracked.meta.dossierId,
          caseName: tracked.meta.caseName,
          unit: tracked.meta.unit,
          archivePath,
          sha256: snapshot.sha256,
          size: snapshot.total,
        });
        tracked.handoff = 'done';
      } catch (error) {
        tracked.handoff = { failed: toErrorPayload(error) };
      } finally {
        tracked.handingOff = false;
      }
      this.emit(this.engine.get(snapshot.id));
    })();
    this.handoffs.add(running);
    void running.finally(() => this.handoffs.delete(running));
  }
}
