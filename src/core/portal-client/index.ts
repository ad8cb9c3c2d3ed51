/**
 * The 12309 portal's HTTP API as the app uses it (src/shared/portal-wire.ts). The same client talks
 * to the bundled mock portal and to any other portal: core never reaches the portal but over HTTP.
 */
import axios, { type AxiosInstance } from 'axios';
import {
  STEP_UP_HEADER,
  type AppointmentListResponse,
  type AppointmentView,
  type BindingCreateRequest,
  type BindingListResponse,
  type BindingView,
  type BoundCaseListResponse,
  type BoundCaseView,
  type CompleteProfileRequest,
  type DownloadLinkResponse,
  type LoginTokenResponse,
  type MeResponse,
  type PortalHealth,
  type PortalMessageListResponse,
  type Procuratorate,
  type ProcuratorateListResponse,
  type QrSessionView,
  type QrState,
  type ReviewCreateRequest,
  type ReviewNotice,
  type ReviewView,
  type SmsCodeResponse,
  type StepUpAction,
  type UploadKind,
  type UploadView,
} from '../../shared/portal-wire';
import { toPortalError } from './portal-error';

export interface PortalClientOptions {
  baseUrl: string;
  /** Per-request timeout for ordinary calls; long polls add their wait to it. */
  timeoutMs?: number;
}

export class PortalClient {
  readonly baseUrl: string;
  private readonly http: AxiosInstance;
  private readonly timeoutMs: number;

  constructor(options: PortalClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.http = axios.create({
      baseURL: this.baseUrl,
      timeout: this.timeoutMs,
      headers: { Accept: 'application/json' },
      // Never follow a portal's redirect elsewhere with our bearer token.
      maxRedirects: 0,
      proxy: false,
    });
  }

  health(): Promise<PortalHealth> {
    return this.request({ method: 'GET', url: '/api/health' });
  }

  createQrSession(): Promise<QrSessionView> {
    return this.request({ method: 'POST', url: '/api/auth/qr-sessions', data: { purpose: 'login' } });
  }

  /** Long-polls: answers once the state differs from `since`, or after `waitMs`. */
  getQrSession(id: string, wait?: { since: QrState; waitMs: number; signal?: AbortSignal }): Promise<QrSessionView> {
    return this.request({
      method: 'GET',
      url: `/api/auth/qr-sessions/${encodeURIComponent(id)}`,
      params: wait ? { since: wait.since, waitMs: wait.waitMs } : undefined,
      timeout: this.timeoutMs + (wait?.waitMs ?? 0),
      signal: wait?.signal,
    });
  }

  claimLoginToken(id: string): Promise<LoginTokenResponse> {
    return this.request({ method: 'POST', url: `/api/auth/qr-sessions/${encodeURIComponent(id)}/token`, data: {} });
  }

  me(token: string): Promise<MeResponse> {
    return this.request({ method: 'GET', url: '/api/me', headers: bearer(token) });
  }

  agreeAuthorization(token: string): Promise<MeResponse> {
    return this.request({ method: 'POST', url: '/api/me/authorization', data: { agree: true }, headers: bearer(token) });
  }

  completeProfile(token: string, profile: CompleteProfileRequest): Promise<MeResponse> {
    return this.request({ method: 'PUT', url: '/api/me/profile', data: profile, headers: bearer(token) });
  }

  async logout(token: string): Promise<void> {
    await this.request({ method: 'POST', url: '/api/auth/logout', data: {}, headers: bearer(token) });
  }

  requestSmsCode(phone: string): Promise<SmsCodeResponse> {
    return this.request({ method: 'POST', url: '/api/auth/sms-codes', data: { phone } });
  }

  smsLogin(phone: string, code: string): Promise<LoginTokenResponse> {
    return this.request({ method: 'POST', url: '/api/auth/sms-login', data: { phone, code } });
  }

  passwordLogin(phone: string, password: string): Promise<LoginTokenResponse> {
    return this.request({ method: 'POST', url: '/api/auth/password-login', data: { phone, password } });
  }

