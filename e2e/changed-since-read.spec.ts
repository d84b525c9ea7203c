import { expect, test, type Page } from '@playwright/test';
import { importArticles, plainSlug, uniqueWord, type ListingArticle } from './support/import';
import { axeViolations, rememberChoices } from './support/reader';

// "What changed since you read it" (issue 23, item 1): the version read is remembered on the
// device; opening the article after it changed shows what changed from that version to this one.

function newsroom() {
  const word = uniqueWord();
  const section = `Since ${word}`;
  const headline = `${word} council approves the harbour budget`;
  const first: ListingArticle = {
    headline,
    section,
    paragraphs: [`The ${word} council approved the budget on Monday.`, 'The vote was close.'],
  };
  return { first, path: `/${plainSlug(section)}/${plainSlug(headline)}` };
}

const notice = (page: Page) => page.getByRole('region', { name: /^Changed since you read it on / });

test('an article read before and changed twice since says what changed from the version read, once', async ({
  page,
}) => {
  // Two imports and four page loads.
  test.slow();
  const { first, path } = newsroom();
  importArticles([first]);
  await page.goto(path);
  await expect(page.getByRole('main')).toContainText('The vote was close.');
  // Hydrated: the version read is remembered.
  await expect(page.getByRole('button', { name: 'Save for offline' })).toBeEnabled();
  await expect(notice(page)).toHaveCount(0);

  // A paragraph added, then another one changed: from the version read, both.
  const [opening, vote] = first.paragraphs as [string, string];
  importArticles([{ ...first, paragraphs: [opening, vote, 'The mayor welcomed it.'] }]);
  importArticles([{ ...first, paragraphs: [opening, 'The vote was 12 to 11.', 'The mayor welcomed it.'] }]);

  await page.goto(path);
  await expect(notice(page)).toBeVisible();
  await expect(notice(page).getByRole('listitem')).toHaveText(['1 paragraph changed', '1 paragraph added']);
  // Read now: said once.
  await page.reload();
  await expect(page.getByRole('main')).toContainText('The vote was 12 to 11.');
  await expect(page.getByRole('button', { name: 'Save for offline' })).toBeEnabled();
  await expect(notice(page)).toHaveCount(0);
});

test('the notice is axe clean in both themes', async ({ page }) => {
  const { first, path } = newsroom();
  importArticles([first]);
  for (const theme of ['light', 'dark'] as const) {
    await rememberChoices(page, { theme });
    await page.goto(path);
    await expect(page.getByRole('button', { name: 'Save for offline' })).toBeEnabled();
    importArticles([{ ...first, paragraphs: [...first.paragraphs!, `Added for the ${theme} theme.`] }]);
    await page.goto(path);
    await expect(notice(page)).toBeVisible();
    expect(await axeViolations(page), theme).toEqual([]);
  }
});

test('a first reading says nothing, and without JavaScript nothing shows', async ({ browser }) => {
  const { first, path } = newsroom();
  importArticles([first]);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(path);
  importArticles([{ ...first, paragraphs: [...first.paragraphs!, 'A third paragraph.'] }]);
  await page.goto(path);
  await expect(page.getByRole('main')).toContainText('A third paragraph.');
  await expect(notice(page)).toHaveCount(0);
  await context.close();
});

test('/saved marks a saved article changed since it was read, and its saved copy is the new one, offline too', async ({
  page,
  context,
}) => {
  const { first, path } = newsroom();
  importArticles([first]);
  await page.goto(path);
  await page.getByRole('button', { name: 'Save for offline' }).click();
  await expect(page.getByText('Saved on this device.')).toBeVisible({ timeout: 20_000 });

  await page.goto('/saved');
  await expect(page.getByRole('link', { name: first.headline })).toBeVisible();
  await expect(page.getByText('Updated since you read it')).toHaveCount(0);

  importArticles([{ ...first, paragraphs: [...first.paragraphs!, 'The budget takes effect in January.'] }]);
  await page.goto('/saved');
  await expect(page.getByText('Updated since you read it: the saved copy is the new one.')).toBeVisible({
    timeout: 20_000,
  });

  await context.setOffline(true);
  await page.getByRole('link', { name: first.headline }).click();
  await expect(page.getByRole('main')).toContainText('The budget takes effect in January.');
  await context.setOffline(false);
});
