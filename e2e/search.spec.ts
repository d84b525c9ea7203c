import { expect, test, type Page } from '@playwright/test';
import { jsonLdBlocks } from './support/machine-readable';
import { importArticles, plainSlug, uniqueWord } from './support/import';
import { expectNotFoundPage } from './support/pages';
import { PHONE } from './support/viewports';

// A small newsroom for this file. Every article carries the run's own word, and every search
// here holds it, so no other test's articles turn up in these results.
const word = uniqueWord();
const section = `Arctic ${word}`;
const about = `${word} ferry to Vardø resumes after the storms`;
const mentions = `${word} fishing quotas agreed for the Barents Sea`;
const markup = `${word} <img src=x onerror="document.title='hacked'"> gala at the <b>opera</b>`;
// In Russian and Chinese: found through another form of a word, and through a word inside a sentence.
const russian = `${word} Министр обороны завершил визит в Астану`;
const chinese = `${word} 阿斯塔纳谈判结束`;
const bulletins = Array.from({ length: 23 }, (_, i) => `${word} observatory bulletin number ${i + 1}`);

test.beforeAll(() => {
  importArticles([
    {
      headline: mentions,
      section,
      paragraphs: [
        `Boats from Vardø and Kirkenes will share the ${word} quota.`,
        'Vardø harbour expects more trawlers, and the mayor of Vardø welcomed the news.',
      ],
    },
    { headline: about, section, paragraphs: [`Vardø, Mar 3 (Arctic Wire) The ${word} ferry sailed on Monday.`] },
    {
      headline: markup,
      section,
      paragraphs: [`The <script>document.title='hacked'</script> ${word} gala raised funds for the opera.`],
    },
    ...bulletins.map((headline) => ({ headline, section, paragraphs: [`${headline}: nothing new.`] })),
    {
      headline: russian,
      section,
      paragraphs: ['Переговоры министров завершились в пятницу. Делегации обсудили вопросы безопасности и торговли.'],
    },
    {
      headline: chinese,
      section,
      paragraphs: ['各方代表在阿斯塔纳举行了新一轮谈判，会谈于周五结束。双方同意继续对话。'],
    },
  ]);
});

const results = (page: Page) => page.getByRole('region', { name: /match/u }).getByRole('listitem');
const resultHeadlines = (page: Page) => results(page).getByRole('heading', { level: 3 }).allTextContents();

async function search(page: Page, query: string) {
  await page.goto('/');
  await page.getByRole('banner').getByRole('searchbox', { name: 'Search articles' }).fill(query);
  await page.getByRole('banner').getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\?q=/u);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
}

test('a reader searches from the header and finds the article about the place first, then one that mentions it', async ({
  page,
}) => {
  await search(page, `${word} vardo`);
  await expect(page.getByRole('status')).toContainText(`2 articles match “${word} vardo”`);
  expect(await resultHeadlines(page)).toEqual([about, mentions]);
  await expect(page).toHaveTitle(new RegExp(`^2 articles match “${word} vardo”`, 'u'));
  await results(page).first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(about);
  // The article's address is its headline in ASCII (Vardø → vardo).
  await expect(page).toHaveURL(`/${plainSlug(section)}/${plainSlug(about.replace('ø', 'o'))}`);
});

test('the words that matched are marked in headlines and passages, as the articles spell them', async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent(`${word} vardo`)}`);
  const first = results(page).first();
  await expect(first.getByRole('heading').locator('mark')).toHaveText([word, 'Vardø']);
  const passage = results(page).nth(1).locator('p').filter({ hasText: 'Kirkenes' });
  await expect(passage.locator('mark').first()).toHaveText('Vardø');
});

test('the search box keeps the words searched for, and a quoted phrase finds them side by side', async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent(`${word} "ferry to vardo"`)}`);
  await expect(page.getByRole('main').getByRole('searchbox', { name: 'Words to look for' })).toHaveValue(
    `${word} "ferry to vardo"`,
  );
  expect(await resultHeadlines(page)).toEqual([about]);
  await page.goto(`/search?q=${encodeURIComponent(`${word} vardo -ferry`)}`);
  expect(await resultHeadlines(page)).toEqual([mentions]);
  await page.goto(`/search?q=${encodeURIComponent(`${word} kirkenes or ${word} gala`)}`);
  expect((await resultHeadlines(page)).sort()).toEqual([markup, mentions].sort());
});

test('a reader types Russian or Chinese in the header’s box and finds the article in its own language', async ({
  page,
}) => {
  for (const [query, headline, marked] of [
    [`${word} министра`, russian, 'Министр'],
    [`${word} завершилась`, russian, 'завершил'],
    [`${word} 阿斯塔纳`, chinese, '阿斯塔纳'],
    [`${word} 谈判`, chinese, '谈判'],
  ] as const) {
    await page.goto('/');
    const box = page.getByRole('banner').getByRole('searchbox', { name: 'Search articles' });
    await box.pressSequentially(query);
    await box.press('Enter');
    await expect(page.getByRole('status')).toContainText(`1 article matches “${query}”`);
    expect(await resultHeadlines(page)).toEqual([headline]);
    await expect(results(page).first().getByRole('heading').locator('mark')).toContainText([marked]);
  }
});

