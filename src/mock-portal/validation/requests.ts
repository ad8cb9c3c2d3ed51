/**
 * Request schemas of the portal API. Every message names the field in Chinese and by its wire
 * name, so a client can show it as is.
 */
import { z } from 'zod';
import { idNumberProblem } from './id-number';

/** Wire field → what the 12309 pages call it. */
export const fieldLabels: Record<string, string> = {
  name: '姓名',
  idNumber: '身份证号',
  licenseNumber: '律师执业证号',
  phone: '手机号',
  faceCheck: '人脸识别结果',
  purpose: '用途',
  qrText: '二维码内容',
  sessionId: '会话编号',
  decision: '确认结果',
  agree: '同意授权',
  lawFirm: '律师事务所',
  email: '电子邮箱',
  address: '联系地址',
  waitMs: '等待时间',
  since: '已知状态',
  id: '会话编号',
  code: '短信验证码',
  password: '密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
  action: '核验事项',
};

const text = (field: string) =>
  z.string({
    error: (issue) =>
      issue.input === undefined ? `缺少${fieldLabels[field]}（${field}）` : `${fieldLabels[field]}（${field}）必须是文本`,
  });

export const phoneSchema = text('phone')
  .trim()
  .regex(/^1[3-9]\d{9}$/, '手机号格式不正确（phone），应为 11 位中国大陆手机号');

export const activateRequestSchema = z.object({
  name: text('name')
    .trim()
    .regex(/^[\p{L}·]+(?: [\p{L}·]+)*$/u, '姓名（name）只能包含汉字或字母')
    .min(2, '姓名（name）至少 2 个字')
    .max(30, '姓名（name）最多 30 个字'),
  idNumber: text('idNumber')
    .trim()
    .transform((value) => value.toUpperCase())
    .superRefine((value, ctx) => {
      const problem = idNumberProblem(value);
      if (problem === 'format') ctx.addIssue({ code: 'custom', message: '身份证号（idNumber）应为 18 位，前 17 位为数字' });
      if (problem === 'birth-date') ctx.addIssue({ code: 'custom', message: '身份证号（idNumber）中的出生日期无效' });
      if (problem === 'checksum') ctx.addIssue({ code: 'custom', message: '身份证号（idNumber）校验位不正确，请核对' });
    }),
  licenseNumber: text('licenseNumber')
    .trim()
    .regex(/^\d{17}$/, '律师执业证号（licenseNumber）应为 17 位数字'),
  phone: phoneSchema,
  faceCheck: z
    .enum(['pass', 'fail'], { error: '人脸识别结果（faceCheck）只能是 pass 或 fail' })
    .optional()
    .default('pass'),
});

export const qrSessionCreateSchema = z.object({
  purpose: z.literal('login', { error: '用途（purpose）只能是 login' }),
});

export const qrSessionParamsSchema = z.object({
  id: text('id').regex(/^[A-Za-z0-9_-]{1,64}$/, '会话编号（id）格式不正确'),
});

const qrStates = ['waiting', 'scanned', 'confirmed', 'cancelled', 'expired'] as const;
export const MAX_WAIT_MS = 25_000;

export const qrSessionQuerySchema = z.object({
  waitMs: z
    .string()
    .regex(/^\d{1,6}$/, `等待时间（waitMs）必须是 0 到 ${MAX_WAIT_MS} 之间的整数（毫秒）`)
    .transform(Number)
    .refine((n) => n <= MAX_WAIT_MS, `等待时间（waitMs）必须是 0 到 ${MAX_WAIT_MS} 之间的整数（毫秒）`)
    .optional(),
  since: z.enum(qrStates, { error: `已知状态（since）只能是 ${qrStates.join('、')} 之一` }).optional(),
});

export const phoneScanSchema = z.object({
  qrText: text('qrText').trim().min(1, '二维码内容（qrText）不能为空').max(200, '二维码内容（qrText）过长'),
  phone: phoneSchema,
});

export const phoneConfirmSchema = z.object({
  sessionId: text('sessionId').regex(/^[A-Za-z0-9_-]{1,64}$/, '会话编号（sessionId）格式不正确'),
  phone: phoneSchema,
  decision: z.enum(['confirm', 'cancel'], { error: '确认结果（decision）只能是 confirm 或 cancel' }),
});

export const authorizationSchema = z.object({
  agree: z.literal(true, { error: '须同意授权信息（agree 必须为 true）' }),
});

export const completeProfileSchema = z.object({
  lawFirm: text('lawFirm')
    .trim()
    .min(2, '律师事务所（lawFirm）至少 2 个字')
    .max(100, '律师事务所（lawFirm）最多 100 个字'),
  // An empty email or address means "none", as the 完善信息 form submits it.
  email: text('email')
    .trim()
    .max(254, '电子邮箱（email）过长')
    .refine((value) => value === '' || z.regexes.email.test(value), '电子邮箱（email）格式不正确')
    .optional(),
  address: text('address').trim().max(200, '联系地址（address）最多 200 个字').optional(),
});

export const smsCodeRequestSchema = z.object({ phone: phoneSchema });

export const smsLoginSchema = z.object({
  phone: phoneSchema,
  code: text('code')
    .trim()
    .regex(/^\d{6}$/, '短信验证码（code）应为 6 位数字'),
});

/** Any password may be tried (the rules below apply when one is set); only the length is bounded. */
const passwordAttempt = (field: string) =>
  text(field)
    .min(1, `${fieldLabels[field]}（${field}）不能为空`)
    .max(128, `${fieldLabels[field]}（${field}）过长`);

export const passwordLoginSchema = z.object({
  phone: phoneSchema,
  password: passwordAttempt('password'),
});

export const PASSWORD_RULE = '8–32 位字母、数字或英文符号，须同时包含字母和数字';

export const changePasswordSchema = z.object({
  currentPassword: passwordAttempt('currentPassword').optional(),
  newPassword: text('newPassword')
    .refine((value) => /^[\x21-\x7e]{8,32}$/.test(value), `新密码（newPassword）应为 ${PASSWORD_RULE}`)
    .refine((value) => /[A-Za-z]/.test(value) && /\d/.test(value), `新密码（newPassword）应为 ${PASSWORD_RULE}`),
});

const stepUpActions = ['binding', 'appointment', 'review', 'download'] as const;
export const stepUpRequestSchema = z.object({
  action: z.enum(stepUpActions, { error: `核验事项（action）只能是 ${stepUpActions.join('、')} 之一` }),
});

export const phoneSmsQuerySchema = z.object({ phone: phoneSchema });
