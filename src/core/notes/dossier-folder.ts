import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { writeFileAtomic } from '../fs/atomic-write';

/**
 * Writes `name` atomically into a dossier's folder. The folder must still exist: a dossier removed
 * meanwhile must not have its folder brought back by a late write.
 */
export async function writeIntoDossierFolder(folder: string, name: string, data: string | Uint8Array): Promise<string> {
  const found = await stat(folder).catch(() => null);
  if (!found?.isDirectory()) throw new AppError('NOT_FOUND', `卷宗文件夹已不存在：${folder}`);
  const path = join(folder, name);
  await writeFileAtomic(path, data);
  return path;
}
