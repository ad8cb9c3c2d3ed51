/**
 * What the pickup remembers across restarts, in `<dataDir>/download-pickup.json`: the SHA-256s the
 * lawyer ignored or imported, and what it learnt of each file (path, size, mtime → contents, hash) so
 * a restart neither lists nor hashes the folder again. No secrets. A missing or damaged file means
 * starting empty; each list keeps only its newest entries.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';

export const STATE_FILE_NAME = 'download-pickup.json';
/** Entries kept per list: months of downloads, a file of a few hundred KB at most. */
export const MAX_REMEMBERED = 500;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const stateSchema = z.object({
  version: z.literal(1),
  ignored: z.array(z.object({ sha256, at: z.number() })),
  imported: z.array(z.object({ sha256, dossierId: z.string().min(1).max(200), at: z.number() })),
  files: z.array(
    z.object({
      path: z.string().min(1).max(4096),
      size: z.number().nonnegative(),
      mtimeMs: z.number(),
      contents: z.enum(['documents', 'encrypted', 'other', 'unreadable']),
      /** Hashed only when it looked like a dossier. */
      sha256: sha256.nullable(),
      at: z.number(),
    }),
  ),
});

export type PickupStateData = z.infer<typeof stateSchema>;
export type RememberedFile = PickupStateData['files'][number];

export function emptyState(): PickupStateData {
  return { version: 1, ignored: [], imported: [], files: [] };
}

export async function loadPickupState(dataDir: string): Promise<PickupStateData> {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(await readFile(join(dataDir, STATE_FILE_NAME), 'utf8')));
    return parsed.success ? parsed.data : emptyState();
  } catch {
    return emptyState();
  }
}

function newest<T extends { at: number }>(items: T[]): T[] {
  return items.length <= MAX_REMEMBERED ? items : [...items].sort((a, b) => b.at - a.at).slice(0, MAX_REMEMBERED);
}

export async function savePickupState(dataDir: string, state: PickupStateData): Promise<void> {
  const capped: PickupStateData = { version: 1, ignored: newest(state.ignored), imported: newest(state.imported), files: newest(state.files) };
  await writeFileAtomic(join(dataDir, STATE_FILE_NAME), `${JSON.stringify(capped)}\n`);
}
