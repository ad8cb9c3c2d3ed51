/**
 * The 12309 portal's HTTP API as the app uses it (src/shared/portal-wire.ts). The same client talks
 * to the bundled mock portal and to any other portal: core never reaches the portal but over HTTP.
 */
import axios, { type AxiosInstance } from 'axios';
import type {
  CompleteProfileRequest,
  LoginTokenResponse,
  MeResponse,
  PortalHealth,
  QrSessionView,
  QrState,
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

  private async request<T>(config: Parameters<AxiosInstance['request']>[0]): Promise<T> {
    try {
      const response = await this.http.request<T>(config);
      return response.data;
    } catch (error) {
      throw toPortalError(error, this.baseUrl);
    }
  }
}

function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}
