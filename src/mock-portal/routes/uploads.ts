/**
 * Uploads for 案件绑定申请: multipart/form-data with a `kind` field and one `file`. Multipart has
 * its own limits here (one file of at most 10 MiB, a few small fields); everywhere else the
 * portal's small JSON body limit stays in force.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors';
import { MAX_UPLOAD_BYTES, type UploadView } from '../../shared/portal-wire';
import type { PortalContext } from '../context';
import { requireLawyer } from '../http/session';
import { tooLargeMessage, type NewUpload } from '../services/uploads';
import { idParamsSchema, uploadFormSchema } from '../validation/case-requests';
import { parseInput } from '../validation/parse';

const MAX_FIELD_BYTES = 1024;

export function uploadRoutes(app: FastifyInstance, ctx: PortalContext): void {
  // A scope of its own: the multipart parser applies to this route only.
  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, fieldSize: MAX_FIELD_BYTES, parts: 5, headerPairs: 20 },
    });

    scope.post('/api/uploads', async (request, reply): Promise<UploadView> => {
      const { account } = requireLawyer(ctx, request);
      if (!request.isMultipart()) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件（字段 kind 和 file）');
      }
      const form = await readForm(request);
      const { kind } = parseInput(uploadFormSchema, { kind: form.kind }, 'body');
      if (form.file === undefined) throw new AppError('VALIDATION', '缺少上传文件（file）');
      const upload = await ctx.uploads.create(account, { kind, ...form.file });
      reply.code(201);
      return upload;
    });
  });

  app.get('/api/uploads/:id', async (request): Promise<UploadView> => {
    const { account } = requireLawyer(ctx, request);
    const { id } = parseInput(idParamsSchema, request.params, 'params');
    return ctx.uploads.viewOwn(account, id);
  });
}

interface UploadForm {
  kind: string | undefined;
  file: Omit<NewUpload, 'kind'> | undefined;
}

/** Reads the whole form (fields may come before or after the file), mapping parser limits to plain words. */
async function readForm(request: FastifyRequest): Promise<UploadForm> {
  const form: UploadForm = { kind: undefined, file: undefined };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === 'kind') {
          if (form.kind !== undefined) throw new AppError('VALIDATION', '文件类别（kind）只能填写一次');
          form.kind = typeof part.value === 'string' ? part.value : undefined;
        }
        continue;
      }
      // Read every file part to its end, so the parser moves on and the limits apply.
      const bytes = await part.toBuffer();
      if (part.fieldname !== 'file') throw new AppError('VALIDATION', `未知的文件字段：${part.fieldname}，请使用 file`);
      form.file = { fileName: part.filename, declaredType: part.mimetype, bytes };
    }
  } catch (error) {
    throw multipartProblem(error);
  }
  return form;
}

function multipartProblem(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', tooLargeMessage());
    case 'FST_FILES_LIMIT':
      return new AppError('VALIDATION', '每次只能上传一个文件（file）');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('VALIDATION', '表单字段过多：只需 kind 和 file');
    case 'FST_PROTO_VIOLATION':
      return new AppError('VALIDATION', '表单字段名无效');
    default:
      // Truncated or malformed multipart bodies: the sender's fault, never the portal's.
      return new AppError('VALIDATION', '上传的表单数据不完整或格式错误（multipart/form-data）');
  }
}
