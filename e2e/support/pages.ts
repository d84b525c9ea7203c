import { expect, type Page } from '@playwright/test';
import { leakedInternals } from './html';

/** Opens `path` and checks that the reader gets the site's own 404 page: a heading that says so and a way home. */
export async function expectNotFoundPage(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/not found/iu);
  await expect(page.getByRole('main').locator('a[href="/"]').first()).toBeVisible();
  expect(leakedInternals(await page.content())).toBeNull();
}

/** A phone reader never has to scroll sideways. */
export async function expectNoSidewaysScrolling(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'page width beyond the screen, in CSS pixels').toBeLessThanOrEqual(0);
}
