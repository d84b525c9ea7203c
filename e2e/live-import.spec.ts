import { expect, test } from '@playwright/test';
import {
  SOON,
  expectSoon,
  importArticles,
  listingDocument,
  plainSlug,
  runImport,
  uniqueWord,
  writeDocuments,
} from './support/import';
import { DESKTOP } from './support/viewports';

test.use({ viewport: DESKTOP });

test('an article imported while the site runs shows on the front page, its section page and its own page', async ({
  page,
}) => {
  const word = uniqueWord();
  const section = `Dispatches ${word}`;
  const headline = `${word} arrives while the presses run`;
  const articlePath = `/${plainSlug(section)}/${plainSlug(headline)}`;
  // Pages visited before the import are cached; the import must replace them.
  await page.goto('/');
  await page.goto(articlePath);

  importArticles([{ headline, section }]);

  await expectSoon(page, '/', async () => {
    const block = page.getByRole('region', { name: section, exact: true });
    await expect(block.getByRole('link', { name: headline, exact: true })).toBeVisible({ timeout: 1 });
  });
  await expect(page.getByRole('banner').getByRole('link', { name: section, exact: true })).toBeVisible();
  await expectSoon(page, `/${plainSlug(section)}`, async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(section, { timeout: 1 });
    await expect(page.getByRole('main').getByRole('link', { name: headline, exact: true })).toBeVisible({
      timeout: 1,
    });
  });
  await expectSoon(page, articlePath, async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline, { timeout: 1 });
  });
});

test('re-importing an article with changed text shows the new text at the same URL', async ({ page }) => {
  const word = uniqueWord();
  const section = `Corrections ${word}`;
  const headline = `${word} figures revised`;
  const articlePath = `/${plainSlug(section)}/${plainSlug(headline)}`;
  importArticles([{ headline, section, paragraphs: [`The first count found 120 ${word} cases.`] }]);
  await expectSoon(page, articlePath, async () => {
    await expect(page.getByRole('main')).toContainText(`The first count found 120 ${word} cases.`, { timeout: 1 });
  });

  importArticles([{ headline, section, paragraphs: [`The corrected count found 210 ${word} cases.`] }]);

  await expectSoon(page, articlePath, async () => {
    await expect(page.getByRole('main')).toContainText(`The corrected count found 210 ${word} cases.`, {
      timeout: 1,
    });
    await expect(page.getByRole('main')).not.toContainText('The first count', { timeout: 1 });
  });
  await expect(page).toHaveURL(articlePath);
});

test('an article moved to another section by an import redirects from its old URL to its new one', async ({
  page,
  request,
}) => {
  const word = uniqueWord();
  const [before, after] = [`Drafts ${word}`, `Features ${word}`];
  const headline = `${word} finds a new home`;
  const oldPath = `/${plainSlug(before)}/${plainSlug(headline)}`;
  const newPath = `/${plainSlug(after)}/${plainSlug(headline)}`;
  importArticles([{ headline, section: before }]);
  await expectSoon(page, oldPath, async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline, { timeout: 1 });
  });

  importArticles([{ headline, section: after }]);

  await expect(async () => {
    const response = await request.get(oldPath, { maxRedirects: 0 });
    expect(response.status()).toBe(308);
    expect(new URL(response.headers()['location'] ?? '', response.url()).pathname).toBe(newPath);
  }).toPass(SOON);
  await page.goto(oldPath);
  await expect(page).toHaveURL(newPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
  await expect(page.getByRole('main').getByRole('link', { name: after, exact: true }).first()).toHaveAttribute(
    'href',
    `/${plainSlug(after)}`,
  );
});

test('an article moved by an import the site was not told about answers at its new address at once', async ({
  request,
  baseURL,
}) => {
  const word = uniqueWord();
  const [before, after] = [`Untold ${word}`, `Elsewhere ${word}`];
  const headline = `${word} moves quietly`;
  importArticles([{ headline, section: before }]);
  const oldPath = `/${plainSlug(before)}/${plainSlug(headline)}`;
  expect((await request.get(oldPath)).status()).toBe(200); // the site now knows where it is

  const dir = writeDocuments({ 'move.txt': listingDocument([{ headline, section: after }]) });
  // A wrong secret: the site refuses the notice, so it is not told.
  const run = runImport([dir], { REVALIDATE_SECRET: 'not-the-secret', SITE_URL: baseURL });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain('refused the update notice');

  const moved = await request.get(`/${plainSlug(after)}/${plainSlug(headline)}`, { maxRedirects: 0 });
  expect(moved.status()).toBe(200);
  expect(await moved.text()).toContain(headline);
});

test('a section left empty by a move leaves the navigation and its page is gone', async ({ page, request }) => {
  const word = uniqueWord();
  const [before, after] = [`Briefs ${word}`, `Analysis ${word}`];
  const headline = `${word} changes desks`;
  importArticles([{ headline, section: before }]);
  await expectSoon(page, '/', async () => {
    await expect(page.getByRole('banner').getByRole('link', { name: before, exact: true })).toBeVisible({ timeout: 1 });
  });

  importArticles([{ headline, section: after }]);

  await expect(async () => {
    expect((await request.get(`/${plainSlug(before)}`)).status()).toBe(404);
    expect((await request.get(`/${plainSlug(before)}/feed.xml`)).status()).toBe(404);
  }).toPass(SOON);
  await page.goto('/');
  await expect(page.getByRole('banner').getByRole('link', { name: after, exact: true })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: before, exact: true })).toHaveCount(0);
});

test('an import that changes more articles than a notice names one by one still shows every change at once', async ({
  page,
}) => {
  const word = uniqueWord();
  const section = `Bulk ${word}`;
  // More than ARTICLES_PER_NOTICE (lib/cache-tags.ts): the notice expires every article page with one tag.
  const articles = Array.from({ length: 1_001 }, (_, i) => ({ headline: `${word} bulletin ${i + 1}`, section }));
  importArticles(articles.map((article) => ({ ...article, paragraphs: ['The first version of the bulletin.'] })));
  const last = articles.at(-1)!;
  const articlePath = `/${plainSlug(section)}/${plainSlug(last.headline)}`;
  await page.goto(articlePath);
  await expect(page.getByText('The first version of the bulletin.')).toBeVisible();

  importArticles(articles.map((article) => ({ ...article, paragraphs: ['The corrected version of the bulletin.'] })));

  await expectSoon(page, articlePath, async () => {
    await expect(page.getByText('The corrected version of the bulletin.')).toBeVisible({ timeout: 1 });
  });
});
