/**
 * Linux desktops name the download folder in `~/.config/user-dirs.dirs` (xdg-user-dirs), e.g.
 * `XDG_DOWNLOAD_DIR="$HOME/下载"` on a Chinese desktop. The file is shell syntax, but the tool only
 * ever writes `"$HOME/…"` or an absolute path in double quotes, which is all this reads.
 */
export function parseXdgDownloadDir(text: string, home: string): string | null {
  let found: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*XDG_DOWNLOAD_DIR\s*=\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(line);
    if (!match) continue;
    const raw = (match[1] as string).replace(/\\(.)/g, '$1');
    const expanded = raw.replace(/^\$(?:HOME|\{HOME\})(?=\/|$)/, home.replace(/\/+$/, ''));
    // Anything else (another variable, a relative path) is not a folder we can name.
    found = expanded.startsWith('/') ? expanded : null;
  }
  return found;
}
