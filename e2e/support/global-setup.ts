import type { FullConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findElectron } from './electron-binary';

export default function globalSetup(config: FullConfig): void {
  const root = resolve(import.meta.dirname, '../..');
  for (const built of ['out/cli/index.mjs', 'out/renderer/index.html', 'out/main/index.js']) {
    if (!existsSync(resolve(root, built))) throw new Error(`${built} is missing: run \`npm run build\` first`);
  }
  const electron = findElectron();
  const electronSelected = config.projects.some((project) => project.name === 'electron');
  if (electronSelected && 'missing' in electron) {
    process.stdout.write(`[electron] project skipped: ${electron.missing}\n`);
  }
}
