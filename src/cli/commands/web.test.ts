import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../command';
import { defaultLibraryFolder } from '../../core/open-library';
import { defaultDataDir } from '../data-dir';
import { builtRendererDir, parseWebArgs, webCommand } from './web';

describe('dossier web: arguments', () => {
  it('defaults to a free port, the bundled portal and the user data folder', () => {
    expect(parseWebArgs([])).toEqual({ port: 0, portalUrl: null, dataDir: defaultDataDir(), libraryFolder: defaultLibraryFolder(), backgroundReading: true });
  });

  it('takes --port, --portal, --data, --library and --no-ocr', () => {
    expect(parseWebArgs(['--port', '4173', '--portal', 'http://127.0.0.1:9000', '--data', '/tmp/dd', '--library', '/tmp/卷宗', '--no-ocr'])).toEqual({
      port: 4173,
      portalUrl: 'http://127.0.0.1:9000',
      dataDir: '/tmp/dd',
      libraryFolder: '/tmp/卷宗',
      backgroundReading: false,
    });
  });

  it.each([
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--port', '1e3']],
    [['--portal', 'not a url']],
    [['--portal', 'file:///etc/passwd']],
    [['--data', '']],
    [['--library', ' ']],
    [['--verbose']],
    [['extra']],
  ])('refuses %j as a usage error', (argv) => {
    expect(() => parseWebArgs(argv)).toThrow(UsageError);
  });

  it('documents every option in --help', () => {
    for (const option of ['--port', '--portal', '--data', '--library']) expect(webCommand.usage).toContain(option);
  });
});

describe('dossier web: renderer location', () => {
  it('is out/renderer beside the built CLI', () => {
    const cli = pathToFileURL(join('/app', 'out', 'cli', 'index.mjs')).href;
    expect(builtRendererDir(cli)).toBe(join('/app', 'out', 'renderer'));
  });
});
