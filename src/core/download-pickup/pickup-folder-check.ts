/** Folders a lawyer adds to 下载文件夹 in 设置: full paths of folders that exist and can be read. */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { isAbsolute, normalize } from 'node:path';
import { AppError } from '../../shared/errors';

/** The folders normalised, each once; VALIDATION naming the first one that is not a readable folder. */
export async function checkPickupFolders(paths: string[]): Promise<string[]> {
  const folders: string[] = [];
  for (const path of paths) {
    const trimmed = path.trim();
    if (!isAbsolute(trimmed)) throw new AppError('VALIDATION', `下载文件夹必须是完整路径（例如 D:\\下载 或 /home/用户/下载）：${trimmed}`);
    const folder = normalize(trimmed);
    const info = await stat(folder).catch(() => null);
    if (!info?.isDirectory()) throw new AppError('VALIDATION', `找不到这个文件夹：${folder}`);
    try {
      await access(folder, constants.R_OK | constants.X_OK);
    } catch {
      throw new AppError('VALIDATION', `没有读取这个文件夹的权限：${folder}`);
    }
    if (!folders.includes(folder)) folders.push(folder);
  }
  return folders;
}
