/** The managed folder a lawyer picks in 设置: it must be a folder the app can create and write. */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, normalize } from 'node:path';
import { AppError } from '../shared/errors';
import { PRIVATE_DIR_MODE } from './fs/private-dir';

/** Resolves to the normalised path once the folder exists and takes a file; otherwise VALIDATION. */
export async function checkLibraryFolder(path: string): Promise<string> {
  const trimmed = path.trim();
  if (!isAbsolute(trimmed)) throw new AppError('VALIDATION', '卷宗保存位置必须是完整路径（例如 D:\\卷宗 或 /home/用户/卷宗）');
  const folder = normalize(trimmed);
  const probe = join(folder, `.write-check-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(folder, { recursive: true, mode: PRIVATE_DIR_MODE });
    await writeFile(probe, '');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unknown';
    throw new AppError('VALIDATION', `无法写入该文件夹（${reason}）：${folder}`);
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
  return folder;
}
