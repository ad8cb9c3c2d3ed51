// `npm test`: every check CI runs, in order. On Linux it runs inside a private D-Bus session with an
// unlocked gnome-keyring, so keytar is tested against a real Secret Service and never touches the
// user's own keychain.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const steps = [
  ['type-check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', 'npx', ['eslint', '.']],
  ['import rules', 'node', ['scripts/check-imports.mjs']],
  ['build', 'npm', ['run', '-s', 'build']],
  ['unit tests', 'npx', ['vitest', 'run']],
  ['end-to-end tests', 'npx', ['playwright', 'test']],
];

function onPath(command) {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(resolve(dir, command)));
}

if (process.platform === 'linux' && !process.env.DOSSIER_TEST_KEYRING) {
  if (onPath('dbus-run-session') && onPath('gnome-keyring-daemon')) {
    const inner = 'printf x | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec node scripts/test.mjs';
    const run = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, DOSSIER_TEST_KEYRING: 'private' },
    });
    process.exit(run.status ?? 1);
  }
  console.error('npm test: dbus-run-session or gnome-keyring-daemon missing; keychain tests use the current session');
}

for (const [name, command, args] of steps) {
  process.stdout.write(`\n▶ ${name}\n`);
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`npm test: ${name} failed`);
    process.exit(run.status ?? 1);
  }
}
