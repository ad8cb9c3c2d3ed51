/**
 * `<dataDir>/library-index.json`: a cache of every known dossier record and where its folder is. It
 * remembers dossiers in earlier managed folders; the dossier.json files on disk stay the truth.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';
import { dossierRecordSchema, fileStampSchema, type DossierRecord, type FileStamp } from './dossier-record';

export const INDEX_FILE = 'library-index.json';

const indexSchema = z.object({
  version: z.literal(1),
  dossiers: z.array(z.object({ folder: z.string().min(1), stamp: fileStampSchema.nullable(), record: dossierRecordSchema })),
});

export interface IndexedDossier {
  folder: string;
  stamp: FileStamp | null;
  record: DossierRecord;
}

export function indexPath(dataDir: string): string {
  return join(dataDir, INDEX_FILE);
}

/** The cached entries, or null when the index is missing, unreadable or not what we wrote. */
export async function readLibraryIndex(dataDir: string): Promise<IndexedDossier[] | null> {
  try {
    const parsed = indexSchema.safeParse(JSON.parse(await readFile(indexPath(dataDir), 'utf8')));
    return parsed.success ? parsed.data.dossiers : null;
  } catch {
    return null;
  }
}

export async function writeLibraryIndex(dataDir: string, dossiers: IndexedDossier[]): Promise<void> {
  await writeFileAtomic(indexPath(dataDir), JSON.stringify({ version: 1, dossiers }));
}
