/** Turns the contract's base64 upload into bytes, refusing what the portal would refuse anyway. */
import { AppError } from '../../shared/errors';
import { MAX_UPLOAD_BYTES } from '../../shared/portal-wire';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function decodeUpload(dataBase64: string): Buffer {
  const text = dataBase64.replace(/\s+/g, '');
  // Node's decoder skips characters it does not know: check first, so damage is reported, not uploaded.
  if (text.length % 4 !== 0 || !BASE64.test(text)) throw new AppError('VALIDATION', '文件内容无效（应为 base64 编码）');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length === 0) throw new AppError('VALIDATION', '文件为空');
  if (bytes.length > MAX_UPLOAD_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '文件不能超过 10 MB');
  return bytes;
}
