import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { importArticles, plainSlug, uniqueWord } from './support/import';
import { axeViolations, keepScreenshot, rememberChoices } from './support/reader';
import { SEED_ARTICLES, seedArticleElements } from './support/seed';
import { PHONE } from './support/viewports';

test.use({ viewport: PHONE });

/** Saves the article open in the page, as a reader does, and waits until the page says it is kept. */
async function saveForOffline(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save for offline' }).click();
  await expect(page.getByText('Saved on this device.')).toBeVisible({ timeout: 20_000 });
}

/** The pages the service worker keeps for this browser (build files aside). */
const keptPages = (page: Page) =>
  page.evaluate(async () => {
    const cache = await caches.open('saved-pages-v1');
    const paths = (await cache.keys()).map((request) => new URL(request.url).pathname);
    return paths.filter((path) => !path.startsWith('/_next/static/')).sort();
  });

test('a saved article opens from /saved and reads in full with the network off', async ({
  page,
  context,
}, testInfo) => {
  const [article] = SEED_ARTICLES;
  await page.goto(article.path);
  await saveForOffline(page);
  // Pages read but not saved are not kept.
  await page.goto(SEED_ARTICLES[2].path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_ARTICLES[2].headline);
  expect(await keptPages(page)).toEqual([article.path, '/saved'].sort());

  await context.setOffline(true);
  await page.goto('/saved');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Saved articles');
  await keepScreenshot(page, testInfo, 'saved-offline');
  const opened = page.waitForResponse((response) => new URL(response.url()).pathname === article.path);
  await page.getByRole('link', { name: article.headline }).click();

  expect((await opened).fromServiceWorker()).toBe(true);
  await expect(page).toHaveURL(article.path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.headline);
  const [first, , last] = [seedArticleElements(0)[0], null, seedArticleElements(0).at(-1)];
  await expect(page.getByRole('main')).toContainText(first ?? '');
  await expect(page.getByRole('main')).toContainText(last ?? '');
  // Styled as online: the stylesheet came from the saved copy too.
  const font = await page.getByRole('heading', { level: 1 }).evaluate((h1) => getComputedStyle(h1).fontFamily);
  expect(font).toMatch(/newsreader/iu);
  await context.setOffline(false);
});

test('a saved article can be removed from /saved, and then is no longer kept', async ({ page, context }) => {
  const article = SEED_ARTICLES[1];
  await page.goto(article.path);
  await saveForOffline(page);
  await page.goto('/saved');
  await page.getByRole('button', { name: `Remove “${article.headline}” from saved articles` }).click();
  await expect(page.getByRole('link', { name: article.headline })).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText(`Removed “${article.headline}”.`);
  expect(await keptPages(page)).toEqual(['/saved']);

  await context.setOffline(true);
  await page.goto(article.path).catch(() => null);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are offline');
  await context.setOffline(false);
});

test('online, a saved article always shows its latest text, and the kept copy follows it', async ({
  page,
  context,
}) => {
  const word = uniqueWord();
  const section = `Offline ${word}`;
  const headline = `${word} count revised`;
  const path = `/${plainSlug(section)}/${plainSlug(headline)}`;
  importArticles([{ headline, section, paragraphs: [`The first count found 120 ${word} cases.`] }]);
  await page.goto(path);
  await saveForOffline(page);

  importArticles([{ headline, section, paragraphs: [`The corrected count found 210 ${word} cases.`] }]);
  await expect(async () => {
    await page.goto(path);
    await expect(page.getByRole('main')).toContainText('The corrected count', { timeout: 1 });
  }).toPass({ timeout: 5_000 });

  await context.setOffline(true);
  await page.goto(path);
  await expect(page.getByRole('main')).toContainText(`The corrected count found 210 ${word} cases.`);
  await context.setOffline(false);
});

test('a saved article opens from its saved copy when the site answers 503', async ({ page, context }) => {
  const article = SEED_ARTICLES[2];
  await page.goto(article.path);
  await saveForOffline(page);
  // The site is up but cannot serve the page: the worker's own request gets a 503.
  await context.route(`**${article.path}`, (route) =>
    route.fulfill({
      status: 503,
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><title>Temporarily unavailable</title><h1>Temporarily unavailable</h1>',
    }),
  );
  await page.goto('/saved');
  const opened = page.waitForResponse((response) => new URL(response.url()).pathname === article.path);
  await page.getByRole('link', { name: article.headline }).click();
  expect((await opened).fromServiceWorker()).toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.headline);
  await expect(page.getByRole('main')).toContainText(seedArticleElements(2)[0] ?? '');
  await context.unroute(`**${article.path}`);
});

