/** Turns a failed 7za run into the error the lawyer can act on. Never quotes the command line. */
import { open } from 'node:fs/promises';
import { AppError } from '../../shared/errors';
import type { SevenZipResult } from './run-seven-zip';

async function looksLikeKnownArchive(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const head = Buffer.alloc(6);
      await handle.read(head, 0, 6, 0);
      const zip = head[0] === 0x50 && head[1] === 0x4b && [3, 5, 7].includes(head[2] ?? 0);
      const sevenZ = head.equals(Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]));
      return zip || sevenZ;
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/** Lines 7za printed about what went wrong, without paths to our temp folders. */
function detail(result: SevenZipResult): string {
  const lines = `${result.stderr}\n${result.stdout}`
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => /error|wrong|unexpected|crc|can ?not|unsupported/i.test(line) && !/^(Errors|Sub items Errors|Archives with Errors|Open Errors):/.test(line));
  return [...new Set(lines)].slice(0, 3).join('; ');
}

export async function sevenZipFailure(result: SevenZipResult, archivePath: string, hadPassword: boolean): Promise<AppError> {
  const text = `${result.stderr}\n${result.stdout}`;
  if (/wrong password/i.test(text)) {
    return hadPassword
      ? new AppError('WRONG_PASSWORD', 'Wrong password for the archive')
      : new AppError('PASSWORD_REQUIRED', 'The archive is encrypted and needs a password');
  }
  if (/can ?not open the file as/i.test(text) && !(await looksLikeKnownArchive(archivePath))) {
    return new AppError('UNSUPPORTED_ARCHIVE', 'Not a zip or 7z archive');
  }
  if (/unsupported method/i.test(text)) return new AppError('UNSUPPORTED_ARCHIVE', `Unsupported compression method (${detail(result)})`);
  return new AppError('CORRUPT_ARCHIVE', `The archive is corrupt or truncated${detail(result) ? ` (${detail(result)})` : ''}`);
}
