import { expect, test } from '@playwright/test';
import { SEED_ARTICLES } from './support/seed';
import { DESKTOP } from './support/viewports';

test.use({ viewport: DESKTOP });

const [first] = SEED_ARTICLES;

for (const [what, path] of [
  ['the front page', '/'],
  ['a section page', '/world'],
  ['an article page', first.path],
  ['the 404 page', '/no-such-section-for-the-head-test'],
] as const) {
  test(`${what} declares its language, a phone viewport, a title and a description`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', /^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/u);
    await expect(page.locator('head meta[name="viewport"]')).toHaveAttribute('content', /width=device-width/u);
    expect((await page.title()).trim()).not.toBe('');
    await expect(page.locator('head meta[name="description"]')).toHaveAttribute('content', /\S/u);
  });
}

test('an article page is titled with its headline', async ({ page }) => {
  await page.goto(first.path);
  expect(await page.title()).toContain(first.headline);
});

test('a section page is titled with the section name', async ({ page }) => {
  await page.goto('/world');
  expect(await page.title()).toMatch(/\bWorld\b/u);
});
