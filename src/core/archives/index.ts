/** Safe archive handling: list and extract zip and 7z dossiers with 7zip-bin's 7za. */
export { listArchive, SUPPORTED_TYPES, type ArchiveEntry, type ArchiveListing, type ListOptions } from './list-archive';
export { extractArchive, SPACE_MARGIN, type ExtractOptions, type ExtractProgress, type ExtractResult, type ExtractedFile } from './extract-archive';
export { ArchiveLimitError, DEFAULT_ARCHIVE_LIMITS, GIB, type ArchiveLimits, type LimitFacts } from './archive-limits';
