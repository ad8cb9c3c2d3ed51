import { isAxiosError } from 'axios';
import { AppError, isErrorCode } from '../../shared/errors';

/** Maps whatever axios threw into an AppError with a stable code the UI can translate. */
export function toPortalError(error: unknown, baseUrl: string): AppError {
  if (error instanceof AppError) return error;
  if (isAxiosError(error)) {
    if (error.code === 'ERR_CANCELED') return new AppError('INTERNAL', 'request cancelled');
    const response = error.response;
    if (!response) {
      return new AppError('PORTAL_UNREACHABLE', `无法连接门户 ${baseUrl}（${error.code ?? error.message}）`);
    }
    const body = response.data as { error?: { code?: unknown; message?: unknown } } | undefined;
    const code = body?.error?.code;
    const message = body?.error?.message;
    if (isErrorCode(code) && typeof message === 'string') return new AppError(code, message);
    if (response.status === 401) return new AppError('UNAUTHORIZED', '登录已过期，请重新登录');
    return new AppError('PORTAL_ERROR', `门户返回错误 HTTP ${response.status}`);
  }
  return new AppError('INTERNAL', error instanceof Error ? error.message : String(error));
}
