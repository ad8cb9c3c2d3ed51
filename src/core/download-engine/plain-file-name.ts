import { AppError } from '../../shared/errors';
import { isWindowsDeviceName, WINDOWS_FORBIDDEN_CHARS } from '../fs/windows-names';

/**
 * A file name given from outside (the portal's download, a browser's download or upload) must stay
 * a plain name inside the destination folder whatever it claims (no separators, no `..`, no control
 * characters, nothing Windows refuses). Refused, never changed: it names the dossier as the lawyer
 * knows it. (Names core makes up itself are made safe instead: ../library/safe-name.ts.)
 */
export function checkPlainFileName(name: string): string {
  const trimmed = name.trim();
  const unsafe =
    trimmed === '' ||
    trimmed === '.' ||
    trimmed === '..' ||
    trimmed.length > 200 ||
    [...trimmed].some((char) => WINDOWS_FORBIDDEN_CHARS.includes(char)) ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/.test(trimmed) ||
    trimmed.startsWith('.') ||
    isWindowsDeviceName(trimmed);
  if (unsafe) throw new AppError('VALIDATION', `卷宗文件名不安全：${JSON.stringify(name)}`);
  return trimmed;
}
