import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../command';
import { DEMO_PASSWORD } from '../../mock-portal/state/seed-lawyers';
import { waitUntil } from '../../mock-portal/test-helpers';
import { expandAutoApprove, portalCommand } from './portal';

function captureStdout(): { lines: () => string[] } {
  let text = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  return { lines: () => text.split('\n').filter(Boolean) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('dossier portal', () => {
  it('prints the URL first, serves until SIGTERM, then resolves 0', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'portal-cli-'));
    try {
      const out = captureStdout();
      const listenersBefore = process.listenerCount('SIGTERM');
      const running = portalCommand.run(['--port', '0', '--data', dir]);
      await waitUntil(() => out.lines().length > 0);
      const url = out.lines()[0] ?? '';
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = (await (await fetch(`${url}/api/health`)).json()) as { mock: boolean };
      expect(health.mock).toBe(true);
      expect(await readdir(dir)).toContain('portal-state.json');

      process.emit('SIGTERM', 'SIGTERM');
      await expect(running).resolves.toBe(0);
      expect(process.listenerCount('SIGTERM')).toBe(listenersBefore);
      await expect(fetch(`${url}/api/health`)).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects bad options as usage errors', async () => {
    await expect(portalCommand.run(['--port', 'eighty'])).rejects.toBeInstanceOf(UsageError);
    await expect(portalCommand.run(['--colour'])).rejects.toBeInstanceOf(UsageError);
    await expect(portalCommand.run(['extra'])).rejects.toBeInstanceOf(UsageError);
  });

  it('documents its options, the demo lawyers and the demo password', () => {
    for (const option of ['--port', '--host', '--data', '--no-seed']) expect(portalCommand.usage).toContain(option);
    for (const text of ['13800000001', '张明远', '13800000002', '李思远', '13800000003', '王建华', DEMO_PASSWORD]) {
      expect(portalCommand.usage).toContain(text);
    }
  });

  it('seeds the demo lawyers unless --no-seed', async () => {
    const login = async (url: string) =>
      (
        await fetch(`${url}/api/auth/password-login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ phone: '13800000001', password: DEMO_PASSWORD }),
        })
      ).status;
    for (const [args, status] of [[[], 200], [['--no-seed'], 404]] as const) {
      const out = captureStdout();
      const running = portalCommand.run([...args]);
      await waitUntil(() => out.lines().length > 0);
      const url = out.lines()[0] ?? '';
      expect(await login(url)).toBe(status);
      process.emit('SIGTERM', 'SIGTERM');
      await expect(running).resolves.toBe(0);
      vi.restoreAllMocks();
    }
  });
});

describe('dossier portal --auto-approve', () => {
  it('reads the bare flag as 3 seconds and keeps an explicit value', () => {
    expect(expandAutoApprove(['--auto-approve', '--port', '0'])).toEqual(['--auto-approve=3', '--port', '0']);
    expect(expandAutoApprove(['--auto-approve=10'])).toEqual(['--auto-approve=10']);
  });

  it('refuses bad delays and page counts as usage errors', async () => {
    for (const argv of [['--auto-approve=0'], ['--auto-approve=soon'], ['--auto-approve', '10'], ['--dossier-pages', 'many'], ['--dossier-pages', '0'], ['--download-kbps', '0'], ['--download-kbps', 'fast']]) {
      await expect(portalCommand.run(argv), argv.join(' ')).rejects.toBeInstanceOf(UsageError);
    }
  });
});
