/**
 * The lawyer's cases at the portal (manual §3–§4, §6): uploads for 案件绑定申请, the binding list
 * and 申请绑定, 已绑定案件, 申请在线阅卷 and 辩护与代理网上预约. Every call runs under the session
 * (AuthService.withToken); guarded calls carry the step-up verification when the UI has one.
 */
import type { AppointmentItem, CallInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { DownloadedDossier } from '../../shared/library';
import type {
  BindingView,
  BoundCaseView,
  ReviewNotice,
  ReviewView,
  UploadView,
} from '../../shared/portal-wire';
import type { AuthService } from '../auth';
import type { DossierPasswordStore } from '../dossier-passwords';
import type { PortalClient } from '../portal-client';
import { decodeUpload } from './upload-bytes';

export class CaseService {
  constructor(
    private readonly portal: PortalClient,
    private readonly auth: AuthService,
    private readonly passwords: DossierPasswordStore,
    /** Told after an action that may bring news (the messages poller looks right away). */
    private readonly onAction: () => void = () => undefined,
    /** The 卷宗库 dossier downloaded for an appointment, if any (the library keeps the appointment's id). */
    private readonly downloaded: (appointmentId: string) => DownloadedDossier | null = () => null,
  ) {}

  addUpload({ kind, fileName, dataBase64 }: CallInput<'uploads.add'>): Promise<UploadView> {
    const bytes = decodeUpload(dataBase64);
    return this.auth.withToken((token) => this.portal.upload(token, { kind, fileName: fileName.trim(), bytes }));
  }

  bindings(): Promise<BindingView[]> {
    return this.auth.withToken((token) => this.portal.bindings(token));
  }

  async createBinding({ stepUpId, ...request }: CallInput<'bindings.create'>): Promise<BindingView> {
    const created = await this.auth.withToken((token) => this.portal.createBinding(token, request, stepUpId));
    this.onAction();
    return created;
  }

  boundCases(): Promise<BoundCaseView[]> {
    return this.auth.withToken((token) => this.portal.boundCases(token));
  }

  /** The 须知 is public, but it is shown to signed-in lawyers only, on the way to applying. */
  reviewNotice(): Promise<ReviewNotice> {
    return this.auth.withToken(() => this.portal.reviewNotice());
  }

  async applyForReview({ bindingId, acceptNotice, noticeVersion, stepUpId }: CallInput<'reviews.apply'>): Promise<ReviewView> {
    const review = await this.auth.withToken((token) =>
      this.portal.applyForReview(token, bindingId, { acceptNotice, noticeVersion }, stepUpId),
    );
    this.onAction();
    return review;
  }

  /**
   * 辩护与代理网上预约, with which of each dossier's passwords the app holds (never their values) and
   * the dossier already in 卷宗库 for it.
   */
  async appointments(): Promise<AppointmentItem[]> {
    const items = await this.auth.withToken((token) => this.portal.appointments(token));
    return Promise.all(
      items.map(async (item) => ({ ...item, passwords: await this.passwords.held(item.id), library: this.downloaded(item.id) })),
    );
  }

  /**
   * The 卷宗下载密码 kept for one of the lawyer's own appointments (from 【粘贴短信】 or an earlier
   * download), straight from the keychain: there may be no 卷宗库 entry for it yet.
   */
  async downloadPassword(appointmentId: string): Promise<{ download: string | null }> {
    const items = await this.auth.withToken((token) => this.portal.appointments(token));
    if (!items.some((item) => item.id === appointmentId)) throw new AppError('NOT_FOUND', '没有找到该预约');
    return { download: (await this.passwords.get(appointmentId)).download };
  }
}
