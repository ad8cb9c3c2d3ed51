/** `dossier download-folders`: where this machine's browsers save downloads, as 下载文件夹 finds them. */
import { homedir } from 'node:os';
import { parseArgs } from 'node:util';
import { discoverDownloadFolders } from '../../core/download-pickup';
import { parseOrUsage, printJson } from '../cli-args';
import type { Command } from '../command';

const usage = `Usage: dossier download-folders

Prints the folders the app watches for downloaded dossiers (下载文件夹), one JSON object per line:
  {"path","label","sources"}
found as the app finds them: the OS Downloads folder, the download folder set in Chrome, Edge,
Chromium or 360 (their profiles' Preferences) and in Firefox (prefs.js). Only folders that exist are
listed. Folders added in 设置 are not among them.`;

export async function runDownloadFolders(argv: string[]): Promise<number> {
  parseOrUsage(() => parseArgs({ args: argv, options: {}, allowPositionals: true }), 0);
  const folders = await discoverDownloadFolders({ platform: process.platform, home: homedir(), env: process.env });
  for (const folder of folders) printJson({ path: folder.path, label: folder.label, sources: folder.sources });
  return 0;
}

export const downloadFoldersCommand: Command = {
  name: 'download-folders',
  summary: 'list where the browsers on this machine save downloads (下载文件夹)',
  usage,
  run: (argv) => runDownloadFolders(argv),
};
