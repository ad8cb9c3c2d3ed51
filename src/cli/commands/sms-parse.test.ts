import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../command';
import { main } from '../index';
import { runSmsParse } from './sms-parse';

const MANUAL_DOSSIER =
  '您申请的【陈颖康危险驾驶案称】【在线阅卷】审核已通过,您可以登录12309中国检察网下载卷宗。卷宗下载密码为:150005,卷宗文档打开密码为:1500066 密码信息请勿泄漏!【涪陵区院】';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Captures what a run printed on stdout. */
async function printed(run: () => Promise<number>): Promise<{ code: number; lines: string[] }> {
  let text = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  const code = await run();
  vi.restoreAllMocks();
  return { code, lines: text.split('\n').filter(Boolean) };
}

describe('dossier sms-parse', () => {
  it('prints exactly one JSON object for the manual SMS', async () => {
    const { code, lines } = await printed(() => runSmsParse(['-'], Readable.from([Buffer.from(MANUAL_DOSSIER)])));
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      kind: 'dossier-ready',
      caseName: '陈颖康危险驾驶案称',
      unit: '涪陵区院',
      downloadPassword: '150005',
      openPassword: '1500066',
    });
  });

  it('refuses the SMS as arguments, without repeating it, pointing to standard input', async () => {
    for (const args of [[MANUAL_DOSSIER], MANUAL_DOSSIER.split(' '), ['-', MANUAL_DOSSIER]]) {
      const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      expect(await main(['sms-parse', ...args])).toBe(2);
      expect(stdout).not.toHaveBeenCalled();
      const said = stderr.mock.calls.map((call) => String(call[0])).join('');
      expect(said).toMatch(/^dossier sms-parse: the SMS is not taken on the command line .*dossier sms-parse - < sms\.txt\n$/);
      expect(said).not.toContain('150005');
      expect(said).not.toContain('1500066');
      vi.restoreAllMocks();
    }
  });

  it('reads the SMS from standard input when the argument is -', async () => {
    const wrapped = `${MANUAL_DOSSIER.slice(0, 40)}\n${MANUAL_DOSSIER.slice(40)}\n`;
    const { code, lines } = await printed(() => runSmsParse(['-'], Readable.from([Buffer.from(wrapped)])));
    expect(code).toBe(0);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ kind: 'dossier-ready', downloadPassword: '150005' });
  });

  it('prints null values, key by key, for text that is no portal SMS', async () => {
    const { lines } = await printed(() => runSmsParse(['-'], Readable.from([Buffer.from('hello')])));
    expect(lines).toEqual(['{"kind":"unknown","caseName":null,"unit":null,"downloadPassword":null,"openPassword":null}']);
  });

  it('asks for the text when there is none, and rejects options', async () => {
    await expect(runSmsParse([])).rejects.toThrow(UsageError);
    await expect(runSmsParse(['--pretty', '-'])).rejects.toThrow(UsageError);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['sms-parse'])).toBe(2);
    expect(String(stderr.mock.calls[0]?.[0])).toContain('dossier sms-parse: expected -, to read the SMS from standard input');
  });

  it('is listed in dossier --help', async () => {
    const { lines } = await printed(() => main(['--help']));
    expect(lines.some((line) => line.trim().startsWith('sms-parse'))).toBe(true);
  });
});
