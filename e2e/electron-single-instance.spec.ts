/**
 * One app per profile: a second launch on the same user data hands over to the running app
 * (which comes to the front) and exits, so two cores never share one library and keychain.
 */
import { electronMissing, expect, launchAgain, test } from './support/electron-app';

test.skip(electronMissing !== null, electronMissing ?? '');

interface Recorded {
  secondInstances: number;
  focused: number;
}

test('a second launch with the same profile exits and the first window is focused', async ({ shell, portal, profile }) => {
  const { app } = shell;
  await app.evaluate(({ app: electronApp, BrowserWindow }) => {
    const recorded = globalThis as unknown as Recorded;
    recorded.secondInstances = 0;
    recorded.focused = 0;
    electronApp.on('second-instance', () => (recorded.secondInstances += 1));
    // Count focus() on whichever prototype defines it, so any wrapper of the window is seen.
    let owner: object | null = BrowserWindow.getAllWindows()[0]!;
    while (owner && !Object.prototype.hasOwnProperty.call(owner, 'focus')) owner = Object.getPrototypeOf(owner);
    const target = owner as { focus: (this: unknown) => void };
    const focus = target.focus;
    target.focus = function (this: unknown) {
      recorded.focused += 1;
      return focus.call(this);
    };
  });

  expect(await launchAgain(portal.url, profile)).toBe(0);

  await expect.poll(() => app.evaluate(() => (globalThis as unknown as Recorded).secondInstances)).toBe(1);
  await expect.poll(() => app.evaluate(() => (globalThis as unknown as Recorded).focused)).toBeGreaterThan(0);
  expect(app.windows()).toHaveLength(1);
});
