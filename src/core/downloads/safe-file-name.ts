import { AppError } from '../../shared/errors';

const RESERVED_WINDOWS = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * The portal names the file; it must stay a plain name inside the destination folder whatever it
 * claims (no separators, no `..`, no control characters, nothing Windows refuses).
 */
export function safeFileName(name: string): string {
  const trimmed = name.trim();
  const unsafe =
    trimmed === '' ||
    trimmed === '.' ||
    trimmed === '..' ||
    trimmed.length > 200 ||
    /[/\\:*?"<>|]/.test(trimmed) ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/.test(trimmed) ||
    trimmed.startsWith('.') ||
    RESERVED_WINDOWS.test(trimmed);
  if (unsafe) throw new AppError('VALIDATION', `卷宗文件名不安全：${JSON.stringify(name)}`);
  return trimmed;
}
