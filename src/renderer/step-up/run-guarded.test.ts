import { describe, expect, it, vi } from 'vitest';
import { runGuarded } from './run-guarded';

const stepUpRequired = Object.assign(new Error('请使用“中国律师身份核验”小程序扫码完成身份核验'), { code: 'STEP_UP_REQUIRED' });

describe('runGuarded', () => {
  it('does not ask for a scan when the call succeeds', async () => {
    const verify = vi.fn(async () => 'v1');
    const call = vi.fn(async (id?: string) => `done:${id ?? 'none'}`);
    await expect(runGuarded(verify, 'binding', call)).resolves.toBe('done:none');
    expect(verify).not.toHaveBeenCalled();
  });

  it('asks for a scan on STEP_UP_REQUIRED and retries with the verification id', async () => {
    const verify = vi.fn(async () => 'verify-7');
    const call = vi.fn(async (id?: string) => {
      if (!id) throw stepUpRequired;
      return id;
    });
    await expect(runGuarded(verify, 'review', call)).resolves.toBe('verify-7');
    expect(verify).toHaveBeenCalledWith('review');
    expect(call.mock.calls.map(([id]) => id)).toEqual([undefined, 'verify-7']);
  });

  it('passes other failures and a cancelled scan through without retrying', async () => {
    const other = Object.assign(new Error('x'), { code: 'VALIDATION' });
    const call = vi.fn(async () => {
      throw other;
    });
    await expect(runGuarded(async () => 'v', 'binding', call)).rejects.toBe(other);
    expect(call).toHaveBeenCalledTimes(1);

    const cancelled = new Error('cancelled');
    const needing = vi.fn(async () => {
      throw stepUpRequired;
    });
    await expect(runGuarded(() => Promise.reject(cancelled), 'binding', needing)).rejects.toBe(cancelled);
    expect(needing).toHaveBeenCalledTimes(1);
  });

  it('gives up after two verifications that the portal keeps refusing', async () => {
    const verify = vi.fn(async () => 'stale');
    const call = vi.fn(async () => {
      throw stepUpRequired;
    });
    await expect(runGuarded(verify, 'binding', call)).rejects.toBe(stepUpRequired);
    expect(verify).toHaveBeenCalledTimes(2);
    expect(call).toHaveBeenCalledTimes(3);
  });
});
