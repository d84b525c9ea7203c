import { expect, test, type Page } from '@playwright/test';
import { importArticles, plainSlug, uniqueWord } from './support/import';
import { expectNotFoundPage } from './support/pages';
import { keepScreenshot, luminance, pageBackground } from './support/reader';
import { AUTHOR, TAG, importBylineArticles } from './support/bylines';
import { REMOVED, WITHDRAWN, goneArticles } from './support/gone';
import { SEED_ARTICLES, seedArticleElements } from './support/seed';
import { normalizeSpace } from './support/html';
import { PHONE } from './support/viewports';
import { CORRECTIONS, importCorrectionArticles } from './support/corrections';

test.use({ viewport: PHONE });

const ARTICLE = SEED_ARTICLES[0].path;
const LITE_PAGES = [
  { kind: 'front page', lite: '/lite', full: '/' },
  { kind: 'section page', lite: '/lite/world', full: '/world' },
  { kind: 'article', lite: `/lite${ARTICLE}`, full: ARTICLE },
  { kind: 'author page', lite: `/lite${AUTHOR.path}`, full: AUTHOR.path },
  { kind: 'later author page', lite: `/lite${AUTHOR.path}/page/2`, full: `${AUTHOR.path}/page/2` },
  { kind: 'tag page', lite: `/lite${TAG.path}`, full: TAG.path },
  { kind: 'corrections page', lite: `/lite${CORRECTIONS.path}`, full: CORRECTIONS.path },
  { kind: 'later corrections page', lite: `/lite${CORRECTIONS.later}`, full: CORRECTIONS.later },
] as const;

test.beforeAll(() => {
  importBylineArticles();
  importCorrectionArticles();
});

/** Every request the page makes while it loads, beside the page itself. */
async function openCounting(page: Page, path: string): Promise<string[]> {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  await page.waitForLoadState('load');
  return requests.filter((requested) => requested !== path && requested !== '/favicon.ico');
}

test('a lite article shows the same text as the full article: headline, dateline and every paragraph', async ({
  page,
}, testInfo) => {
  await page.goto(`/lite${ARTICLE}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_ARTICLES[0].headline);
  const shown = await page
    .locator('article > p:not(.kicker):not(.meta), article > h2')
    .evaluateAll((elements) => elements.map((element) => element.textContent ?? ''));
  expect(shown.map(normalizeSpace)).toEqual(seedArticleElements(0));
  await keepScreenshot(page, testInfo, 'lite-article');
});

for (const { kind, lite, full } of LITE_PAGES) {
  test(`the lite ${kind} loads no script, font, image or stylesheet: nothing but itself`, async ({ page }) => {
    expect(await openCounting(page, lite)).toEqual([]);
    await expect(page.locator('script')).toHaveCount(0);
    await expect(page.locator('img, svg, picture, video, iframe, link[rel="stylesheet"]')).toHaveCount(0);
    const styles = await page.locator('style').evaluateAll((elements) => elements.map((e) => e.textContent ?? ''));
    expect(styles).toHaveLength(1);
    expect(Buffer.byteLength(styles[0] ?? '')).toBeLessThanOrEqual(4096);
  });

  test(`the lite ${kind} names its full twin as canonical, and links only to lite pages besides it`, async ({
    page,
    baseURL,
  }) => {
    await page.goto(lite);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}${full}`);
    const links = await page
      .getByRole('link')
      .evaluateAll((elements) => elements.map((element) => new URL((element as HTMLAnchorElement).href).pathname));
    expect(links.length).toBeGreaterThan(3);
    expect(links.filter((href) => !href.startsWith('/lite'))).toEqual([full]);
  });

  test(`the full ${kind} links to its lite twin, and the lite one back to it`, async ({ page }) => {
    await page.goto(full);
    await page.getByRole('link', { name: 'Lite version of this page' }).click();
    await expect(page).toHaveURL(lite);
    await page.getByRole('link', { name: 'Full version of this page' }).click();
    await expect(page).toHaveURL(full);
  });
}

