/** The archive layer's errors, told to the lawyer in Chinese (its own detail kept in parentheses). */
import { ArchiveLimitError, type LimitFacts } from '../archives';
import { AppError, toErrorPayload, type ErrorCode } from '../../shared/errors';

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  WRONG_PASSWORD: '压缩包密码不正确',
  PASSWORD_REQUIRED: '压缩包已加密，请输入卷宗文档打开密码',
  UNSUPPORTED_ARCHIVE: '不是受支持的压缩包（支持 zip 和 7z）',
  CORRUPT_ARCHIVE: '压缩包已损坏或不完整',
  UNSAFE_ARCHIVE: '压缩包含有不安全的条目，已拒绝解压',
  INSUFFICIENT_SPACE: '磁盘空间不足，无法解压',
  DISK_FULL: '磁盘已满',
  NOT_FOUND: '找不到压缩包',
};

/** Codes whose English detail adds nothing for the lawyer. */
const WITHOUT_DETAIL = new Set<ErrorCode>(['WRONG_PASSWORD', 'PASSWORD_REQUIRED', 'UNSUPPORTED_ARCHIVE']);

/** Sizes as the lawyer reads them: 1.0 GB, 723 KB (1024-based, as file managers on Windows show them). */
export function formatBytes(bytes: number): string {
  const units = ['字节', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} 字节` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

function limitMessage(facts: LimitFacts): string {
  switch (facts.kind) {
    case 'size':
      return `压缩包解压后共 ${formatBytes(facts.unpackedBytes)}，超过了限制（${formatBytes(facts.limitBytes)}），已拒绝解压。卷宗确实这么大时，可在设置中调高“解压大小上限”`;
    case 'ratio':
      return `压缩包解压后共 ${formatBytes(facts.unpackedBytes)}，是压缩包大小（${formatBytes(facts.archiveBytes)}）的 ${Math.round(facts.ratio)} 倍，超过了限制（${facts.limitRatio} 倍），可能是恶意压缩包，已拒绝解压`;
    case 'entries':
      return `压缩包含有 ${facts.entries === Number.POSITIVE_INFINITY ? '过多' : `${facts.entries} 个`}条目，超过了限制（${facts.limitEntries} 个），已拒绝解压`;
    case 'space':
      return `磁盘空间不足，无法解压：需要 ${formatBytes(facts.neededBytes)}，另需保留 ${formatBytes(facts.marginBytes)} 余量，但只有 ${formatBytes(facts.freeBytes)} 可用`;
    case 'disk-full':
      return `解压时磁盘已满（剩余 ${formatBytes(facts.freeBytes)}），已解压的部分已删除。请腾出磁盘空间后重试`;
  }
}

export function localizedArchiveError(error: unknown): AppError {
  if (error instanceof ArchiveLimitError) return new AppError(error.code, limitMessage(error.facts));
  const payload = toErrorPayload(error);
  const errno = (error as NodeJS.ErrnoException | null)?.code;
  if (errno === 'ENOSPC' || errno === 'EDQUOT') return new AppError('DISK_FULL', '磁盘已满，操作未完成。请腾出磁盘空间后重试');
  const text = MESSAGES[payload.code];
  if (!text) return new AppError(payload.code, payload.message);
  return new AppError(payload.code, WITHOUT_DETAIL.has(payload.code) || payload.message === '' ? text : `${text}（${payload.message}）`);
}
