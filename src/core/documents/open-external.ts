/**
 * Which dossier files the OS's own app may open. A dossier is untrusted input: a program or script
 * in it would run, not open, so those are refused whatever the lawyer clicks.
 */
import { AppError } from '../../shared/errors';

const PROGRAMS = new Set([
  'exe', 'com', 'bat', 'cmd', 'scr', 'pif', 'msi', 'msp', 'cpl', 'dll', 'sys', 'hta', 'lnk', 'url', 'reg', 'inf',
  'ps1', 'psm1', 'vbs', 'vbe', 'js', 'jse', 'wsf', 'wsh', 'jar', 'app', 'command', 'tool', 'workflow', 'pkg',
  'dmg', 'sh', 'bash', 'zsh', 'csh', 'run', 'bin', 'desktop', 'appimage', 'deb', 'rpm', 'py', 'pl', 'rb', 'applescript', 'scpt',
]);

/** Throws UNSUPPORTED_MEDIA_TYPE for a program or script (by its extension). */
export function checkOpenable(path: string): void {
  const extension = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  if (PROGRAMS.has(extension)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `为安全起见，不打开卷宗中的程序或脚本：${path}`);
}
