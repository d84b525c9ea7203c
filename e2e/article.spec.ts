import { expect, test } from '@playwright/test';
import { normalizeSpace } from './support/html';
import { expectNoSidewaysScrolling } from './support/pages';
import { SEED_ARTICLES, seedArticleElements } from './support/seed';
import { DESKTOP, PHONE } from './support/viewports';

const [first, , third] = SEED_ARTICLES;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/u;

test.describe('on a desktop screen', () => {
  test.use({ viewport: DESKTOP });

  for (const article of SEED_ARTICLES) {
    test(`"${article.headline}" is headed by its headline, the only h1`, async ({ page }) => {
      const response = await page.goto(article.path);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.headline);
    });

    test(`"${article.headline}" shows when it was published, in a machine-readable time`, async ({ page }) => {
      await page.goto(article.path);
      const time = page.getByRole('main').locator('time[datetime]').first();
      await expect(time).toBeVisible();
      await expect(time).not.toHaveText('');
      const datetime = (await time.getAttribute('datetime')) ?? '';
      expect(datetime).toMatch(ISO_DATETIME);
      const published = Date.parse(datetime);
      expect(published).toBeLessThanOrEqual(Date.now() + 60_000);
      expect(published).toBeGreaterThan(Date.parse('2000-01-01T00:00:00Z'));
    });

    test(`"${article.headline}" shows its reading time`, async ({ page }) => {
      await page.goto(article.path);
      await expect(
        page
          .getByRole('main')
          .getByText(/\b\d+\s*min(?:ute)?s? read\b/iu)
          .first(),
      ).toBeVisible();
    });

    test(`"${article.headline}" says it was published in World, linking to the section`, async ({ page }) => {
      await page.goto(article.path);
      const credit = page.getByRole('main').getByText(/^\s*Published in\s+World\s*$/u);
      await expect(credit).toBeVisible();
      await expect(credit.getByRole('link', { name: 'World', exact: true })).toHaveAttribute('href', '/world');
    });

    test(`"${article.headline}" does not show the exported page's "Subscribe to this RSS feed" line`, async ({
      page,
    }) => {
      await page.goto(article.path);
      await expect(page.getByRole('main').getByRole('article')).not.toContainText('Subscribe to this RSS feed');
    });
  }

  test('the first seed article shows its 18 paragraphs and two subheadings in the order of the document', async ({
    page,
  }) => {
    const subheadings = ['Importance of Homs', 'City of revolution'];
    const elements = seedArticleElements(0);
    const expected = elements.map((text) => ({ tag: subheadings.includes(text) ? 'H2' : 'P', text }));
    expect(expected.filter(({ tag }) => tag === 'P')).toHaveLength(18);
    expect(expected.filter(({ tag }) => tag === 'H2').map(({ text }) => text)).toEqual(subheadings);

    await page.goto(first.path);
    const shown = await page
      .getByRole('main')
      .getByRole('article')
      .locator('h2, p')
      .evaluateAll((nodes) => nodes.map((node) => ({ tag: node.tagName, text: node.textContent ?? '' })));
    const body = shown
      .map(({ tag, text }) => ({ tag, text: normalizeSpace(text) }))
      .filter(({ text }) => elements.includes(text));
    expect(body).toEqual(expected);
  });

  test('the third seed article shows its dateline, Moscow, Dec 27 (Prensa Latina), before its first paragraph', async ({
    page,
  }) => {
    await page.goto(third.path);
    const text = normalizeSpace((await page.getByRole('main').getByRole('article').textContent()) ?? '');
    const dateline = text.search(/Moscow,? Dec 27 \(?Prensa Latina\)?/iu);
    expect(dateline, 'where the dateline is in the article').toBeGreaterThanOrEqual(0);
    expect(text.indexOf('The Russian Ministry of Defense')).toBeGreaterThan(dateline);
  });

  test('an article asked for under the wrong section answers 308 with its own URL', async ({ request }) => {
    const slug = first.path.split('/').at(-1) ?? '';
    const response = await request.get(`/business/${slug}`, { maxRedirects: 0 });
    expect(response.status()).toBe(308);
    expect(new URL(response.headers()['location'] ?? '', response.url()).pathname).toBe(first.path);
  });

  test('a reader who follows an article link under the wrong section lands on the article', async ({ page }) => {
    const slug = first.path.split('/').at(-1) ?? '';
    await page.goto(`/business/${slug}`);
    await expect(page).toHaveURL(first.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.headline);
  });
});

test.describe('on a phone screen', () => {
  test.use({ viewport: PHONE });

  test('an article reads on a phone without sideways scrolling', async ({ page }) => {
    await page.goto(first.path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Importance\s+of\s+Homs/u })).toBeAttached();
    await expectNoSidewaysScrolling(page);
  });
});
