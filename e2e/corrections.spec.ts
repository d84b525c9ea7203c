import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { E2E_DATA_DIR } from '../playwright.config';
import { expectSoon, importArticles, plainSlug, uniqueWord, type ListingArticle } from './support/import';
import { jsonLdBlocks } from './support/machine-readable';
import { DESKTOP } from './support/viewports';

// A reader with JavaScript off: "What changed" is a <details> element, which needs none.
test.use({ viewport: DESKTOP, javaScriptEnabled: false });

function story(): { original: ListingArticle; corrected: ListingArticle; path: string; word: string } {
  const word = uniqueWord();
  const section = `Corrected ${word}`;
  const headline = `${word} council votes on the harbour bridge`;
  const original = {
    headline,
    section,
    paragraphs: [
      'Lisbon, Mar 03 (Prensa Latina) The council voted 12 to 3 for the bridge.',
      'Tolls will apply to lorries only.',
    ],
  };
  const corrected = {
    headline: `${word} Council Votes on the Harbour Bridge!`,
    section,
    paragraphs: [
      'Lisbon, Mar 03 (Prensa Latina) The council voted 13 to 2 for the bridge.',
      'Tolls will apply to lorries only.',
      'Work starts in the spring.',
    ],
  };
  return { original, corrected, path: `/${plainSlug(section)}/${plainSlug(headline)}`, word };
}

test('a corrected article shows when it was updated and, on request, what changed', async ({ page }, testInfo) => {
  const { original, corrected, path } = story();
  importArticles([original]);
  await expectSoon(page, path, async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(original.headline, { timeout: 1 });
  });
  await expect(page.getByText(/^Updated/u)).toHaveCount(0);
  await expect(page.locator('article details')).toHaveCount(0);

  importArticles([corrected]);

  await expectSoon(page, path, async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(corrected.headline, { timeout: 1 });
  });
  const updated = page.getByText(/^Updated /u);
  await expect(updated).toBeVisible();
  const summary = page.locator('article details > summary');
  await expect(summary).toHaveText('What changed (1 update)');
  const changes = page.locator('article details li li');
  await expect(changes.first()).toBeHidden();

  await summary.click();
  await expect(changes).toHaveText([
    'Headline punctuation or case corrected',
    '1 paragraph changed',
    '1 paragraph added',
  ]);
  await expect(page.getByRole('main')).toContainText('The council voted 13 to 2 for the bridge.');
  await testInfo.attach('updated article', {
    body: await page.locator('article').screenshot(),
    contentType: 'image/png',
  });

  // The time beside "Updated" is the article's dateModified.
  const modified = await updated.locator('time').getAttribute('datetime');
  const article = jsonLdBlocks(await page.content()).find(
    (block) => (block as { '@type'?: string })['@type'] === 'NewsArticle',
  ) as { dateModified?: string; datePublished?: string };
  expect(article.dateModified).toBe(modified);
  expect(new Date(article.dateModified ?? 0).getTime()).toBeGreaterThan(new Date(article.datePublished ?? 0).getTime());
});

test('the Markdown copy lists the revisions, and a re-import that changes nothing adds none', async ({
  page,
  request,
}) => {
  const { original, corrected, path } = story();
  importArticles([original]);
  importArticles([corrected]);
  await expectSoon(page, path, async () => {
    await expect(page.locator('article details > summary')).toHaveText('What changed (1 update)', { timeout: 1 });
  });

  importArticles([corrected]);
  await page.goto(path);
  await expect(page.locator('article details > summary')).toHaveText('What changed (1 update)');

  const markdown = await (await request.get(`${path}.md`)).text();
  expect(markdown).toMatch(
    /Revisions \(newest first\):\n\n- \d{4}-\d\d-\d\dT[\d:.]+Z: Headline punctuation or case corrected; 1 paragraph changed; 1 paragraph added\n$/u,
  );
});

test('the article’s entry in the feeds carries the time it was updated', async ({ page, request }) => {
  const { original, corrected, path } = story();
  importArticles([original]);
  importArticles([corrected]);
  await expectSoon(page, path, async () => {
    await expect(page.getByText(/^Updated /u)).toBeVisible({ timeout: 1 });
  });
  const modified = await page
    .getByText(/^Updated /u)
    .locator('time')
    .getAttribute('datetime');
  const section = path.split('/')[1];
  const feed = (await (await request.get(`/${section}/feed.json`)).json()) as {
    items: Array<{ url: string; date_modified: string; date_published: string }>;
  };
  const item = feed.items.find((entry) => entry.url.endsWith(path));
  expect(item?.date_modified).toBe(modified);
  expect(item?.date_published).not.toBe(modified);
});

