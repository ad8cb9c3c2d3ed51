/**
 * The installers' promises, read from electron-builder.yml and checked with electron-builder's
 * own schema and file matcher (the binary that would build them cannot run here).
 */
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { load } from 'js-yaml';
import { parse as parsePlist } from 'plist';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '../..');

interface Target {
  target: string;
  arch: string[];
}
interface BuilderConfig {
  productName: string;
  directories: { buildResources: string; output: string };
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  win: { target: Target[]; icon: string };
  nsis: Record<string, unknown>;
  mac: { target: Target[]; icon: string; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string };
  linux: { target: Target[]; icon: string };
}

const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

// electron-builder's internals, used exactly as it uses them when it packs node_modules.
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
};
const { FileMatcher, getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher.js') as {
  FileMatcher: new (from: string, to: string, expand: (pattern: string) => string, patterns: string[]) => {
    patterns: string[];
    createFilter(): (file: string, stat: Stats & { moduleFullFilePath?: string }) => boolean;
  };
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    expand: (pattern: string) => string,
    platformOptions: unknown,
    packager: unknown,
  ): { patterns: string[] };
};
const { expandMacro } = require('app-builder-lib/out/util/macroExpander.js') as {
  expandMacro(pattern: string, arch: string | null, appInfo: unknown, extra: Record<string, string>): string;
};

/** The files of node_modules/7zip-bin that a build for os/arch puts into the app. */
function shipped7zipFiles(os: 'win' | 'mac' | 'linux', arch: string): string[] {
  const expand = (pattern: string) => expandMacro(pattern, arch, { productName: config.productName }, { os, '/*': '{,/**/*}' });
  const packager = { config, debugLogger: { isEnabled: false, add: () => undefined } };
  const moduleMatcher = getNodeModuleFileMatcher(root, '/app', expand, config[os], packager);
  const moduleDir = join(root, 'node_modules', '7zip-bin');
  const filter = new FileMatcher(moduleDir, '/app/node_modules/7zip-bin', expand, moduleMatcher.patterns).createFilter();
  const kept: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = Object.assign(statSync(path), {
        moduleFullFilePath: join('node_modules', '7zip-bin', relative(moduleDir, path)),
      });
      if (!filter(path, stat)) continue;
      if (stat.isDirectory()) walk(path);
      else kept.push(relative(moduleDir, path).split('\\').join('/'));
    }
  };
  walk(moduleDir);
  return kept.sort();
}

function archsOf(targets: Target[], name: string): string[] {
  return targets.filter((target) => target.target === name).flatMap((target) => target.arch);
}

describe('electron-builder.yml', () => {
  it('is valid for the electron-builder the project uses', async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
  });

  it('names the product 卷宗台, as package.json does', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { productName: string };
    expect(config.productName).toBe('卷宗台');
    expect(pkg.productName).toBe('卷宗台');
  });

  it('builds a per-user NSIS installer for Windows x64 and arm64 with a folder the user may choose', () => {
    expect(archsOf(config.win.target, 'nsis').sort()).toEqual(['arm64', 'x64']);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      selectPerMachineByDefault: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: true,
      deleteAppDataOnUninstall: false,
    });
  });

  it('builds hardened-runtime dmgs for macOS x64 and arm64 with entitlements that exist', () => {
    expect(archsOf(config.mac.target, 'dmg').sort()).toEqual(['arm64', 'x64']);
    expect(config.mac.hardenedRuntime).toBe(true);
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      const entitlements = parsePlist(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;
      // V8 needs JIT under the hardened runtime; nothing else is relaxed.
      expect(entitlements).toEqual({ 'com.apple.security.cs.allow-jit': true });
    }
  });

  it('builds an AppImage for Linux x64', () => {
    expect(archsOf(config.linux.target, 'AppImage')).toEqual(['x64']);
  });

  it('packs the app into app.asar, unpacking 7zip-bin and keytar', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/7zip-bin/**', 'node_modules/keytar/**']));
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']));
  });

  it('flips the fuses: no run-as-node, NODE_OPTIONS or inspect flags; asar integrity, asar only, cookie encryption', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it.each([
    ['win', 'x64', 'win/x64/7za.exe'],
    ['win', 'arm64', 'win/arm64/7za.exe'],
    ['mac', 'x64', 'mac/x64/7za'],
    ['mac', 'arm64', 'mac/arm64/7za'],
    ['linux', 'x64', 'linux/x64/7za'],
  ] as const)('ships only the %s %s 7za', (os, arch, binary) => {
    const files = shipped7zipFiles(os, arch);
    expect(files).toContain(binary);
    expect(files).toContain('index.js');
    expect(files).toContain('package.json');
    // Every other OS/CPU folder is left out.
    expect(files.filter((file) => file.includes('/') && !file.startsWith(`${os}/${arch}/`))).toEqual([]);
  });
});

describe('icons in resources/', () => {
  const resources = join(root, config.directories.buildResources);

  it('has a 1024×1024 icon.png for Linux and as the source of the others', () => {
    const icon = PNG.sync.read(readFileSync(join(root, config.linux.icon)));
    expect([icon.width, icon.height]).toEqual([1024, 1024]);
    expect(join(root, config.linux.icon)).toBe(join(resources, 'icon.png'));
  });

  it('has an icon.ico holding PNGs from 16 up to 256 px', () => {
    const ico = readFileSync(join(root, config.win.icon));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const entry = 6 + 16 * i;
      const png = PNG.sync.read(ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8)));
      expect(png.width).toBe(ico.readUInt8(entry) || 256);
      return png.width;
    });
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('has an icon.icns holding PNGs up to 1024 px', () => {
    const icns = readFileSync(join(root, config.mac.icon));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const entries = new Map<string, number>();
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) {
      const png = PNG.sync.read(icns.subarray(offset + 8, offset + icns.readUInt32BE(offset + 4)));
      entries.set(icns.toString('latin1', offset, offset + 4), png.width);
    }
    expect(Object.fromEntries(entries)).toMatchObject({ icp4: 16, ic07: 128, ic08: 256, ic09: 512, ic10: 1024 });
  });
});
