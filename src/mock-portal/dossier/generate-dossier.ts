/**
 * Generates a dossier archive from a spec: plans volumes and documents, renders each PDF in turn
 * (encrypted with the open password) and hands it straight to the archive, so only one document
 * is in memory at a time. Deterministic: the same spec gives a byte-identical zip.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rename, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import iconv from 'iconv-lite';
import { buildCaseProfile, type CaseProfile } from './case-profile';
import { DocumentCatalog } from './document-catalog';
import { planDossier, planSingleScan, scannedOnly, type PlannedDocument, type PlannedVolume } from './dossier-plan';
import { checkDossierSpec, type DossierSpec, type GeneratedDossier, type GeneratedVolume } from './dossier-spec';
import { renderDocument, renderVolumeFront, renderWholeVolume } from './render-pdf';
import { SeededRandom } from './seeded-random';
import { packSevenZip } from './seven-zip';
import { ZipWriter, type Sink } from './zip-writer';

export const FRONT_TITLE = '封面及卷内目录';

export interface WrittenDossier extends Omit<GeneratedDossier, 'bytes'> {
  /** Where the archive was written. */
  filePath: string;
  size: number;
}

/** A name segment safe on Windows, macOS and Linux (and in GBK when asked). */
export function safeSegment(name: string, gbk = false): string {
  let out = '';
  for (const char of name) {
    const code = char.codePointAt(0) ?? 0;
    const bad = code < 0x20 || code === 0x7f || '\\/:*?"<>|'.includes(char) || (gbk && iconv.decode(iconv.encode(char, 'gbk'), 'gbk') !== char);
    out += bad ? '_' : char;
  }
  out = out.trim().replace(/[. ]+$/, '');
  return out === '' ? '_' : Array.from(out).slice(0, 80).join('');
}

/** What a spec becomes before any PDF is drawn: the profile, the plan and the archive's paths. */
export interface Prepared {
  spec: DossierSpec;
  root: SeededRandom;
  profile: CaseProfile;
  plan: PlannedVolume[];
  volumes: GeneratedVolume[];
  fileName: string;
}

export function prepare(spec: DossierSpec): Prepared {
  checkDossierSpec(spec);
  const root = new SeededRandom(`dossier\n${spec.seed}`);
  const profile = buildCaseProfile(spec, root.fork('profile'));
  const catalog = new DocumentCatalog(profile);
  const planned = spec.layout === 'single-scan' ? planSingleScan(spec.pages, catalog, root.fork('plan')) : planDossier(spec.pages, catalog, root.fork('plan'));
  const plan = spec.scannedOnly ? scannedOnly(planned) : planned;
  const gbk = spec.gbkNames === true;
  const volumes = plan.map((volume): GeneratedVolume => {
    if (spec.layout === 'pdf-per-volume') {
      const pages = volume.frontPages + volume.documentPages;
      return { name: volume.name, frontPages: volume.frontPages, documents: [{ path: `${safeSegment(volume.name, gbk)}.pdf`, title: volume.name, pages }] };
    }
    const width = Math.max(2, String(volume.documents.length).length);
    const folder = safeSegment(volume.name, gbk);
    const front = volume.frontPages > 0 ? [{ path: `${folder}/${'0'.padStart(width, '0')}_${FRONT_TITLE}.pdf`, title: FRONT_TITLE, pages: volume.frontPages }] : [];
    return {
      name: volume.name,
      frontPages: volume.frontPages,
      documents: [
        ...front,
        ...volume.documents.map((document, i) => ({
          path: `${folder}/${String(i + 1).padStart(width, '0')}_${safeSegment(document.blueprint.title, gbk)}.pdf`,
          title: document.blueprint.title,
          pages: document.pageKinds.length,
        })),
      ],
    };
  });
  const pageCount = volumes.reduce((sum, v) => sum + v.documents.reduce((s, d) => s + d.pages, 0), 0);
  if (pageCount !== spec.pages) throw new Error(`planned ${pageCount} pages instead of ${spec.pages}`);
  return { spec, root, profile, plan, volumes, fileName: `${safeSegment(profile.caseName)}.${spec.format}` };
}

/** The random stream of a volume rendered as one PDF. */
export function volumeRandom(root: SeededRandom, volume: PlannedVolume): SeededRandom {
  return root.fork(`volume-${volume.number}`);
}

/** The random stream of a document rendered as its own PDF. */
export function documentRandom(root: SeededRandom, document: PlannedDocument): SeededRandom {
  return root.fork(`document-${document.index}`);
}

