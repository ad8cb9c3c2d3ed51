/** Request schema of POST /api/messages/read. */
import { z } from 'zod';

/** More ids than a lawyer can have messages is a mistake, not a request. */
const MAX_IDS = 500;

export const messageReadSchema = z.object(
  {
    ids: z
      .array(
        z
          .string({ error: '消息编号（ids）必须是文本' })
          .regex(/^[A-Za-z0-9_-]{1,64}$/, '消息编号（ids）格式不正确'),
        { error: '消息编号（ids）必须是数组' },
      )
      .max(MAX_IDS, `消息编号（ids）最多 ${MAX_IDS} 个`)
      .optional(),
  },
  { error: '请求体必须是 JSON 对象' },
);
