import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';

/**
 * `<dataDir>/last-lawyer.json`: who signed in last (for the viewer's watermark when nobody is signed
 * in) and whether 退出登录 was pressed since (the stored passwords then need proof). Not a secret:
 * a name and a firm, in the lawyer's private data folder (0600).
 */
const FILE_NAME = 'last-lawyer.json';

const recordSchema = z.object({
  name: z.string().max(100).nullable(),
  lawFirm: z.string().max(200).nullable(),
  /** Set by 退出登录; cleared by signing in again or by the 卷宗库锁 passcode. */
  loggedOut: z.boolean(),
});
export type LastLawyer = z.infer<typeof recordSchema>;

const nobody: LastLawyer = { name: null, lawFirm: null, loggedOut: false };

export class LastLawyerFile {
  private current: LastLawyer = nobody;
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly path: string) {}

  static async open(dataDir: string): Promise<LastLawyerFile> {
    const file = new LastLawyerFile(join(dataDir, FILE_NAME));
    try {
      const parsed = recordSchema.safeParse(JSON.parse(await readFile(file.path, 'utf8')));
      if (parsed.success) file.current = parsed.data;
    } catch {
      // Missing or damaged: nobody signed in before.
    }
    return file;
  }

  get(): LastLawyer {
    return { ...this.current };
  }

  /** Resolves once every write asked for is on disk (core's close waits for it). */
  idle(): Promise<void> {
    return this.writing.catch(() => undefined);
  }

  /** Writes only what changed; writes are queued so the file never goes back to an older state. */
  update(change: Partial<LastLawyer>): Promise<void> {
    const next = { ...this.current, ...change };
    if (JSON.stringify(next) === JSON.stringify(this.current)) return this.writing;
    this.current = next;
    const body = `${JSON.stringify(next)}\n`;
    this.writing = this.writing.catch(() => undefined).then(() => writeFileAtomic(this.path, body));
    return this.writing;
  }
}
