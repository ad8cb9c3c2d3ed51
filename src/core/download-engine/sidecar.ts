/**
 * The sidecar beside each partial download: what is being fetched, which version (ETag) the bytes on
 * disk belong to, and how many were written. It is what lets a new process resume. It never holds
 * the link: a link is a credential and lives in the secret store (DownloadLinkStore).
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';

export const PARTIAL_FOLDER = '.partial';
const PART_SUFFIX = '.part';
const SIDECAR_SUFFIX = '.part.json';

const sidecarSchema = z.object({
  version: z.literal(1),
  id: z.string().min(1),
  reviewId: z.string(),
  fileName: z.string().min(1),
  expectedSha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  etag: z.string().nullable(),
  bytesWritten: z.number().int().nonnegative(),
  updatedAt: z.string(),
});

export type Sidecar = z.infer<typeof sidecarSchema>;

export function partialFolder(destination: string): string {
  return join(destination, PARTIAL_FOLDER);
}

export function partPath(destination: string, fileName: string): string {
  return join(partialFolder(destination), `${fileName}${PART_SUFFIX}`);
}

export function sidecarPath(destination: string, fileName: string): string {
  return join(partialFolder(destination), `${fileName}${SIDECAR_SUFFIX}`);
}

export async function writeSidecar(destination: string, sidecar: Sidecar): Promise<void> {
  await writeFileAtomic(sidecarPath(destination, sidecar.fileName), `${JSON.stringify(sidecar, null, 2)}\n`);
}

/**
 * The sidecar, or null when it is missing or unreadable (then the partial cannot be trusted). Unknown
 * fields (such as a link an older build wrote) are dropped, so the next write leaves them out.
 */
export async function readSidecar(path: string): Promise<Sidecar | null> {
  try {
    const parsed = sidecarSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Every readable sidecar under a destination's partial folder. */
export async function listSidecars(destination: string): Promise<Sidecar[]> {
  let names: string[];
  try {
    names = await readdir(partialFolder(destination));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: Sidecar[] = [];
  for (const name of names.filter((n) => n.endsWith(SIDECAR_SUFFIX)).sort()) {
    const sidecar = await readSidecar(join(partialFolder(destination), name));
    // A sidecar must describe the file it sits beside, or it could point anywhere.
    if (sidecar && `${sidecar.fileName}${SIDECAR_SUFFIX}` === name) found.push(sidecar);
  }
  return found;
}

export async function removePartial(destination: string, fileName: string): Promise<void> {
  await rm(partPath(destination, fileName), { force: true });
  await rm(sidecarPath(destination, fileName), { force: true });
}