/** Renders every PDF in archive order and passes it on; nothing is kept. */
async function renderAll(prepared: Prepared, onFolder: (path: string) => Promise<void>, onFile: (path: string, bytes: Buffer) => Promise<void>): Promise<void> {
  const { spec, root, profile, plan, volumes } = prepared;
  for (const [v, volume] of plan.entries()) {
    const paths = volumes[v]?.documents.map((d) => d.path) ?? [];
    if (spec.layout === 'pdf-per-volume') {
      const path = paths[0] as string;
      const front = { volume, volumeCount: plan.length };
      const secrets = { openPassword: spec.openPassword, fileLabel: `${spec.seed}\n${path}` };
      await onFile(path, await renderWholeVolume(front, profile, volumeRandom(root, volume), secrets, spec.scans ?? 'standard'));
      continue;
    }
    await onFolder(paths[0]?.split('/')[0] ?? volume.name);
    const hasFront = volume.frontPages > 0;
    if (hasFront) {
      const frontPath = paths[0] as string;
      const front = await renderVolumeFront({ volume, volumeCount: plan.length }, profile, root.fork(`front-${volume.number}`), {
        openPassword: spec.openPassword,
        fileLabel: `${spec.seed}\n${frontPath}`,
      });
      await onFile(frontPath, front);
    }
    for (const [d, document] of volume.documents.entries()) {
      const path = paths[hasFront ? d + 1 : d] as string;
      const secrets = { openPassword: spec.openPassword, fileLabel: `${spec.seed}\n${path}` };
      const bytes = await renderDocument(document, profile, documentRandom(root, document), secrets, spec.scans ?? 'standard');
      await onFile(path, bytes);
    }
  }
}

function zipWriter(prepared: Prepared, sink: Sink): ZipWriter {
  const modified = new Date(prepared.profile.referredAt.getTime() + 10.5 * 3_600_000);
  const zipRandom = prepared.root.fork('zip-crypto');
  return new ZipWriter(sink, {
    names: prepared.spec.gbkNames ? 'gbk' : 'utf8',
    modified,
    password: prepared.spec.archivePassword ?? null,
    randomBytes: (count) => zipRandom.bytes(count),
  });
}

/** 7z: stage the PDFs in a private temp folder (fixed mtimes), pack, then remove the folder. */
async function sevenZip(prepared: Prepared, outFile: string): Promise<void> {
  const stage = await mkdtemp(join(tmpdir(), 'dossier-gen-'));
  try {
    const mtime = prepared.profile.referredAt;
    const folders: string[] = [];
    const topFiles: string[] = [];
    await renderAll(
      prepared,
      async (folder) => {
        folders.push(folder);
        await mkdir(join(stage, folder), { recursive: true });
      },
      async (path, bytes) => {
        await writeFile(join(stage, path), bytes);
        await utimes(join(stage, path), mtime, mtime);
        // A volume that is one PDF sits at the top, beside the folders.
        if (!path.includes('/')) topFiles.push(path);
      },
    );
    for (const folder of folders) await utimes(join(stage, folder), mtime, mtime);
    folders.push(...topFiles);
    await unlink(outFile).catch(() => undefined);
    // Generous: 7za at -mx=1 packs well over 20 MB/s; a dossier of 20000 pages is under 2 GB.
    const timeoutMs = 120_000 + prepared.spec.pages * 100;
    await packSevenZip(stage, folders, outFile, prepared.spec.archivePassword ?? null, timeoutMs);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

export async function generateDossier(spec: DossierSpec): Promise<GeneratedDossier> {
  const prepared = prepare(spec);
  let bytes: Buffer;
  if (spec.format === 'zip') {
    const chunks: Buffer[] = [];
    const writer = zipWriter(prepared, (chunk) => {
      chunks.push(chunk);
    });
    await renderAll(prepared, (folder) => writer.addDirectory(folder), (path, data) => writer.addFile(path, data));
    await writer.finish();
    bytes = Buffer.concat(chunks);
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'dossier-7z-'));
    try {
      const file = join(dir, 'dossier.7z');
      await sevenZip(prepared, file);
      bytes = await readFile(file);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return {
    fileName: prepared.fileName,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    pageCount: spec.pages,
    volumes: prepared.volumes,
  };
}

/** Like generateDossier, but streams the archive to `filePath` (atomically) instead of memory. */
export async function writeDossierFile(spec: DossierSpec, filePath: string): Promise<WrittenDossier> {
  const prepared = prepare(spec);
  const target = resolve(filePath);
  const partial = join(dirname(target), `.${prepared.fileName}.${process.pid}.partial`);
  try {
    if (spec.format === 'zip') {
      const out = createWriteStream(partial);
      const writer = zipWriter(prepared, async (chunk) => {
        if (!out.write(chunk)) await once(out, 'drain');
      });
      await renderAll(prepared, (folder) => writer.addDirectory(folder), (path, data) => writer.addFile(path, data));
      await writer.finish();
      out.end();
      await once(out, 'finish');
    } else {
      await sevenZip(prepared, partial);
    }
    const handle = await open(partial, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(target)) hash.update(chunk as Buffer);
  return {
    fileName: prepared.fileName,
    filePath: target,
    size: (await stat(target)).size,
    sha256: hash.digest('hex'),
    pageCount: spec.pages,
    volumes: prepared.volumes,
  };
}