  /** A verify QR session for a guarded action, followed like a login one (getQrSession). */
  startStepUp(token: string, action: StepUpAction): Promise<QrSessionView> {
    return this.request({ method: 'POST', url: '/api/step-up', data: { action }, headers: bearer(token) });
  }

  async procuratorates(filter: { q?: string; pilot?: boolean } = {}): Promise<Procuratorate[]> {
    const params: Record<string, string> = {};
    if (filter.q) params.q = filter.q;
    if (filter.pilot !== undefined) params.pilot = String(filter.pilot);
    const answer = await this.request<ProcuratorateListResponse>({ method: 'GET', url: '/api/procuratorates', params });
    return answer.items;
  }

  /** POST /api/uploads as multipart/form-data; the portal decides the type from the bytes. */
  upload(token: string, file: { kind: UploadKind; fileName: string; bytes: Uint8Array }): Promise<UploadView> {
    const form = new FormData();
    form.append('kind', file.kind);
    // No claimed type: the portal sniffs the content and refuses what it does not take.
    const blob = new Blob([new Uint8Array(file.bytes)], { type: 'application/octet-stream' });
    form.append('file', blob, file.fileName);
    return this.request({ method: 'POST', url: '/api/uploads', data: form, headers: bearer(token) });
  }

  async bindings(token: string): Promise<BindingView[]> {
    const answer = await this.request<BindingListResponse>({ method: 'GET', url: '/api/bindings', headers: bearer(token) });
    return answer.items;
  }

  createBinding(token: string, request: BindingCreateRequest, stepUpId?: string): Promise<BindingView> {
    return this.request({ method: 'POST', url: '/api/bindings', data: request, headers: bearer(token, stepUpId) });
  }

  async boundCases(token: string): Promise<BoundCaseView[]> {
    const answer = await this.request<BoundCaseListResponse>({ method: 'GET', url: '/api/bound-cases', headers: bearer(token) });
    return answer.items;
  }

  reviewNotice(): Promise<ReviewNotice> {
    return this.request({ method: 'GET', url: '/api/reviews/notice' });
  }

  applyForReview(token: string, bindingId: string, request: ReviewCreateRequest, stepUpId?: string): Promise<ReviewView> {
    return this.request({
      method: 'POST',
      url: `/api/bound-cases/${encodeURIComponent(bindingId)}/reviews`,
      data: request,
      headers: bearer(token, stepUpId),
    });
  }

  async appointments(token: string): Promise<AppointmentView[]> {
    const answer = await this.request<AppointmentListResponse>({ method: 'GET', url: '/api/appointments', headers: bearer(token) });
    return answer.items;
  }

  messages(token: string): Promise<PortalMessageListResponse> {
    return this.request({ method: 'GET', url: '/api/messages', headers: bearer(token) });
  }

  /** Marks the given messages read, or all of them when `ids` is omitted; answers the list as it is now. */
  markMessagesRead(token: string, ids?: string[]): Promise<PortalMessageListResponse> {
    return this.request({ method: 'POST', url: '/api/messages/read', data: ids ? { ids } : {}, headers: bearer(token) });
  }

  /** 卷宗下载: a short-lived link to the published dossier; needs the download password and a confirmed step-up. */
  createDownloadLink(token: string, reviewId: string, password: string, stepUpId: string): Promise<DownloadLinkResponse> {
    return this.request({
      method: 'POST',
      url: `/api/reviews/${encodeURIComponent(reviewId)}/download-links`,
      data: { password },
      headers: bearer(token, stepUpId),
    });
  }

  private async request<T>(config: Parameters<AxiosInstance['request']>[0]): Promise<T> {
    try {
      const response = await this.http.request<T>(config);
      return response.data;
    } catch (error) {
      throw toPortalError(error, this.baseUrl);
    }
  }
}

/** The bearer token, and for guarded actions the confirmed step-up verification. */
function bearer(token: string, stepUpId?: string): Record<string, string> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (stepUpId) headers[STEP_UP_HEADER] = stepUpId;
  return headers;
}
