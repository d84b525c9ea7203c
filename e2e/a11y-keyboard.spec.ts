import { expect, test, type Page } from '@playwright/test';
import { importArticles, plainSlug, uniqueWord } from './support/import';
import { openPage } from './support/reader';
import { SCREENS } from './support/viewports';

/** Presses Tab until the focused element's text is `text` (or gives up after `limit` presses). */
async function tabTo(page: Page, text: string | RegExp, limit = 60): Promise<void> {
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (document.activeElement?.textContent ?? '').replace(/\s+/gu, ' ').trim());
    if (typeof text === 'string' ? focused === text : text.test(focused)) return;
  }
  throw new Error(`Tab never reached ${String(text)}`);
}

for (const [screen, viewport] of SCREENS) {
  test.describe(`on a ${screen} screen`, () => {
    test.use({ viewport });

    test('a keyboard-only reader goes from a section to an article, reads it, and moves on to the next one', async ({
      page,
    }) => {
      const word = uniqueWord();
      const section = `Keys ${word}`;
      const headlines = [`${word} first report`, `${word} second report`, `${word} third report`];
      importArticles(headlines.map((headline) => ({ headline, section })));

      await openPage(page, `/${plainSlug(section)}`);
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
      await page.keyboard.press('Enter');
      await tabTo(page, headlines[1] ?? '');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(headlines[1] ?? '');

      await tabTo(page, new RegExp(`^Next in ${section}`, 'u'));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(headlines[2] ?? '');
    });

    test('a keyboard-only reader opens the display settings, picks the dark theme and a larger text, and closes them', async ({
      page,
    }) => {
      await openPage(page, '/');
      await tabTo(page, /Display/u);
      await page.keyboard.press('Enter');
      const themes = page.getByRole('group', { name: 'Theme' });
      await expect(themes).toBeVisible();

      await page.keyboard.press('Tab');
      await expect(themes.getByRole('radio', { name: 'System', exact: true })).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect(themes.getByRole('radio', { name: 'Dark', exact: true })).toBeChecked();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

      await page.keyboard.press('Tab');
      const sizes = page.getByRole('group', { name: 'Text size' });
      await expect(sizes.getByRole('radio', { name: 'Default', exact: true })).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await expect(sizes.getByRole('radio', { name: 'Large', exact: true })).toBeChecked();
      await expect(page.locator('html')).toHaveAttribute('data-text-size', 'lg');

      await page.keyboard.press('Escape');
      await expect(themes).toBeHidden();
      await expect(page.getByLabel('Display settings')).toBeFocused();
    });
  });
}
