/** The archive layer's errors, told to the lawyer in Chinese (its own detail kept in parentheses). */
import { AppError, toErrorPayload, type ErrorCode } from '../../shared/errors';

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  WRONG_PASSWORD: '压缩包密码不正确',
  PASSWORD_REQUIRED: '压缩包已加密，请输入卷宗文档打开密码',
  UNSUPPORTED_ARCHIVE: '不是受支持的压缩包（支持 zip 和 7z）',
  CORRUPT_ARCHIVE: '压缩包已损坏或不完整',
  UNSAFE_ARCHIVE: '压缩包含有不安全的条目，已拒绝解压',
  INSUFFICIENT_SPACE: '磁盘空间不足，无法解压',
  DISK_FULL: '磁盘已满',
};

/** Codes whose English detail adds nothing for the lawyer. */
const WITHOUT_DETAIL = new Set<ErrorCode>(['WRONG_PASSWORD', 'PASSWORD_REQUIRED', 'UNSUPPORTED_ARCHIVE']);

export function localizedArchiveError(error: unknown): AppError {
  const payload = toErrorPayload(error);
  if ((error as NodeJS.ErrnoException | null)?.code === 'ENOSPC') return new AppError('DISK_FULL', '磁盘已满');
  const text = MESSAGES[payload.code];
  if (!text) return new AppError(payload.code, payload.message);
  return new AppError(payload.code, WITHOUT_DETAIL.has(payload.code) || payload.message === '' ? text : `${text}（${payload.message}）`);
}
