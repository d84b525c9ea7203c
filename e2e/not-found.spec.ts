import { expect, test } from '@playwright/test';
import { AUTHOR, TAG, importBylineArticles } from './support/bylines';
import { GONE_SECTION, REMOVED, WITHDRAWN, goneArticles } from './support/gone';
import { leakedInternals } from './support/html';
import { plainSlug, uniqueWord } from './support/import';
import { expectNotFoundPage } from './support/pages';
import { DESKTOP } from './support/viewports';
import { CORRECTIONS, importCorrectionArticles } from './support/corrections';

test.use({ viewport: DESKTOP });

const word = uniqueWord().toLowerCase();

test.beforeAll(() => {
  importBylineArticles();
  importCorrectionArticles();
});
// Beside a withdrawn and a removed article: what names nothing of theirs is a 404 like any other.
test.beforeAll(() => goneArticles());

for (const [what, path] of [
  ['an unknown section', `/no-such-section-${word}`],
  ['an unknown article in a known section', `/world/no-such-article-${word}`],
  ['an unknown article in an unknown section', `/no-such-section-${word}/no-such-article`],
  ['a malformed article slug', `/world/Not_A_Slug!${word}`],
  ['a path deeper than any page', `/world/mass-graves-in-aleppo/${word}`],
  ['a version past an article’s last', '/world/mass-graves-in-aleppo/versions/999'],
  ['version 0 of an article', '/world/mass-graves-in-aleppo/versions/0'],
  ['the Markdown copy of a version past the last', '/world/mass-graves-in-aleppo/versions/999.md'],
  ['the bare list of versions', '/world/mass-graves-in-aleppo/versions'],
  ['a path deeper than a version', `/world/mass-graves-in-aleppo/versions/1/${word}`],
  ['a version of a made-up article', `/world/no-such-article-${word}/versions/1`],
  ['a path deeper than a withdrawn article’s version', `${WITHDRAWN.path}/versions/1/${word}`],
  ['a made-up author', `/authors/no-such-author-${word}`],
  ['a made-up tag', `/tags/no-such-tag-${word}`],
  ['a page past an author’s last', `${AUTHOR.path}/page/3`],
  ['a page past a tag’s last', `${TAG.path}/page/3`],
  ['a made-up author’s lite page', `/lite/authors/no-such-author-${word}`],
  ['the bare /authors', '/authors'],
  ['a path deeper than an author page', `${AUTHOR.path}/${word}`],
  ['a path deeper than a withdrawn article', `${WITHDRAWN.path}/${word}`],
  ['a path deeper than a withdrawn article’s share image', `${WITHDRAWN.path}/opengraph-image/${word}`],
  ['a made-up article beside withdrawn ones', `/${plainSlug(GONE_SECTION)}/no-such-${word}`],
  ['a path deeper than a legally removed article', `${REMOVED.path}/${word}`],
  ['a path deeper than a legally removed article’s lite copy', `/lite${REMOVED.path}/${word}`],
  ['a page past the last of the corrections', `${CORRECTIONS.path}/page/999`],
  ['a malformed corrections page number', `${CORRECTIONS.path}/page/0`],
  ['a lite corrections page past the last', `/lite${CORRECTIONS.path}/page/999`],
  ['a path under /corrections that names nothing', `${CORRECTIONS.path}/${word}`],
] as const) {
  test(`${what} is the site's 404 page with a link home`, async ({ page }) => {
    await expectNotFoundPage(page, path);
  });
}

test('the 404 page leads the reader back to the front page', async ({ page }) => {
  await page.goto(`/no-such-section-${word}`);
  await page.getByRole('main').locator('a[href="/"]').first().click();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('region', { name: 'World', exact: true })).toBeVisible();
});

test('the 404 page as served shows no error text or server path', async ({ request }) => {
  const response = await request.get(`/world/no-such-article-${word}`);
  expect(response.status()).toBe(404);
  expect(response.headers()['content-type']).toMatch(/^text\/html/u);
  expect(leakedInternals(await response.text())).toBeNull();
});
