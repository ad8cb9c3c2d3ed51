/** What a generated dossier is made from, and what comes out. */

export interface DossierSpec {
  /** Everything random in the dossier derives from this: same spec, byte-identical zip. */
  seed: string;
  caseName: string;
  /** 承办单位: the procuratorate that holds the case. */
  unitName: string;
  suspects: string[];
  /** Total PDF pages across all volumes, covers and 卷内目录 included. */
  pages: number;
  format: 'zip' | '7z';
  /** zip only: GBK-encoded entry names without the UTF-8 flag, as Windows tools write them. */
  gbkNames?: boolean;
  /** User password of every PDF (卷宗文档打开密码). */
  openPassword: string;
  /** Password of the archive itself (ZipCrypto for zip, AES with encrypted headers for 7z). */
  archivePassword?: string | null;
  /**
   * Scanned pages, in real type (their text: scannedPageTexts): 'standard' (default) 150 dpi A4
   * (1240×1754) JPEGs of ~100–250 KB, each drawn for its page; 'heavy' about 200 dpi and a few
   * hundred KB, as office scanners make them, a few distinct images per layout drawn once and
   * reused (large dossiers in minutes).
   */
  scans?: 'standard' | 'heavy';
  /** Every page of every document a scan (a paper dossier scanned whole); covers and 卷内目录 stay typed. */
  scannedOnly?: boolean;
  /**
   * 'volumes' (default): volumes of at most 200 pages, each opening with its cover and 卷内目录;
   * 'single-scan': one volume that is one scanned PDF of every page, as a whole 卷 scanned in one pass;
   * 'pdf-per-volume': the volumes of 'volumes', each one PDF at the top of the archive (第一卷.pdf):
   * cover, typed 卷内目录, then every document, 页次 counting from the first page after the 目录.
   */
  layout?: 'volumes' | 'single-scan' | 'pdf-per-volume';
}

export interface GeneratedDocument {
  /** Path inside the archive, e.g. `第一卷/01_起诉意见书.pdf`. */
  path: string;
  title: string;
  pages: number;
}

export interface GeneratedVolume {
  /** 第一卷, 第二卷 … */
  name: string;
  /** Pages before 页次 1 (the cover and 卷内目录): the front PDF's, or the first of a volume PDF. */
  frontPages: number;
  documents: GeneratedDocument[];
}

export interface GeneratedDossier {
  fileName: string;
  bytes: Buffer;
  sha256: string;
  pageCount: number;
  volumes: GeneratedVolume[];
}

export const MIN_DOSSIER_PAGES = 3;
export const MAX_DOSSIER_PAGES = 20_000;

/** Throws a RangeError naming the first thing wrong with a spec. */
export function checkDossierSpec(spec: DossierSpec): void {
  if (!Number.isInteger(spec.pages) || spec.pages < MIN_DOSSIER_PAGES || spec.pages > MAX_DOSSIER_PAGES) {
    throw new RangeError(`pages must be a whole number from ${MIN_DOSSIER_PAGES} to ${MAX_DOSSIER_PAGES}, not ${spec.pages}`);
  }
  if (spec.format !== 'zip' && spec.format !== '7z') throw new RangeError(`format must be zip or 7z, not ${String(spec.format)}`);
  if (spec.gbkNames && spec.format !== 'zip') throw new RangeError('gbkNames applies to zip archives only');
  if (spec.scans !== undefined && spec.scans !== 'standard' && spec.scans !== 'heavy') throw new RangeError(`scans must be standard or heavy, not ${String(spec.scans)}`);
  if (spec.layout !== undefined && !['volumes', 'single-scan', 'pdf-per-volume'].includes(spec.layout)) {
    throw new RangeError(`layout must be volumes, single-scan or pdf-per-volume, not ${String(spec.layout)}`);
  }
  if (spec.caseName.trim() === '') throw new RangeError('caseName is empty');
  if (spec.unitName.trim() === '') throw new RangeError('unitName is empty');
  // AES-256 (R6) uses the first 127 UTF-8 bytes of a password; longer ones would silently weaken it.
  if (spec.openPassword === '' || Buffer.byteLength(spec.openPassword, 'utf8') > 127) {
    throw new RangeError('openPassword must be 1–127 bytes');
  }
  if (spec.archivePassword !== undefined && spec.archivePassword !== null) {
    if (spec.archivePassword === '') throw new RangeError('archivePassword is empty (use null for none)');
    // 7-Zip takes it on the command line; ZipCrypto needs single bytes.
    if (!/^[\x21-\x7e]{1,64}$/.test(spec.archivePassword)) {
      throw new RangeError('archivePassword must be 1–64 printable ASCII characters');
    }
  }
}
