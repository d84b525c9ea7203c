import { expect, test, type Page } from '@playwright/test';
import { XMLValidator } from 'fast-xml-parser';
import { importArticles, plainSlug, uniqueWord } from './support/import';
import { expectNoSidewaysScrolling, expectNotFoundPage } from './support/pages';
import { DESKTOP, PHONE } from './support/viewports';

const PAGE_SIZE = 20;
const ARTICLES = 45;

// One section of 45 articles, imported once for this file, read by every test:
// three pages of 20, 20 and 5.
const word = uniqueWord();
const sectionName = `Pages ${word}`;
const sectionPath = `/${plainSlug(sectionName)}`;
// Listed newest first, as the document lists them.
const headlines = Array.from(
  { length: ARTICLES },
  (_, index) => `${word} dispatch ${String(index + 1).padStart(2, '0')}`,
);

test.beforeAll(() => {
  importArticles(headlines.map((headline) => ({ headline, section: sectionName })));
});

/** The headlines a section page lists, top to bottom: its headings that link to an article of the section. */
async function listedHeadlines(page: Page): Promise<string[]> {
  const articleLink = page.locator(`a[href^="${sectionPath}/"]:not([href$="/feed.xml"])`);
  return page.getByRole('main').getByRole('heading').filter({ has: articleLink }).allTextContents();
}

test.describe('on a desktop screen', () => {
  test.use({ viewport: DESKTOP });

  test('a section page is headed by the section name and lists its 20 newest articles, newest first', async ({
    page,
  }) => {
    const response = await page.goto(sectionPath);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(sectionName);
    expect(await listedHeadlines(page)).toEqual(headlines.slice(0, PAGE_SIZE));
    const times = await page
      .getByRole('main')
      .locator('time[datetime]')
      .evaluateAll((elements) => elements.map((element) => Date.parse(element.getAttribute('datetime') ?? '')));
    expect(times).toHaveLength(PAGE_SIZE);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  test('pages 2 and 3 list the older articles, and no article is on two pages', async ({ page }) => {
    const pages: string[][] = [];
    for (const number of [1, 2, 3]) {
      const response = await page.goto(number === 1 ? sectionPath : `${sectionPath}/page/${number}`);
      expect(response?.status(), `status of page ${number}`).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(sectionName);
      pages.push(await listedHeadlines(page));
    }
    expect(pages[1]).toEqual(headlines.slice(PAGE_SIZE, 2 * PAGE_SIZE));
    expect(pages[2]).toEqual(headlines.slice(2 * PAGE_SIZE));
    const all = pages.flat();
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...headlines].sort());
  });

  test('the next and previous links lead from page to page', async ({ page }) => {
    const next = page.locator('a[rel~="next"]');
    const previous = page.locator('a[rel~="prev"]');
    await page.goto(sectionPath);
    await expect(previous).toHaveCount(0);

    await next.click();
    await expect(page).toHaveURL(`${sectionPath}/page/2`);
    expect((await listedHeadlines(page))[0]).toBe(headlines[PAGE_SIZE]);

    await next.click();
    await expect(page).toHaveURL(`${sectionPath}/page/3`);
    expect((await listedHeadlines(page))[0]).toBe(headlines[2 * PAGE_SIZE]);
    await expect(next).toHaveCount(0);

    await previous.click();
    await expect(page).toHaveURL(`${sectionPath}/page/2`);
    expect((await listedHeadlines(page))[0]).toBe(headlines[PAGE_SIZE]);

    await previous.click();
    await expect(page).toHaveURL(sectionPath);
    expect((await listedHeadlines(page))[0]).toBe(headlines[0]);
    await expect(previous).toHaveCount(0);
  });

  for (const [what, value] of [
    ['page 0', '0'],
    ['a page that is not a number', 'abc'],
    ['a fractional page', '1.5'],
    ['a negative page', '-1'],
    ['a page past the last', '4'],
  ] as const) {
    test(`${what} of a section is the site's 404 page`, async ({ page }) => {
      await expectNotFoundPage(page, `${sectionPath}/page/${value}`);
    });
  }

  test('the old ?page=N address answers 308 with the page’s own address, and /page/1 with the section’s', async ({
    request,
  }) => {
    for (const [from, to] of [
      [`${sectionPath}?page=2`, `${sectionPath}/page/2`],
      [`${sectionPath}?page=1`, sectionPath],
      [`${sectionPath}/page/1`, sectionPath],
    ] as const) {
      const response = await request.get(from, { maxRedirects: 0 });
      expect(response.status(), from).toBe(308);
      expect(response.headers().location, from).toBe(to);
    }
  });

  test('a section that does not exist is the site\u2019s 404 page', async ({ page }) => {
    await expectNotFoundPage(page, `/no-such-section-${word.toLowerCase()}`);
  });

  test('the section page links to its RSS feed', async ({ page, request }) => {
    await page.goto(sectionPath);
    const link = page.getByRole('link', { name: 'Subscribe to this RSS feed' });
    await expect(link).toHaveAttribute('href', `${sectionPath}/feed.xml`);
    const feed = await request.get(`${sectionPath}/feed.xml`);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toMatch(/^application\/rss\+xml/u);
    expect(XMLValidator.validate(await feed.text())).toBe(true);
  });
});

test.describe('on a phone screen', () => {
  test.use({ viewport: PHONE });

  test('a section page shows its articles and the way to older ones without sideways scrolling', async ({ page }) => {
    await page.goto(sectionPath);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: headlines[0], exact: true })).toBeVisible();
    await page.locator('a[rel~="next"]').scrollIntoViewIfNeeded();
    await expect(page.locator('a[rel~="next"]')).toBeVisible();
    await expectNoSidewaysScrolling(page);
  });
});
