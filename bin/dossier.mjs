#!/usr/bin/env node
// Entry point of the `dossier` command; the CLI itself is built into out/cli by `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  process.stderr.write(`dossier: Node.js 22.13 or newer is required (this is ${process.version})\n`);
  process.exit(1);
}
const built = fileURLToPath(new URL('../out/cli/index.mjs', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('dossier: the CLI is not built yet; run `npm run build` first\n');
  process.exit(1);
}
const { main } = await import(pathToFileURL(built).href);
const code = await main(process.argv.slice(2));
// Servers (portal, web) keep the process alive on their own; other commands end here.
if (code !== undefined && code !== null) process.exitCode = code;
