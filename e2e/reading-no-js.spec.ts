import { expect, test } from '@playwright/test';
import { importArticles, plainSlug, uniqueWord } from './support/import';
import { AUTHOR, BYLINE_ARTICLES, TAG, importBylineArticles } from './support/bylines';
import { GONE_KINDS, WITHDRAWN, goneArticles } from './support/gone';
import { luminance, pageBackground, sidewaysOverflow } from './support/reader';
import { SEED_ARTICLES } from './support/seed';
import { PHONE } from './support/viewports';
import { CORRECTIONS, CORRECTION_ARTICLES, importCorrectionArticles } from './support/corrections';

// A section two pages long, so that there is a next page to reach.
const word = uniqueWord();
const section = `Offline ${word}`;
const headlines = Array.from({ length: 23 }, (_, index) => `${word} bulletin number ${index + 1}`);

test.beforeAll(() => {
  importArticles(headlines.map((headline) => ({ headline, section })));
  importBylineArticles();
  importCorrectionArticles();
});

test.use({ javaScriptEnabled: false, viewport: PHONE, isMobile: true });

test('without JavaScript, a withdrawn article’s page reads on a phone in either scheme: headline, when and why, and the way home', async ({
  page,
}) => {
  await goneArticles();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const { path, status } of GONE_KINDS) {
      expect((await page.goto(path))?.status(), path).toBe(status);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await sidewaysOverflow(page), path).toBe(0);
      expect(luminance(await pageBackground(page)) < 0.2, `${path} ${colorScheme}`).toBe(colorScheme === 'dark');
    }
  }
  await page.goto(WITHDRAWN.path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(WITHDRAWN.headline);
  await expect(page.getByRole('note', { name: 'Withdrawn' })).toContainText(WITHDRAWN.reason);
  await page.getByRole('link', { name: 'Go to the front page' }).click();
  await expect(page).toHaveURL('/');
});

test('without JavaScript, a phone reader reaches a section from the header, pages through it and reads an article', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(section);

  await page.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(`/${plainSlug(section)}/page/2`);
  const last = headlines.at(-1) ?? '';
  await page.getByRole('link', { name: last, exact: true }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(last);
  await expect(page.getByRole('article').getByText(`${last}: the first paragraph of the report.`)).toBeVisible();
  await expect(page.getByRole('article').getByRole('link', { name: section, exact: true }).first()).toBeVisible();
});

test('without JavaScript, every section link in the header is shown whole and fits a phone', async ({ page }) => {
  await page.goto(SEED_ARTICLES[0].path);
  const links = page.getByRole('navigation', { name: 'Sections' }).getByRole('link');
  expect(await links.count()).toBeGreaterThan(1);
  // However many sections other tests have added, the links wrap: none is hidden, cut or
  // pushed off the side of the screen (scrolling down reaches them all).
  const width = page.viewportSize()?.width ?? 0;
  for (const link of await links.all()) {
    await expect(link).toBeVisible();
    const box = await link.boundingBox();
    expect(box, await link.innerText()).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
  }
  await expect(links.first()).toBeInViewport();
  expect(await sidewaysOverflow(page)).toBe(0);
});

test('without JavaScript, an article reads in full and follows the device’s dark setting', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(SEED_ARTICLES[0].path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_ARTICLES[0].headline);
  await expect(page.getByRole('heading', { name: 'City of revolution' })).toBeVisible();
  expect(luminance(await pageBackground(page))).toBeLessThan(0.2);
});

