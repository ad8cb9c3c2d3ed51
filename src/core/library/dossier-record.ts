/**
 * `dossier.json`: what each dossier folder says about itself, so the library can be rebuilt from disk.
 * Never holds a password (those live in the keychain). Kept compact for dossiers of many files: one
 * line per file, and no field that can be derived (a file's volume comes from the paths, a page count
 * not yet known is left out).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { errorCodes } from '../../shared/errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { describeFiles } from './dossier-files';

export const DOSSIER_FILE = 'dossier.json';

/** A single name inside the dossier folder: read from disk, so it must not point anywhere else. */
const plainName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\]/.test(name) && !name.startsWith('.') && name !== DOSSIER_FILE, '不是有效的文件名');

/** A '/'-separated path inside the extracted folder; never absolute, never climbing out. */
const relativePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((path) => !path.includes('\\') && !/^[A-Za-z]:/.test(path) && path.split('/').every((part) => part !== '' && part !== '.' && part !== '..'), '不是有效的相对路径');

const fileSchema = z.object({
  path: relativePath,
  size: z.number().int().nonnegative(),
  volume: z.string().nullable(),
  pages: z.number().int().nonnegative().nullable(),
});

const countsSchema = z.object({
  volumes: z.number().int().nonnegative(),
  documents: z.number().int().nonnegative(),
  /** null until counted, or when no PDF could be opened. */
  pages: z.number().int().nonnegative().nullable(),
  extractedSize: z.number().int().nonnegative(),
  /** Page counting finished (it runs after the files are in place, and resumes after a restart). */
  pagesCounted: z.boolean(),
});

export const dossierRecordSchema = z.object({
  version: z.literal(1),
  id: z.string().min(1).max(100),
  caseName: z.string().min(1).max(200),
  unit: z.string().max(200).nullable(),
  source: z.enum(['portal', 'import']),
  /** 'downloading': a folder prepared for a portal download that has not been verified yet (not listed). */
  status: z.enum(['downloading', 'ready']),
  addedAt: z.string(),
  archive: z.object({ fileName: plainName, size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
  extraction: z.object({
    state: z.enum(['pending', 'extracting', 'extracted', 'needs-password', 'failed']),
    error: z.object({ code: z.enum(errorCodes), message: z.string() }).nullable(),
  }),
  /** The subfolder holding the extracted files, once extracted. */
  extractedDir: plainName.nullable(),
  files: z.array(fileSchema),
  counts: countsSchema.nullable(),
  /** Files saved under another name than the archive gave them (see archives/saved-names): `saved` is the path in `files`. */
  renamed: z.array(z.object({ original: z.string().min(1).max(4096), saved: relativePath })).optional(),
});

export type DossierRecord = z.infer<typeof dossierRecordSchema>;
export type DossierCounts = z.infer<typeof countsSchema>;

/** What dossier.json looked like when last read or written: if it changed, the disk wins. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

export const fileStampSchema = z.object({ mtimeMs: z.number(), size: z.number().int().nonnegative() });

export async function stampOf(path: string): Promise<FileStamp> {
  const stats = await stat(path);
  return { mtimeMs: stats.mtimeMs, size: stats.size };
}

/** A file as dossier.json stores it: the volume is derived again when read; pages only once counted. */
const storedFileSchema = fileSchema.extend({ volume: fileSchema.shape.volume.optional(), pages: fileSchema.shape.pages.optional() });
const storedRecordSchema = dossierRecordSchema.extend({ files: z.array(storedFileSchema) });

function fromStored(stored: z.infer<typeof storedRecordSchema>): DossierRecord {
  const volumes = describeFiles(stored.files);
  const files = stored.files.map((file, i) => ({ path: file.path, size: file.size, volume: file.volume !== undefined ? file.volume : (volumes[i]?.volume ?? null), pages: file.pages ?? null }));
  return { ...stored, files };
}

/** The record as text: indented, but one line per file and without the derived fields. */
export function serializeDossierRecord(record: DossierRecord): string {
  const valid = dossierRecordSchema.parse(record);
  const files = valid.files.map(({ path, size, pages }) => JSON.stringify(pages === null ? { path, size } : { path, size, pages }));
  const text = JSON.stringify({ ...valid, files: '@files@' }, null, 2);
  const list = files.length === 0 ? '[]' : `[\n    ${files.join(',\n    ')}\n  ]`;
  return `${text.replace('"files": "@files@"', () => `"files": ${list}`)}\n`;
}

export async function writeDossierRecord(folder: string, record: DossierRecord): Promise<FileStamp> {
  const path = join(folder, DOSSIER_FILE);
  await writeFileAtomic(path, serializeDossierRecord(record));
  return stampOf(path);
}

/** The folder's record and its stamp, or null when there is none or it is not a valid record. */
export async function readDossierRecord(folder: string): Promise<{ record: DossierRecord; stamp: FileStamp } | null> {
  const path = join(folder, DOSSIER_FILE);
  try {
    const [text, stamp] = await Promise.all([readFile(path, 'utf8'), stampOf(path)]);
    const parsed = storedRecordSchema.safeParse(JSON.parse(text));
    return parsed.success ? { record: fromStored(parsed.data), stamp } : null;
  } catch {
    return null;
  }
}