test('the lite article is under 15 KB over the wire, gzipped, and cached like the full page', async ({ request }) => {
  const response = await request.get(`/lite${ARTICLE}`, { headers: { 'accept-encoding': 'gzip' } });
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers['content-encoding']).toBe('gzip');
  expect(Number(headers['content-length'])).toBeLessThanOrEqual(15 * 1024);
  expect(headers['cache-control']).toMatch(/s-maxage=60/u);
  const again = await request.get(`/lite${ARTICLE}`, { headers: { 'if-none-match': headers.etag ?? '' } });
  expect(again.status()).toBe(304);
  // No inline script to allow: the policy names no script hash.
  expect(headers['content-security-policy']).toMatch(/script-src 'self';/u);
});

test('the lite corrections page is cached like the full page and answers If-None-Match with 304', async ({
  request,
}) => {
  // Other specs' imports may add a correction in between: ask again for the version then.
  await expect(async () => {
    const response = await request.get(`/lite${CORRECTIONS.path}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toMatch(/s-maxage=60/u);
    const again = await request.get(`/lite${CORRECTIONS.path}`, {
      headers: { 'if-none-match': response.headers().etag ?? '' },
    });
    expect(again.status()).toBe(304);
  }).toPass({ timeout: 15_000 });
});

test('the lite pages follow the device: light on a light one, dark on a dark one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`/lite${ARTICLE}`);
  expect(luminance(await pageBackground(page))).toBeGreaterThan(0.8);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(luminance(await pageBackground(page))).toBeLessThan(0.2);
});

test('a lite address that names nothing gets the full 404 page', async ({ page }) => {
  await expectNotFoundPage(page, '/lite/no-such-section-for-readers');
  await expectNotFoundPage(page, '/lite/world/no-such-article-for-readers');
  await expectNotFoundPage(page, `/lite${ARTICLE}.md`);
  await expectNotFoundPage(page, '/lite/world/feed.xml');
});

test('a withdrawn article’s lite copy answers 410 as its page does, its links staying in the lite pages; a removed one’s 451', async ({
  page,
}) => {
  await goneArticles();
  const answer = await page.goto(`/lite${WITHDRAWN.path}`);
  expect(answer?.status()).toBe(410);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(WITHDRAWN.headline);
  await expect(page.getByRole('note', { name: 'Withdrawn' })).toContainText(WITHDRAWN.reason);
  expect(await page.locator('script').count()).toBe(0);
  const links = await page.getByRole('link').evaluateAll((all) => all.map((link) => link.getAttribute('href')));
  expect(links.filter((href) => href !== '#main')).toEqual(['/lite', '/lite']);
  expect((await page.goto(`/lite${REMOVED.path}`))?.status()).toBe(451);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unavailable for legal reasons');
});

test('an article moved or asked for under another section leads to its own lite page', async ({ request }) => {
  const response = await request.get(`/lite/business${ARTICLE.slice('/world'.length)}`, { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(response.headers().location).toBe(`/lite${ARTICLE}`);
});

test('an import that changes an article shows on its lite page at once', async ({ page }) => {
  const word = uniqueWord();
  const section = `Lite ${word}`;
  const headline = `${word} count revised`;
  const lite = `/lite/${plainSlug(section)}/${plainSlug(headline)}`;
  importArticles([{ headline, section, paragraphs: [`The first count found 120 ${word} cases.`] }]);
  await page.goto(lite);
  await expect(page.getByRole('main')).toContainText(`The first count found 120 ${word} cases.`);

  importArticles([{ headline, section, paragraphs: [`The corrected count found 210 ${word} cases.`] }]);

  await expect(async () => {
    await page.goto(lite);
    await expect(page.getByRole('main')).toContainText(`The corrected count found 210 ${word} cases.`, {
      timeout: 1,
    });
  }).toPass({ timeout: 5_000, intervals: [100, 250, 500, 1_000] });
  await expect(page.getByRole('main')).not.toContainText('The first count');
});
