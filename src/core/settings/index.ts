import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/contract';
import { writeFileAtomic } from '../fs/atomic-write';

/** The app's preferences in `<dataDir>/settings.json`; a missing or damaged file means the defaults. */
export class SettingsService {
  private current: Settings = DEFAULT_SETTINGS;
  private readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'settings.json');
  }

  async load(): Promise<Settings> {
    try {
      const parsed = settingsSchema.partial().safeParse(JSON.parse(await readFile(this.path, 'utf8')));
      this.current = { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
    } catch {
      this.current = { ...DEFAULT_SETTINGS };
    }
    return this.get();
  }

  get(): Settings {
    return { ...this.current };
  }

  async update(change: Partial<Settings>): Promise<Settings> {
    const next = settingsSchema.parse({ ...this.current, ...change });
    await writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`);
    this.current = next;
    return this.get();
  }
}
