/** Parses the technical listing (`7za l -slt`): the archive's own properties, then one block per entry. */

export interface SltListing {
  /** Properties of the archive itself (`Type`, `Physical Size`, …). */
  archive: Record<string, string>;
  /** True when 7za reported open errors (for example `Unexpected end of archive`). */
  openErrors: boolean;
  entries: Array<Record<string, string>>;
}

function parseBlock(lines: string[]): Record<string, string> {
  const block: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(' = ');
    if (at > 0) block[line.slice(0, at)] = line.slice(at + 3);
  }
  return block;
}

export function parseSltListing(stdout: string): SltListing {
  const lines = stdout.split(/\r?\n/);
  const start = lines.indexOf('--');
  const split = lines.indexOf('----------', start + 1);
  const head = lines.slice(start + 1, split < 0 ? undefined : split);
  const entries: Array<Record<string, string>> = [];
  if (split >= 0) {
    let current: string[] = [];
    for (const line of lines.slice(split + 1)) {
      if (line === '') {
        if (current.length > 0) entries.push(parseBlock(current));
        current = [];
      } else {
        current.push(line);
      }
    }
    if (current.length > 0) entries.push(parseBlock(current));
  }
  return {
    archive: parseBlock(head),
    openErrors: head.some((line) => line === 'ERRORS:' || line.startsWith('Open ERROR')),
    entries: entries.filter((entry) => 'Path' in entry),
  };
}
