/**
 * The two passwords of a published dossier (manual §5): a 6-digit 卷宗下载密码 and a 7-digit
 * 卷宗文档打开密码, random per dossier. Only a salted hash of the download password is kept
 * (services/password-hash); the open password lives only in the SMS and in the PDFs' encryption.
 */
import { randomInt } from 'node:crypto';
import type { DossierPasswords } from './sms-texts';

function digits(count: number): string {
  let text = '';
  for (let i = 0; i < count; i += 1) text += String(randomInt(10));
  return text;
}

export function newDossierPasswords(): DossierPasswords {
  return { download: digits(6), open: digits(7) };
}
