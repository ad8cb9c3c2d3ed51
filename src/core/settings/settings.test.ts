import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsService } from './index';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('SettingsService', () => {
  it('starts in Chinese and remembers a change across instances', async () => {
    const first = new SettingsService(dir);
    expect((await first.load()).locale).toBe('zh-CN');
    await first.update({ locale: 'en' });
    const second = new SettingsService(dir);
    expect((await second.load()).locale).toBe('en');
    // Atomic write leaves no temp files behind.
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('treats a damaged file as defaults instead of failing', async () => {
    await writeFile(join(dir, 'settings.json'), '{"locale": "en"');
    expect((await new SettingsService(dir).load()).locale).toBe('zh-CN');
  });

  it('refuses an unknown locale and keeps the file as it was', async () => {
    const service = new SettingsService(dir);
    await service.load();
    await service.update({ locale: 'en' });
    await expect(service.update({ locale: 'fr' as never })).rejects.toThrow();
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')).locale).toBe('en');
  });
});
