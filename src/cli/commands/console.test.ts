import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMockPortal, type MockPortal } from '../../mock-portal';
import { fileBinding, latestSms, lawyerFixture, lawyerWithReview, registerByQr } from '../../mock-portal/test-helpers';
import { UsageError } from '../command';
import { consoleCommand, kindOfId } from './console';

function captureStdout(): { lines: () => Record<string, unknown>[] } {
  let text = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  return { lines: () => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) };
}

let portal: MockPortal;
beforeAll(async () => {
  portal = await startMockPortal({ seed: false, dossierPages: 4 });
});
afterAll(async () => {
  await portal.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('dossier console', () => {
  it('lists applications as JSON lines and approves a binding by its id', async () => {
    const lawyer = lawyerFixture();
    const { token } = await registerByQr(portal.url, lawyer);
    const binding = await fileBinding(portal.url, token, { procuratorateId: 'ah-province', caseName: '韩某盗窃案' });

    const listed = captureStdout();
    expect(await consoleCommand.run(['list', '--portal', portal.url, '--kind', 'bindings', '--status', 'pending'])).toBe(0);
    const line = listed.lines().find((l) => l.id === binding.id);
    expect(line).toMatchObject({ kind: 'binding', status: 'pending', caseName: '韩某盗窃案', lawyer: { name: lawyer.name } });
    vi.restoreAllMocks();

    const approved = captureStdout();
    expect(await consoleCommand.run(['approve', binding.id, '--portal', portal.url])).toBe(0);
    expect(approved.lines()).toEqual([expect.objectContaining({ kind: 'binding', id: binding.id, status: 'approved' })]);
    expect((await latestSms(portal.url, lawyer.phone))?.text).toContain('审核通过');
  });

  it('finds a review by id without --kind, rejects it with a reason, and refuses a second decision', async () => {
    const { lawyer, reviewId } = await lawyerWithReview(portal.url, { procuratorateId: 'cq-fuling', caseName: '杨某危险驾驶案' });
    const out = captureStdout();
    expect(await consoleCommand.run(['reject', reviewId, '--reason', '材料不全', '--portal', portal.url])).toBe(0);
    expect(out.lines()[0]).toMatchObject({ kind: 'review', id: reviewId, status: 'rejected', rejectReason: '材料不全' });
    expect((await latestSms(portal.url, lawyer.phone))?.text).toContain('原因：材料不全');
    await expect(consoleCommand.run(['approve', reviewId, '--portal', portal.url, '--kind', 'reviews'])).rejects.toThrow(/审核|待审核/);
    await expect(consoleCommand.run(['approve', 'no-such-id', '--portal', portal.url])).rejects.toThrow(/不存在/);
  });

  it('publishes an approved review with a page count and lists it as published', async () => {
    const { lawyer, reviewId } = await lawyerWithReview(portal.url, { procuratorateId: 'sh-xuhui', caseName: '朱某诈骗案' });
    captureStdout();
    expect(await consoleCommand.run(['approve', reviewId, '--portal', portal.url, '--kind', 'reviews'])).toBe(0);
    vi.restoreAllMocks();

    const out = captureStdout();
    expect(await consoleCommand.run(['publish', reviewId, '--portal', portal.url, '--pages', '5'])).toBe(0);
    expect(out.lines()[0]).toMatchObject({ kind: 'review', status: 'published', dossier: { pages: 5, format: 'zip' } });
    expect((await latestSms(portal.url, lawyer.phone))?.kind).toBe('dossier-ready');
    vi.restoreAllMocks();

    const listed = captureStdout();
    expect(await consoleCommand.run(['list', '--portal', portal.url, '--status', 'published'])).toBe(0);
    expect(listed.lines().map((l) => [l.kind, l.id])).toContainEqual(['review', reviewId]);
  });

  it('refuses usage mistakes before reaching the portal', async () => {
    for (const argv of [
      [],
      ['sign'],
      ['list'],
      ['list', '--portal', 'not a url'],
      ['list', '--portal', portal.url, '--kind', 'cases'],
      ['approve', '--portal', portal.url],
      ['approve', 'a', 'b', '--portal', portal.url],
      ['reject', 'x', '--portal', portal.url],
      ['approve', 'x', '--reason', 'r', '--portal', portal.url],
      ['publish', 'x', '--portal', portal.url, '--pages', 'lots'],
    ]) {
      await expect(consoleCommand.run(argv), argv.join(' ')).rejects.toBeInstanceOf(UsageError);
    }
  });

  it('reports an unreachable portal in plain words', async () => {
    await expect(consoleCommand.run(['list', '--portal', 'http://127.0.0.1:9'])).rejects.toThrow(/无法连接门户/);
  });

  it('tells binding and review ids apart where they say what they are', () => {
    expect(kindOfId('demo-binding-fuling')).toBe('bindings');
    expect(kindOfId('demo-review-fuling')).toBe('reviews');
    expect(kindOfId('3f2b5c4e-1111-4222-8333-444455556666')).toBeUndefined();
  });
});
