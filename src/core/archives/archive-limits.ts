/**
 * Bounds on what one archive may unpack to, checked from its listing before anything is written:
 * total unpacked size, compression ratio (a zip bomb packs gigabytes of zeros into a megabyte) and
 * number of entries. A dossier of scanned PDFs and JPEGs compresses hardly at all, so the ratio
 * bound only bites on archives that unpack to more than `ratioFromBytes`.
 */
import { AppError, type ErrorCode } from '../../shared/errors';

export const GIB = 1024 ** 3;
export const MIB = 1024 ** 2;

export interface ArchiveLimits {
  /** Largest total unpacked size (bytes). */
  maxUnpackedBytes: number;
  /** Largest unpacked size ÷ archive size … */
  maxRatio: number;
  /** … for archives unpacking to more than this many bytes. */
  ratioFromBytes: number;
  /** Most entries (files and folders) in one archive. */
  maxEntries: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxUnpackedBytes: 20 * GIB,
  maxRatio: 200,
  ratioFromBytes: 64 * MIB,
  maxEntries: 50_000,
};

/** What went over a limit, with the numbers the message gives. */
export type LimitFacts =
  | { kind: 'size'; unpackedBytes: number; limitBytes: number }
  | { kind: 'ratio'; unpackedBytes: number; archiveBytes: number; ratio: number; limitRatio: number }
  | { kind: 'entries'; entries: number; limitEntries: number }
  | { kind: 'space'; neededBytes: number; marginBytes: number; freeBytes: number }
  | { kind: 'disk-full'; freeBytes: number };

/** An archive refused for its size, or a disk that filled up: the facts let each layer say it in its own words. */
export class ArchiveLimitError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly facts: LimitFacts,
  ) {
    super(code, message);
  }
}

/** Throws ArchiveLimitError (PAYLOAD_TOO_LARGE) when the listed archive goes over a limit. */
export function checkArchiveLimits(listed: { entries: number; unpackedBytes: number; archiveBytes: number }, limits: ArchiveLimits): void {
  const { entries, unpackedBytes, archiveBytes } = listed;
  if (entries > limits.maxEntries) {
    throw new ArchiveLimitError('PAYLOAD_TOO_LARGE', `The archive has ${entries} entries, more than the limit of ${limits.maxEntries}`, {
      kind: 'entries',
      entries,
      limitEntries: limits.maxEntries,
    });
  }
  if (unpackedBytes > limits.maxUnpackedBytes) {
    throw new ArchiveLimitError('PAYLOAD_TOO_LARGE', `The archive unpacks to ${unpackedBytes} bytes, more than the limit of ${limits.maxUnpackedBytes}`, {
      kind: 'size',
      unpackedBytes,
      limitBytes: limits.maxUnpackedBytes,
    });
  }
  const ratio = unpackedBytes / Math.max(1, archiveBytes);
  if (unpackedBytes > limits.ratioFromBytes && ratio > limits.maxRatio) {
    throw new ArchiveLimitError(
      'PAYLOAD_TOO_LARGE',
      `The archive unpacks to ${unpackedBytes} bytes, ${Math.round(ratio)} times its size, more than the limit of ${limits.maxRatio} times`,
      { kind: 'ratio', unpackedBytes, archiveBytes, ratio, limitRatio: limits.maxRatio },
    );
  }
}
