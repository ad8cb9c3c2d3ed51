import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VIEWER_SIDE_WIDTH } from '../../shared/contract';
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

  it('keeps the viewer side panel width within its bounds, and a file of an older build gets the default', async () => {
    await writeFile(join(dir, 'settings.json'), '{"locale": "en", "libraryFolder": null, "watermark": false}');
    const service = new SettingsService(dir);
    expect(await service.load()).toMatchObject({ locale: 'en', watermark: false, viewerSideWidth: VIEWER_SIDE_WIDTH.default });
    await service.update({ viewerSideWidth: 420 });
    await expect(service.update({ viewerSideWidth: VIEWER_SIDE_WIDTH.max + 1 })).rejects.toThrow();
    await expect(service.update({ viewerSideWidth: 300.5 })).rejects.toThrow();
    expect((await new SettingsService(dir).load()).viewerSideWidth).toBe(420);
  });

  it('keeps the side menu unfolded unless the lawyer folded it', async () => {
    await writeFile(join(dir, 'settings.json'), '{"locale": "en", "libraryFolder": null, "watermark": true}');
    const service = new SettingsService(dir);
    expect((await service.load()).sideNavCollapsed).toBe(false);
    await service.update({ sideNavCollapsed: true });
    expect((await new SettingsService(dir).load()).sideNavCollapsed).toBe(true);
  });
});
