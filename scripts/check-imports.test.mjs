import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkImports } from './check-imports.mjs';

let root;
function tree(files) {
  root = mkdtempSync(join(tmpdir(), 'imports-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('import rules', () => {
  it('accepts imports that follow the layers', () => {
    const dir = tree({
      'src/shared/contract.ts': "import { z } from 'zod';\n",
      'src/core/index.ts': "import { calls } from '../shared/contract';\nimport { readFile } from 'node:fs/promises';\n",
      'src/main/index.ts': "import { app } from 'electron';\nimport { createCore } from '../core';\n",
    });
    expect(checkImports(dir)).toEqual([]);
  });

  it('refuses core importing electron, renderer importing core, shared importing Node', () => {
    const dir = tree({
      'src/core/bad.ts': "import { app } from 'electron';\n",
      'src/renderer/bad.tsx': "import { createCore } from '../core/index';\n",
      'src/shared/bad.ts': "import { readFile } from 'node:fs';\n",
      'src/core/index.ts': '',
    });
    const found = checkImports(dir).join('\n');
    expect(found).toContain('src/core may not import electron');
    expect(found).toContain('src/renderer may not import src/core');
    expect(found).toContain("src/shared may not import Node built-in 'node:fs'");
  });

  it('keeps the mock portal on its side: wire types only, never core', () => {
    const dir = tree({
      'src/mock-portal/ok.ts': "import type { QrState } from '../shared/portal-wire';\n",
      'src/mock-portal/bad.ts': "import { calls } from '../shared/contract';\nexport * from '../core/index';\n",
      'src/shared/portal-wire.ts': '',
      'src/shared/contract.ts': '',
      'src/core/index.ts': '',
    });
    const found = checkImports(dir);
    expect(found).toHaveLength(2);
    expect(found.join('\n')).toContain('only the portal wire types');
    expect(found.join('\n')).toContain('src/mock-portal may not import src/core');
  });

  it('names an unknown top-level folder', () => {
    const dir = tree({ 'src/utils/x.ts': 'export const x = 1;\n' });
    expect(checkImports(dir)).toEqual(['src/utils/x.ts: folder src/utils is not a known layer']);
  });
});