test('without JavaScript, the controls that need it are not shown', async ({ page }) => {
  await page.goto(SEED_ARTICLES[0].path);
  await expect(page.getByLabel('Display settings')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Share this article' })).toBeHidden();
});

test('without JavaScript, the section page links to its RSS feed, and the feed is there', async ({ page, request }) => {
  await page.goto(`/${plainSlug(section)}`);
  const href = await page.getByRole('link', { name: 'Subscribe to this RSS feed' }).getAttribute('href');
  const feed = await request.get(href ?? '');
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain(headlines[0]);
});

for (const listing of [AUTHOR, TAG]) {
  test(`without JavaScript, a phone reader pages through ${listing.path}, reads its oldest article and follows its feed`, async ({
    page,
    request,
  }) => {
    await page.goto(listing.path);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(listing.name);
    expect(await sidewaysOverflow(page)).toBe(0);
    const href = await page.getByRole('link', { name: 'Subscribe to this RSS feed' }).getAttribute('href');
    expect(href).toBe(`${listing.path}/feed.xml`);
    expect((await request.get(href ?? '')).status()).toBe(200);

    await page.locator('a[rel="next"]').click();
    await expect(page).toHaveURL(`${listing.path}/page/2`);
    await expect(page.getByRole('navigation', { name: 'Pages' }).getByText('Page 2 of 2')).toBeVisible();
    const oldest = BYLINE_ARTICLES.at(-1)?.headline ?? '';
    await page.getByRole('link', { name: oldest, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(oldest);
  });
}

test('without JavaScript, a phone reader finds the corrections in the footer, pages through them and opens a corrected article', async ({
  page,
  request,
}) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Corrections' }).click();
  await expect(page).toHaveURL(CORRECTIONS.path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Corrections');
  expect(await sidewaysOverflow(page)).toBe(0);
  const href = await page.getByRole('link', { name: 'Subscribe to this RSS feed' }).getAttribute('href');
  expect(href).toBe(`${CORRECTIONS.path}/feed.xml`);
  expect((await request.get(href ?? '')).status()).toBe(200);

  await page.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(/\/corrections\/page\/2$/u);
  // The oldest of the fixture's corrections is on a later page: imports by other specs only add newer ones.
  const oldest = CORRECTION_ARTICLES.at(-1)?.headline ?? '';
  await expect(async () => {
    const last = await page
      .getByRole('navigation', { name: 'Pages' })
      .getByText(/^Page \d+ of \d+$/u)
      .innerText();
    const [, shown, of] = /Page (\d+) of (\d+)/u.exec(last) ?? [];
    if (shown !== of) await page.locator('a[rel="next"]').click();
    await expect(page.getByRole('link', { name: oldest, exact: true })).toBeVisible({ timeout: 1 });
  }).toPass({ timeout: 10_000 });
  await page.getByRole('link', { name: oldest, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(oldest);
  const [label, text] = (CORRECTION_ARTICLES.at(-1)?.paragraphs?.[0] ?? '').split(': ');
  await expect(page.getByRole('note', { name: label })).toContainText(text ?? '');
});

for (const [what, path] of [
  ['a page past the last of the corrections', '/corrections/page/999'],
  ['an unknown author', '/authors/no-such-author-here'],
  ['an unknown tag', '/tags/no-such-tag-here'],
  ['an unknown article', '/world/no-such-article-here'],
  ['an unknown section', '/no-such-section-here'],
  ['a page past the last', '/world/page/99'],
  ['a malformed page number', '/world/page/abc'],
]) {
  test(`without JavaScript, ${what} shows the site's 404 page`, async ({ page }) => {
    const response = await page.goto(path ?? '/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'Go to the front page' })).toHaveAttribute(
      'href',
      '/',
    );
  });
}

test('without JavaScript, the header marks where the reader is: the front page, a section, an article of it', async ({
  page,
}) => {
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await page.goto('/');
  await expect(nav.getByRole('link', { name: 'Front page' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.locator('[aria-current]')).toHaveCount(1);

  await page.goto(`/${plainSlug(section)}`);
  await expect(nav.getByRole('link', { name: section })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Front page' })).not.toHaveAttribute('aria-current');

  await page.getByRole('link', { name: headlines[0], exact: true }).click();
  await expect(nav.getByRole('link', { name: section })).toHaveAttribute('aria-current', 'true');
  await expect(nav.locator('[aria-current]')).toHaveCount(1);
});
