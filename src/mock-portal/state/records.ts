/**
 * What the mock portal keeps about the world. Persisted records are validated when loaded, so a
 * hand-edited or older data file fails with a clear message instead of half-working. New
 * collections get a default, so data files of earlier versions keep loading.
 */
import { z } from 'zod';

export const accountRecordSchema = z.object({
  id: z.string(),
  /** Identity as verified by the 中国律师身份核验 activation. */
  name: z.string(),
  idNumber: z.string(),
  licenseNumber: z.string(),
  phone: z.string(),
  activatedAt: z.string(),
  /** Registered at 12309 (完善信息 submitted, or registered by other means). */
  registered: z.boolean(),
  /** Agreed to 授权信息 for QR login at least once. */
  qrAuthorized: z.boolean(),
  lawFirm: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
});
export type AccountRecord = z.infer<typeof accountRecordSchema>;

/** A bearer token, known only by its SHA-256: the token itself is never stored. */
export const tokenRecordSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  accountId: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
});
export type TokenRecord = z.infer<typeof tokenRecordSchema>;

export const STATE_VERSION = 1;

export const persistedStateSchema = z.object({
  version: z.literal(STATE_VERSION),
  instanceId: z.string().min(1),
  accounts: z.array(accountRecordSchema).default([]),
  tokens: z.array(tokenRecordSchema).default([]),
});
export type PersistedState = z.infer<typeof persistedStateSchema>;
