/** The CLI's HTTP calls to a portal (fetch, JSON), with the portal's own error messages kept. */
import type { PortalErrorBody } from '../shared/portal-wire';

/** A portal refusal, with its error code kept so callers can tell NOT_FOUND from the rest. */
export class PortalRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function callPortal<T>(portal: string, method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${portal}${path}`, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
    throw new Error(`无法连接门户 ${portal}：${cause}`, { cause: error });
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: reported below by status.
  }
  if (!response.ok) {
    const error = (data as Partial<PortalErrorBody> | null)?.error;
    throw new PortalRefusal(error?.code ?? 'PORTAL_ERROR', error?.message ?? `门户返回 HTTP ${response.status}`);
  }
  return data as T;
}