test('a correction note shows on its article and on /corrections, which links back to it; an editor’s note only on the article', async ({
  page,
}, testInfo) => {
  const word = uniqueWord();
  const section = `Noted ${word}`;
  const headline = `${word} ferry timetable changes`;
  const path = `/${plainSlug(section)}/${plainSlug(headline)}`;
  importArticles([
    {
      headline,
      section,
      paragraphs: [
        `Correction: An earlier version said the ${word} ferry left at 9:00; it leaves at 9:30.`,
        `Editor's note: The ${word} reporter travelled on the ferry.`,
        'The new timetable starts on Monday.',
      ],
    },
  ]);

  await expectSoon(page, path, async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline, { timeout: 1 });
  });
  const notice = page.getByRole('note', { name: 'Correction' });
  await expect(notice).toContainText(`An earlier version said the ${word} ferry left at 9:00; it leaves at 9:30.`);
  await expect(notice.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/u);
  await expect(page.getByRole('note', { name: "Editor's note" })).toContainText(`The ${word} reporter`);
  const article = jsonLdBlocks(await page.content()).find(
    (block) => (block as { '@type'?: string })['@type'] === 'NewsArticle',
  ) as { correction?: Array<{ '@type': string; text: string }> };
  expect(article.correction).toEqual([
    expect.objectContaining({
      '@type': 'CorrectionComment',
      text: `An earlier version said the ${word} ferry left at 9:00; it leaves at 9:30.`,
    }),
  ]);

  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Corrections' }).click();
  await expect(page).toHaveURL('/corrections');
  const entry = page.getByRole('listitem').filter({ hasText: `${word} ferry left at 9:00` });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Correction');
  await expect(page.getByRole('main')).not.toContainText(`The ${word} reporter travelled`);
  await testInfo.attach('corrections page', { body: await page.screenshot(), contentType: 'image/png' });
  await entry.getByRole('link', { name: headline }).click();
  await expect(page).toHaveURL(path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
});

/** `npm run withdraw -- …` against the running site's database, as `importArticles` imports. */
function runWithdraw(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/withdraw.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: E2E_DATA_DIR, DATABASE_URL: '', REDIS_URL: '' },
    timeout: 120_000,
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
}

test('a withdrawal is listed on /corrections with its headline, day and reason, linking to its address; a legal removal as a line without its headline', async ({
  page,
  request,
}) => {
  const word = uniqueWord();
  const section = `Withdrawn ${word}`;
  const withdrawn = { headline: `${word} mayor resigns over the harbour contract`, section };
  const removed = { headline: `${word} witness named in the harbour inquiry`, section };
  importArticles([withdrawn, removed]);
  const path = `/${plainSlug(section)}/${plainSlug(withdrawn.headline)}`;
  const removedPath = `/${plainSlug(section)}/${plainSlug(removed.headline)}`;
  expect((await request.get(path)).status()).toBe(200);

  runWithdraw([path, '--reason', `The ${word} resignation was never confirmed.`]);
  // The reason of a legal removal may not quote the article: its own word, not the headline's.
  const order = uniqueWord();
  runWithdraw([removedPath, '--reason', `A court order, ${order}.`, '--legal']);

  await page.goto('/corrections');
  const entry = page.getByRole('listitem').filter({ hasText: `The ${word} resignation was never confirmed.` });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Withdrawn');
  await expect(entry.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/u);
  const link = entry.getByRole('link', { name: withdrawn.headline });
  await expect(link).toHaveAttribute('href', path);
  // Its address answers 410, with the page that says why (the front door's).
  const gone = await request.get(path);
  expect(gone.status()).toBe(410);
  expect(await gone.text()).toContain(`The ${word} resignation was never confirmed.`);

  const removal = page.getByRole('listitem').filter({ hasText: `A court order, ${order}.` });
  await expect(removal).toHaveCount(1);
  await expect(removal.getByRole('heading')).toHaveText('An article was removed for legal reasons');
  await expect(removal.getByRole('link')).toHaveCount(0);
  await expect(page.getByRole('main')).not.toContainText(removed.headline);

  // The feeds say the same.
  const feed = (await (await request.get('/corrections/feed.json')).json()) as {
    items: Array<{ title: string; url: string; summary: string }>;
  };
  expect(feed.items.find((item) => item.summary.includes(`The ${word} resignation`))).toMatchObject({
    title: `Withdrawn: ${withdrawn.headline}`,
    url: expect.stringMatching(new RegExp(`${path}$`, 'u')),
  });
  expect(JSON.stringify(feed)).not.toContain(removed.headline);
});
