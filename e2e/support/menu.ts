import { expect, type Page } from '@playwright/test';

/** Clicks a menu entry, opening its parent menus first where they are folded. */
export async function openMenu(page: Page, ...path: string[]): Promise<void> {
  const nav = page.getByRole('navigation').or(page.getByRole('menu')).first();
  const leaf = path[path.length - 1]!;
  // An entry may carry a count after its label (消息 2).
  const entry = nav.getByText(new RegExp(`^${leaf}\\s*\\d*$`));
  if (!(await entry.isVisible())) {
    for (const parent of path.slice(0, -1)) await nav.getByText(parent, { exact: true }).click();
  }
  await entry.click();
  await expect(page.getByRole('heading', { name: leaf })).toBeVisible();
}
