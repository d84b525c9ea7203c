import { expect, test, type Page } from '@playwright/test';
import { importArticles, plainSlug, uniqueWord, type ListingArticle } from './support/import';
import { axeViolations, rememberChoices } from './support/reader';
import { PHONE } from './support/viewports';
import { runWithdraw } from './support/withdrawal';

// "Updated: show" (issue 23, item 2): a page left open asks for its own address again once a
// minute. The page's clock is Playwright's, so a minute passes at once; the requests are real.

const MINUTE = 60_000;

/** A section of its own per test, so that no other test's imports change its pages. */
function newsroom() {
  const word = uniqueWord();
  const section = `Live ${word}`;
  const story = (headline: string, paragraphs: string[]): ListingArticle & { path: string } => ({
    headline,
    section,
    paragraphs,
    path: `/${plainSlug(section)}/${plainSlug(headline)}`,
  });
  return {
    word,
    sectionPath: `/${plainSlug(section)}`,
    first: story(`${word} flood barrier closes for the first time`, [
      `Rotterdam, Dec 4 (Harbour Wire) The ${word} barrier closed on Friday as the river rose.`,
      'Engineers said it would stay closed overnight.',
    ]),
    story,
  };
}

/** Requests the page makes for its own address (the checks), counted as they go. */
function checksOf(page: Page, path: string): string[] {
  const checks: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === path && request.resourceType() === 'fetch') checks.push(request.url());
  });
  return checks;
}

const notice = (page: Page) => page.getByRole('status').filter({ hasText: 'Updated' });

test.beforeEach(async ({ page }) => {
  await page.clock.install();
});

test('an open article learns it was corrected, says so politely, and shows the new text only when asked', async ({
  page,
}) => {
  const { first } = newsroom();
  importArticles([first]);
  await page.goto(first.path);
  await expect(page.getByRole('main')).toContainText('stay closed overnight');
  // Set on this document: a reload would lose it.
  await page.evaluate(() => Object.assign(window, { stillThisDocument: true }));

  await page.clock.fastForward(MINUTE);
  await expect(notice(page)).toHaveCount(0);

  importArticles([{ ...first, paragraphs: [first.paragraphs![0]!, 'Engineers said it would open again at dawn.'] }]);
  await page.clock.fastForward(MINUTE);
  await expect(notice(page)).toBeVisible();
  // Nothing replaced under the reader's eyes.
  await expect(page.getByRole('main')).toContainText('stay closed overnight');

  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('main')).toContainText('open again at dawn');
  await expect(page.getByRole('main')).not.toContainText('stay closed overnight');
  await expect(notice(page)).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { stillThisDocument?: boolean }).stillThisDocument)).toBe(
    true,
  );
  // The version shown is the one it compares with now: no second notice for the same change.
  await page.clock.fastForward(MINUTE);
  await expect(notice(page)).toHaveCount(0);
});

test('a section page left open learns of a breaking story, and shows it without a reload', async ({ page }) => {
  const { first, story, sectionPath } = newsroom();
  importArticles([first]);
  await page.goto(sectionPath);
  const breaking = story(`${first.headline.split(' ')[0]} barrier holds as the surge peaks`, ['The surge peaked.']);

  importArticles([breaking, first]);
  await page.clock.fastForward(MINUTE);
  await expect(notice(page)).toBeVisible();
  await expect(page.getByRole('link', { name: breaking.headline })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('link', { name: breaking.headline })).toBeVisible();
});

test('the front page left open learns of a new article', async ({ page }) => {
  const { first } = newsroom();
  await page.goto('/');
  importArticles([first]);
  await page.clock.fastForward(MINUTE);
  await expect(notice(page)).toBeVisible();
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('link', { name: first.headline }).first()).toBeVisible();
});

test('an open article that is withdrawn says so, and links to why', async ({ page }) => {
  const { first } = newsroom();
  importArticles([first]);
  await page.goto(first.path);
  await runWithdraw([plainSlug(first.headline), '--reason', 'The report was wrong.']);
  await page.clock.fastForward(MINUTE);
  const withdrawn = page.getByRole('status').filter({ hasText: 'This article has been withdrawn.' });
  await expect(withdrawn).toBeVisible();
  await withdrawn.getByRole('link', { name: 'Read why' }).click();
  await expect(page.getByText('The report was wrong.')).toBeVisible();
});

test('it asks at most once a minute, never while the tab is hidden, and at once when it is seen again', async ({
  page,
}) => {
  const { first } = newsroom();
  importArticles([first]);
  const checks = checksOf(page, first.path);
  await page.goto(first.path);
  await page.waitForLoadState('networkidle');
  // The first look-up of the version shown (none when the browser's copy answers it).
  const atLoad = checks.length;
  expect(atLoad).toBeLessThanOrEqual(1);

  for (let minute = 0; minute < 3; minute++) await page.clock.fastForward(MINUTE);
  await expect.poll(() => checks.length).toBe(atLoad + 3);

  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  for (let minute = 0; minute < 3; minute++) await page.clock.fastForward(MINUTE);
  expect(checks).toHaveLength(atLoad + 3);

  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(() => checks.length).toBe(atLoad + 4);
});

test('where the device asks to save data, it never asks', async ({ page }) => {
  await page.addInitScript(() =>
    Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true }),
  );
  const { first } = newsroom();
  importArticles([first]);
  const checks = checksOf(page, first.path);
  await page.goto(first.path);
  for (let minute = 0; minute < 3; minute++) await page.clock.fastForward(MINUTE);
  expect(checks).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

  for (const theme of ['light', 'dark'] as const) {
    test(`the notice is axe clean and moves nothing, in the ${theme} theme`, async ({ page }) => {
      const { first } = newsroom();
      importArticles([first]);
      await rememberChoices(page, { theme });
      await page.goto(first.path);
      const headline = page.getByRole('heading', { level: 1 });
      const before = await headline.boundingBox();
      importArticles([{ ...first, paragraphs: ['A new first paragraph.'] }]);
      await page.clock.fastForward(MINUTE);
      await expect(notice(page)).toBeVisible();
      expect(await headline.boundingBox()).toEqual(before);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
