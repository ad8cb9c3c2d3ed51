import type { DocumentKind } from '../../shared/viewer';
import type { DossierFile } from '../../shared/library';
import { documentKindOf, documentTitle } from './document-title';

export interface TreeDocument {
  /** The file's path inside the dossier (the contract's document id). */
  path: string;
  title: string;
  kind: DocumentKind;
  /** Pages as core counted them (1 for an image); null until known. */
  pages: number | null;
}

export interface TreeVolume {
  /** The volume folder (第一卷), or null for documents at the top of the dossier. */
  name: string | null;
  documents: TreeDocument[];
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 12 from 十二, 105 from 一百零五, 7 from 7; null when the text is not a number. */
export function parseChineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return null;
  let total = 0;
  let digit: number | null = null;
  for (const char of text) {
    const unit = UNITS[char];
    if (unit !== undefined) {
      total += (digit ?? 1) * unit;
      digit = null;
    } else {
      digit = DIGITS[char] ?? 0;
    }
  }
  return total + (digit ?? 0);
}

/** Where a volume goes: 第二卷 before 第十卷 (numbers, not code points); unnumbered ones after, by name. */
function volumeRank(name: string | null): [number, string] {
  if (name === null) return [-1, ''];
  const number = /^第\s*([0-9零〇一二两三四五六七八九十百千]+)\s*[卷册]/.exec(name)?.[1];
  const parsed = number === undefined ? null : parseChineseNumber(number);
  return [parsed ?? Number.MAX_SAFE_INTEGER, name];
}

const byName = new Intl.Collator('zh-CN', { numeric: true });

/**
 * The dossier as the viewer's tree shows it: volumes in their numbered order (files at the top of
 * the dossier first), each with its PDFs and scans ordered by file name (numeric ordinals).
 */
export function buildTree(files: readonly DossierFile[]): TreeVolume[] {
  const volumes = new Map<string | null, TreeDocument[]>();
  for (const file of files) {
    const kind = documentKindOf(file.path);
    if (!kind) continue;
    const documents = volumes.get(file.volume) ?? [];
    documents.push({ path: file.path, title: documentTitle(file.path), kind, pages: kind === 'image' ? 1 : file.pages });
    volumes.set(file.volume, documents);
  }
  return [...volumes.entries()]
    .map(([name, documents]) => ({ name, documents: documents.sort((a, b) => byName.compare(a.path, b.path)) }))
    .sort((a, b) => {
      const [ra, na] = volumeRank(a.name);
      const [rb, nb] = volumeRank(b.name);
      return ra - rb || byName.compare(na, nb);
    });
}

/** The index of the volume holding a document, or -1. */
export function volumeIndexOf(volumes: readonly TreeVolume[], document: string): number {
  return volumes.findIndex((volume) => volume.documents.some((entry) => entry.path === document));
}