test('the service worker keeps no page of another site, whatever the path it is asked to save', async ({
  page,
  baseURL,
}) => {
  // Another site on this machine that would let the worker read its page.
  const asked: string[] = [];
  const other = http.createServer((request, response) => {
    asked.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'text/html', 'access-control-allow-origin': '*' });
    response.end('<!doctype html><title>Another site</title><h1>Another site</h1>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(other.address() as AddressInfo).port}`;
  try {
    const [article] = SEED_ARTICLES;
    await page.goto(article.path);
    await saveForOffline(page);
    for (const path of [`/\\${host}/story`, `//${host}/story`, `/\\/${host}/story`, `\\${host}/story`]) {
      const answer = await page.evaluate(async (path) => {
        const registration = await navigator.serviceWorker.ready;
        const channel = new MessageChannel();
        const reply = new Promise<{ ok: boolean; error?: string }>((resolve) => {
          channel.port1.onmessage = (event: MessageEvent<{ ok: boolean; error?: string }>) => resolve(event.data);
        });
        registration.active?.postMessage({ type: 'save', path }, [channel.port2]);
        return reply;
      }, path);
      expect(answer, path).toEqual({ ok: false, error: 'not a path of this site' });
    }
    expect(asked).toEqual([]);
    const kept = await page.evaluate(async () =>
      (await (await caches.open('saved-pages-v1')).keys()).map((request) => request.url),
    );
    expect(kept.filter((url) => new URL(url).origin !== new URL(baseURL ?? '').origin)).toEqual([]);
  } finally {
    await new Promise((resolve) => other.close(resolve));
  }
});

test('without JavaScript there is no save control, and /saved says what it needs', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  const page = await context.newPage();
  await page.goto(SEED_ARTICLES[0].path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save for offline' })).toHaveCount(0);
  await page.goto('/saved');
  await expect(page.getByText('Saving articles for offline reading needs JavaScript.')).toBeVisible();
  await context.close();
});

test('an article left half-read opens again at the paragraph where the reader stopped, offered on the front page', async ({
  page,
}) => {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET') sent.push(`${request.method()} ${request.url()}`);
  });
  const [article] = SEED_ARTICLES;
  await page.goto(article.path);
  const paragraphs = page.locator('[data-article-body] > *');
  const count = await paragraphs.count();
  expect(count).toBeGreaterThan(4);
  const stopAt = Math.floor(count / 2);
  const stopText = (await paragraphs.nth(stopAt).textContent()) ?? '';
  // The reader scrolls until that paragraph is at the top of the screen.
  await paragraphs
    .nth(stopAt)
    .evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + scrollY + 2));
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('reading-positions') ?? ''))
    .toContain(`"block":${stopAt}`);

  await page.goto('/');
  const offer = page.getByRole('region', { name: 'Continue reading' });
  await expect(offer).toBeVisible();
  await expect(offer).toContainText(`paragraph ${stopAt + 1} of ${count}`);
  await offer.getByRole('link', { name: article.headline }).click();

  await expect(page).toHaveURL(article.path);
  const resumed = page.locator('[data-article-body] > *').nth(stopAt);
  await expect(resumed).toHaveText(stopText);
  await expect.poll(async () => Math.abs((await resumed.boundingBox())?.y ?? 999)).toBeLessThan(40);
  expect(sent).toEqual([]);
});

test('an article read to the end is no longer offered to continue', async ({ page }) => {
  const [article] = SEED_ARTICLES;
  await page.goto(article.path);
  await page
    .locator('[data-article-body] > *')
    .nth(3)
    .evaluate((element) => element.scrollIntoView());
  await expect.poll(() => page.evaluate(() => localStorage.getItem('reading-positions') ?? '')).toContain('"block"');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect.poll(() => page.evaluate(() => localStorage.getItem('reading-positions') ?? '')).toBe('[]');
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Latest' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Continue reading' })).toHaveCount(0);
});

test('the save control, its answer and "Continue reading" have no accessibility problem, in either theme', async ({
  page,
}) => {
  const [article] = SEED_ARTICLES;
  for (const theme of ['light', 'dark'] as const) {
    await rememberChoices(page, { theme });
    await page.goto(article.path);
    await expect(page.getByRole('button', { name: /Save for offline|Remove from saved/u })).toBeVisible();
    expect(await axeViolations(page), `${theme}, before saving`).toEqual([]);
    if (theme === 'light') await saveForOffline(page);
    await expect(page.getByText('Saved on this device.')).toBeVisible();
    expect(await axeViolations(page), `${theme}, saved`).toEqual([]);
    await page
      .locator('[data-article-body] > *')
      .nth(3)
      .evaluate((element) => element.scrollIntoView());
    await expect.poll(() => page.evaluate(() => localStorage.getItem('reading-positions') ?? '')).toContain('"block"');
    await page.goto('/');
    await expect(page.getByRole('region', { name: 'Continue reading' })).toBeVisible();
    expect(await axeViolations(page), `${theme}, front page`).toEqual([]);
  }
});

/** The text of every script the page loaded. */
async function scriptsLoaded(page: Page, path: string): Promise<string[]> {
  const scripts: Array<Promise<string>> = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.text().catch(() => ''));
  });
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  return Promise.all(scripts);
}

test('the offline-reading code loads only on the pages that use it', async ({ page }) => {
  const usesIt = (scripts: string[]) => scripts.some((script) => script.includes('reading-positions'));
  expect(usesIt(await scriptsLoaded(page, SEED_ARTICLES[0].path)), 'article').toBe(true);
  expect(usesIt(await scriptsLoaded(page, '/')), 'front page').toBe(true);
  expect(usesIt(await scriptsLoaded(page, '/world')), 'section page').toBe(false);
});
