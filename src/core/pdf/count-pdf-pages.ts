/**
 * Counts a PDF's pages with pdf.js in Node, decrypting in memory with the open password. Opening an
 * AES-256 (R6) document costs ~150 ms per password check, so callers count one document at a time.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../../shared/errors';

/** pdf.js PasswordResponses: NEED_PASSWORD = 1, INCORRECT_PASSWORD = 2. */
const NEED_PASSWORD = 1;

interface PdfJsError {
  name?: string;
  code?: number;
  message?: string;
}

async function numPages(bytes: Uint8Array, password: string | undefined): Promise<number> {
  // getDocument transfers (detaches) the buffer it is given: always hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0, ...(password ? { password } : {}) });
  try {
    const pdf = await task.promise;
    return pdf.numPages;
  } finally {
    await task.destroy();
  }
}

function isPasswordError(error: unknown): error is PdfJsError {
  return (error as PdfJsError | null)?.name === 'PasswordException';
}

/**
 * The page count of a PDF. Throws AppError PASSWORD_REQUIRED / WRONG_PASSWORD when the document is
 * encrypted and the password is missing or wrong, INTERNAL when pdf.js cannot read it at all.
 */
export async function countPdfPages(bytes: Uint8Array, password?: string): Promise<number> {
  try {
    return await numPages(bytes, password);
  } catch (error) {
    if (!isPasswordError(error)) {
      throw new AppError('INTERNAL', `无法读取 PDF 文档：${(error as PdfJsError | null)?.message ?? String(error)}`);
    }
    if (password) {
      // Documents with only an owner password open without one, but refuse a wrong user password.
      try {
        return await numPages(bytes, undefined);
      } catch (retryError) {
        if (!isPasswordError(retryError)) throw new AppError('INTERNAL', `无法读取 PDF 文档：${retryError instanceof Error ? retryError.message : String(retryError)}`);
      }
      throw new AppError('WRONG_PASSWORD', 'PDF 文档打开密码不正确');
    }
    if (error.code === NEED_PASSWORD) throw new AppError('PASSWORD_REQUIRED', '该 PDF 文档需要打开密码');
    throw new AppError('WRONG_PASSWORD', 'PDF 文档打开密码不正确');
  }
}
