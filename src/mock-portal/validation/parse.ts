import type { z } from 'zod';
import { AppError } from '../../shared/errors';

const whereLabels = { body: '请求体', query: '查询参数', params: '路径参数' } as const;

/** Parses one part of a request, or throws VALIDATION with the first problem in plain words. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: keyof typeof whereLabels): z.output<S> {
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue || issue.path.length === 0) {
    throw new AppError('VALIDATION', issue?.code === 'invalid_type' ? `${whereLabels[where]}必须是 JSON 对象` : `${whereLabels[where]}无效`);
  }
  throw new AppError('VALIDATION', issue.message);
}
