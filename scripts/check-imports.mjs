// Enforces the layer rules of docs/architecture.md: which folder of src/ may import which.
// Run by CI (npm test); exits non-zero listing every import that crosses a forbidden line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';


/** For each layer: the layers it may import, and whether Node built-ins / Electron are allowed. */
const rules = {
  shared: { layers: [], node: false, electron: false },
  core: { layers: ['shared'], node: true, electron: false },
  main: { layers: ['core', 'shared', 'mock-portal'], node: true, electron: true },
  preload: { layers: ['shared'], node: false, electron: true },
  renderer: { layers: ['shared'], node: false, electron: false },
  'mock-portal': { layers: ['shared'], node: true, electron: false },
  'web-host': { layers: ['core', 'shared', 'mock-portal'], node: true, electron: false },
  cli: { layers: ['core', 'shared', 'mock-portal', 'web-host', 'cli'], node: true, electron: false },
};
// The mock portal is the other side: of ours it sees only the wire types and error codes.
function mockPortalMayImport(target) {
  return target === 'shared/errors' || target === 'shared/portal-wire' || target.startsWith('shared/portal-wire/');
}

const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const importPattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

export function* sourceFiles(folder) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts)$/.test(name)) yield path;
  }
}

/** Lists every import in `root`/src that breaks the layer rules, as readable lines. */
export function checkImports(root) {
  const src = join(root, 'src');
  const violations = [];
  for (const file of sourceFiles(src)) {
    violations.push(...checkFile(root, src, file));
  }
  return violations;
}

function checkFile(root, src, file) {
  const violations = [];
  const layer = relative(src, file).split(sep)[0];
  const rule = rules[layer];
  const where = relative(root, file);
  if (!rule) {
    violations.push(`${where}: folder src/${layer} is not a known layer`);
    return violations;
  }
  const isTest = /\.test\.tsx?$/.test(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(importPattern)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (specifier.startsWith('.')) {
      const absolute = resolve(dirname(file), specifier);
      const target = relative(src, absolute).split(sep).join('/');
      if (target.startsWith('..')) {
        // Only the package manifest (for the version) may be read from outside src/.
        if (absolute !== join(root, 'package.json')) violations.push(`${where}: imports '${specifier}' from outside src/`);
        continue;
      }
      const targetLayer = target.split('/')[0];
      if (targetLayer === layer) continue;
      // Tests may reach the real counterpart they test against (e.g. core tests start the mock portal).
      if (isTest && targetLayer === 'mock-portal' && layer !== 'mock-portal') continue;
      if (!rule.layers.includes(targetLayer)) {
        violations.push(`${where}: src/${layer} may not import src/${targetLayer} ('${specifier}')`);
      } else if (layer === 'mock-portal' && targetLayer === 'shared' && !mockPortalMayImport(target.replace(/(\/index)?(\.tsx?)?$/, ''))) {
        violations.push(`${where}: the mock portal may import only the portal wire types and error codes ('${specifier}')`);
      }
    } else if (specifier === 'electron' || specifier.startsWith('electron/')) {
      if (!rule.electron && !isTest) violations.push(`${where}: src/${layer} may not import electron`);
    } else if (nodeBuiltins.has(specifier) || specifier.startsWith('node:')) {
      if (!rule.node && !isTest) violations.push(`${where}: src/${layer} may not import Node built-in '${specifier}'`);
    }
  }
  return violations;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const violations = checkImports(resolve(import.meta.dirname, '..'));
  if (violations.length > 0) {
    console.error(`Import rules broken (${violations.length}):\n${violations.map((v) => `  ${v}`).join('\n')}`);
    process.exit(1);
  }
  process.stdout.write('Import rules: all layers keep to docs/architecture.md\n');
}