test('markup in an article shows as text in the results and runs nothing', async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent(`${word} gala`)}`);
  const result = results(page).first();
  await expect(result.getByRole('heading', { level: 3 })).toHaveText(markup);
  await expect(result).toContainText(`The <script>document.title='hacked'</script> ${word} gala raised funds`);
  await expect(page.locator('main img, main b, main script')).toHaveCount(0);
  await expect(result.locator('mark')).toHaveText([word, 'gala', word, 'gala']);
  expect(await page.title()).not.toBe('hacked');
});

test('results come 20 a page, and the next page has the rest', async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent(`${word} observatory`)}`);
  await expect(page.getByRole('status')).toContainText('23 articles match');
  await expect(results(page)).toHaveCount(20);
  const firstPage = await resultHeadlines(page);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'More results' }).click();
  await expect(page).toHaveURL(/[?&]page=2\b/u);
  await expect(results(page)).toHaveCount(3);
  const secondPage = await resultHeadlines(page);
  expect(new Set([...firstPage, ...secondPage])).toEqual(new Set(bulletins));
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText('Page 2 of 2');
  await expect(page.getByRole('link', { name: 'Previous results' })).toHaveAttribute('rel', 'prev');
});

test('a search that finds nothing says so, suggests what to try and offers the latest articles', async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent(`${word} qwxyzzy`)}`);
  await expect(page.getByRole('status')).toHaveText(`No articles match “${word} qwxyzzy”`);
  await expect(page.getByRole('region', { name: 'Suggestions' })).toContainText('Check the spelling');
  await expect(
    page.getByRole('region', { name: 'Latest articles' }).getByRole('heading', { level: 3 }),
  ).not.toHaveCount(0);
});

test('an empty search shows the search box and nothing else', async ({ page }) => {
  await page.goto('/search?q=%20%20%20');
  const main = page.getByRole('main');
  await expect(main.getByRole('searchbox', { name: 'Words to look for' })).toHaveValue('');
  await expect(main.getByRole('heading')).toHaveText(['Search']);
  await expect(main.getByRole('status')).toHaveCount(0);
  await expect(main.getByRole('listitem')).toHaveCount(0);
});

test('a search longer than 200 characters is cut to 200, not refused', async ({ page }) => {
  const long = `${word} vardo ${'x'.repeat(300)}`;
  const response = await page.goto(`/search?q=${encodeURIComponent(long)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText('Your search was cut to its first 200 characters.')).toBeVisible();
  expect([...(await page.getByRole('main').getByRole('searchbox').inputValue())]).toHaveLength(200);
});

test('search pages are private to the reader, kept a minute at most, and not indexed', async ({ request }) => {
  const response = await request.get(`/search?q=${word}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('private, max-age=60');
  expect(response.headers()['x-robots-tag']).toBe('noindex');
  expect(await response.text()).toContain('<meta name="robots" content="noindex, follow"/>');
});

test('addresses below /search are the 404 page', async ({ page }) => {
  await expectNotFoundPage(page, '/search/vardo');
});

test('a browser can add the site as a search engine, and search engines can read its search', async ({
  page,
  request,
  baseURL,
}) => {
  await page.goto('/');
  const link = page.locator('head link[rel="search"]');
  await expect(link).toHaveAttribute('type', 'application/opensearchdescription+xml');
  const description = await request.get((await link.getAttribute('href')) ?? '');
  expect(description.headers()['content-type']).toBe('application/opensearchdescription+xml; charset=utf-8');
  const template = /<Url type="text\/html" method="get" template="([^"]+)"/u.exec(await description.text())?.[1];
  expect(template).toBe(`${baseURL}/search?q={searchTerms}`);

  const website = jsonLdBlocks(await page.content()).find(
    (block) => (block as { '@type'?: string })['@type'] === 'WebSite',
  ) as { potentialAction?: { target?: { urlTemplate?: string } } } | undefined;
  const urlTemplate = website?.potentialAction?.target?.urlTemplate ?? '';
  await page.goto(urlTemplate.replace('{search_term_string}', encodeURIComponent(`${word} vardo`)));
  expect(await resultHeadlines(page)).toEqual([about, mentions]);
});

test('a keyboard-only reader reaches the header’s search box in a few presses of Tab, and searches with Enter', async ({
  page,
}) => {
  await page.goto('/');
  const box = page.getByRole('banner').getByRole('searchbox', { name: 'Search articles' });
  for (
    let presses = 0;
    presses < 6 && !(await box.evaluate((element) => element === document.activeElement));
    presses++
  )
    await page.keyboard.press('Tab');
  await expect(box).toBeFocused();
  await page.keyboard.type(`${word} vardo`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('2 articles match');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: PHONE, isMobile: true });

  test('a phone reader searches from the header, pages through the results and opens one', async ({ page }) => {
    await page.goto('/');
    const box = page.getByRole('banner').getByRole('searchbox', { name: 'Search articles' });
    await expect(box).toBeInViewport();
    await box.fill(`${word} observatory`);
    await box.press('Enter');
    await expect(page.getByRole('status')).toContainText('23 articles match');
    await page.getByRole('link', { name: 'More results' }).click();
    await expect(results(page)).toHaveCount(3);
    const headline = (await resultHeadlines(page))[0] ?? '';
    await results(page).first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
  });
});
