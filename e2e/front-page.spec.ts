import { expect, test } from '@playwright/test';
import { normalizeSpace } from './support/html';
import { importArticles, plainSlug, uniqueWord } from './support/import';
import { expectNoSidewaysScrolling } from './support/pages';
import { SEED_ARTICLES } from './support/seed';
import { DESKTOP, PHONE } from './support/viewports';

const seedHeadlines: string[] = SEED_ARTICLES.map((article) => article.headline);

for (const [screen, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const) {
  test.describe(`on a ${screen} screen`, () => {
    test.use({ viewport });

    test('the front page lists the three seed headlines in document order', async ({ page }) => {
      await page.goto('/');
      // Other tests import newer articles, which may push the seed out of the lead and
      // the latest list; the World block always holds them.
      const world = page.getByRole('region', { name: 'World', exact: true });
      const headlines = (await world.getByRole('heading').allTextContents()).map(normalizeSpace);
      expect(headlines.filter((headline) => seedHeadlines.includes(headline))).toEqual(seedHeadlines);
      for (const headline of seedHeadlines) {
        await expect(world.getByRole('link', { name: headline, exact: true })).toBeVisible();
      }
    });

    test('the front page has a lead story and a list of the latest articles', async ({ page }) => {
      await page.goto('/');
      const lead = page.getByRole('region', { name: /lead/iu });
      await expect(lead.getByRole('heading').getByRole('link').first()).toBeVisible();
      const latest = page.getByRole('region', { name: /latest/iu }).getByRole('listitem');
      await expect(latest.first().getByRole('heading').getByRole('link')).toBeVisible();
    });

    test('the front page has a block for each section, headed by a link to the section', async ({ page }) => {
      const word = uniqueWord();
      const sections = [`Harbours ${word}`, `Orchards ${word}`];
      importArticles(sections.map((section) => ({ headline: `${section} report`, section })));
      await page.goto('/');
      for (const section of sections) {
        const block = page.getByRole('region', { name: section, exact: true });
        await expect(block.getByRole('heading').getByRole('link', { name: section, exact: true })).toHaveAttribute(
          'href',
          `/${plainSlug(section)}`,
        );
        await expect(block.getByRole('link', { name: `${section} report`, exact: true })).toBeVisible();
      }
    });

    test('the front page fits the screen without sideways scrolling', async ({ page }) => {
      await page.goto('/');
      await expectNoSidewaysScrolling(page);
    });
  });
}
