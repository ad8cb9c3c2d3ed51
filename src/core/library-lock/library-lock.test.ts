// The 卷宗库锁's rules on their own, with a clock the test moves: tries, lockout, idle locking.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryLockStatus } from '../../shared/contract';
import { MemorySecretStore } from '../secrets';
import { LastLawyerFile } from './last-lawyer';
import { LibraryLock, LOCKOUT_MS, passcodeAccount } from './library-lock';
import { verifyPasscode } from './passcode-hash';

const dirs: string[] = [];
const locks: LibraryLock[] = [];
afterEach(async () => {
  for (const lock of locks.splice(0)) lock.close();
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function openLock(options: { idleMs?: number; osUnlock?: { available(): Promise<boolean>; prompt(): Promise<boolean> } } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'library-lock-'));
  dirs.push(dataDir);
  const secrets = new MemorySecretStore();
  const clock = { now: 1_000_000 };
  const emitted: LibraryLockStatus[] = [];
  const open = async () => {
    const lock = await LibraryLock.open({
      secrets,
      dataDir,
      lastLawyer: await LastLawyerFile.open(dataDir),
      emit: (status) => emitted.push(status),
      now: () => clock.now,
      idleMs: options.idleMs ?? 0,
      ...(options.osUnlock ? { osUnlock: options.osUnlock } : {}),
    });
    locks.push(lock);
    return lock;
  };
  return { lock: await open(), reopen: open, secrets, dataDir, clock, emitted };
}

describe('LibraryLock', () => {
  it('is off by default and refuses nothing', async () => {
    const { lock } = await openLock();
    expect(lock.status()).toEqual({ enabled: false, locked: false, method: 'passcode', lockedOutUntil: null, passwordsNeedSignIn: false });
    expect(() => lock.check('library')).not.toThrow();
    expect(() => lock.check('passwords')).not.toThrow();
  });

  it('keeps a salted scrypt hash, not the passcode, and starts locked on the next open', async () => {
    const { lock, reopen, secrets, dataDir } = await openLock();
    await lock.setPasscode(undefined, '2468');
    const stored = await secrets.get(passcodeAccount(dataDir));
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored).not.toContain('2468');
    expect(await verifyPasscode('2468', stored!)).toBe(true);
    expect(await verifyPasscode('2469', stored!)).toBe(false);
    expect(lock.status()).toMatchObject({ enabled: true, locked: false });

    const next = await reopen();
    expect(next.status()).toMatchObject({ enabled: true, locked: true });
    expect(() => next.check('library')).toThrow(expect.objectContaining({ code: 'LIBRARY_LOCKED' }));
  });

  it('counts wrong passcodes, locks out after the fifth for a few minutes, then takes the right one', async () => {
    const { lock, clock } = await openLock();
    await lock.setPasscode(undefined, 'right-one');
    lock.lock();
    for (const left of [4, 3, 2, 1]) {
      await expect(lock.unlock('wrong')).rejects.toMatchObject({ code: 'WRONG_PASSWORD', message: expect.stringContaining(`还可尝试 ${left} 次`) });
    }
    await expect(lock.unlock('wrong')).rejects.toMatchObject({ code: 'LOCKED_OUT' });
    expect(lock.status().lockedOutUntil).toBe(new Date(clock.now + LOCKOUT_MS).toISOString());
    // Locked out: even the right passcode waits, and changing or removing the lock too.
    await expect(lock.unlock('right-one')).rejects.toMatchObject({ code: 'LOCKED_OUT' });
    await expect(lock.disableLock('right-one')).rejects.toMatchObject({ code: 'LOCKED_OUT' });
    clock.now += LOCKOUT_MS;
    expect(await lock.unlock('right-one')).toMatchObject({ locked: false, lockedOutUntil: null });
  });

  it('counts guesses made in parallel', async () => {
    const { lock } = await openLock();
    await lock.setPasscode(undefined, 'right-one');
    const answers = await Promise.allSettled(Array.from({ length: 6 }, () => lock.unlock('wrong')));
    const codes = answers.map((answer) => (answer.status === 'rejected' ? (answer.reason as { code: string }).code : 'ok'));
    expect(codes).toEqual(['WRONG_PASSWORD', 'WRONG_PASSWORD', 'WRONG_PASSWORD', 'WRONG_PASSWORD', 'LOCKED_OUT', 'LOCKED_OUT']);
  });

  it('changes and removes the passcode only with the current one', async () => {
    const { lock } = await openLock();
    await lock.setPasscode(undefined, '1111');
    await expect(lock.setPasscode(undefined, '2222')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(lock.setPasscode('9999', '2222')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    await lock.setPasscode('1111', '2222');
    await expect(lock.disableLock('1111')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    expect(await lock.disableLock('2222')).toMatchObject({ enabled: false, locked: false });
  });

  it('locks after the idle time without library calls, and says so', async () => {
    const { lock, clock, emitted } = await openLock({ idleMs: 60_000 });
    await lock.setPasscode(undefined, '1234');
    clock.now += 59_000;
    lock.check('library');
    clock.now += 59_000;
    lock.check('library');
    clock.now += 60_000;
    expect(() => lock.check('library')).toThrow(expect.objectContaining({ code: 'LIBRARY_LOCKED' }));
    expect(emitted.at(-1)).toMatchObject({ enabled: true, locked: true });
  });

  it('without a lock, 退出登录 withholds the passwords until a sign-in, and a passcode cannot be set meanwhile', async () => {
    const { lock, reopen } = await openLock();
    await lock.loggedOut();
    expect(() => lock.check('library')).not.toThrow();
    expect(() => lock.check('passwords')).toThrow(expect.objectContaining({ code: 'LIBRARY_LOCKED' }));
    expect(lock.status().passwordsNeedSignIn).toBe(true);
    await expect(lock.setPasscode(undefined, '1234')).rejects.toMatchObject({ code: 'LIBRARY_LOCKED' });
    // A restart does not forget it.
    const next = await reopen();
    expect(() => next.check('passwords')).toThrow(expect.objectContaining({ code: 'LIBRARY_LOCKED' }));
    await next.signedIn({ name: '张律师', idNumberMasked: '', licenseNumber: '', phone: '', lawFirm: '某律师事务所', email: null, address: null });
    expect(() => next.check('passwords')).not.toThrow();
  });

  it('offers the OS check where the host has one, and opens on its yes only', async () => {
    let answer = false;
    const { lock } = await openLock({ osUnlock: { available: async () => true, prompt: async () => answer } });
    expect(lock.status().method).toBe('passcode');
    await lock.setPasscode(undefined, '1234');
    lock.lock();
    expect(lock.status().method).toBe('os');
    await expect(lock.unlock(undefined)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    answer = true;
    expect(await lock.unlock(undefined)).toMatchObject({ locked: false });
  });
});
