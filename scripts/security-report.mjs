// `npm run security:report`: electronegativity over the built app (out/main, out/preload,
// out/renderer), written to .tmp/security/electronegativity.csv with a summary on stdout.
// Advisory: findings never fail it (docs/security.md explains the known ones); it exits non-zero
// only when the tool could not run or the app is not built.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const reportDir = join(root, '.tmp', 'security');
const report = join(reportDir, 'electronegativity.csv');

for (const built of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
  if (!existsSync(join(root, built))) {
    console.error(`security report: ${built} is missing; run \`npm run build\` first`);
    process.exit(2);
  }
}

const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
mkdirSync(reportDir, { recursive: true });
const cli = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity');
const run = spawnSync(
  cli,
  [
    '--input', join(root, 'out'),
    '--output', report,
    '--relative',
    // The version cannot be read from out/; checks that depend on it need it.
    '--electron-version', electronVersion,
    // This check downloads Electron's release list; keeping Electron current is a dependency update.
    '--exclude-checks', 'AvailableSecurityFixesGlobalCheck',
  ],
  { cwd: root, encoding: 'utf8', timeout: 300_000, shell: process.platform === 'win32' },
);

if (run.error || run.status !== 0 || !existsSync(report)) {
  const why = run.error?.message ?? (run.stderr || run.stdout || `exit ${run.status}`).trim().split('\n').pop();
  console.error(`security report: electronegativity did not run (${why})`);
  process.exit(1);
}

// CSV: issue, severity, confidence, filename, location, sample, description, url
const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean);
const counts = new Map();
for (const row of rows) {
  const [issue, severity] = row.split(',');
  const key = `${severity.replaceAll('"', '')} ${issue}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
console.warn(`security report: ${rows.length} finding(s) from electronegativity (advisory), written to ${report}`);
for (const [key, count] of [...counts].sort()) console.warn(`  ${key}${count > 1 ? ` ×${count}` : ''}`);
