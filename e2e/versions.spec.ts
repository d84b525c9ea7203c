import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { importArticles, plainSlug, uniqueWord, type ListingArticle } from './support/import';
import { runWithdraw } from './support/withdrawal';

// The docs' own recipe (docs/versions.md, "Checking a copy with standard tools"), run as written:
// curl, jq and sha256sum in bash, not the same computation in node.
const DOCS = fs.readFileSync(path.resolve('docs/versions.md'), 'utf8');
const RECIPE = /<!-- verify-copy[^>]*-->\s*```sh\n([\s\S]*?)```/u.exec(DOCS)?.[1] ?? '';

/** Runs the docs' recipe against the site for the copy held in `copy`: what it printed, line by line. */
function verifyCopy(site: string, article: string, copy: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-copy-'));
  try {
    const file = path.join(dir, 'copy.md');
    fs.writeFileSync(file, copy);
    const out = execFileSync('bash', ['-euo', 'pipefail', '-c', RECIPE], {
      cwd: dir,
      env: { ...process.env, SITE: site, ARTICLE: article, COPY: file },
      encoding: 'utf8',
    });
    return out.trim().split('\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const story = (word: string, second: string, extra: string[] = []): ListingArticle => ({
  headline: `Harbour levy ${word} explained`,
  section: 'World',
  paragraphs: [
    `The harbour levy ${word} takes effect in March.`,
    second,
    'The council meets again in April.',
    ...extra,
  ],
});
const FIRST_SECOND = 'Lorries pay the levy; cars do not.';
const CHANGED_SECOND = 'Lorries and vans pay the levy; cars do not.';
const pathOf = (word: string) => `/world/${plainSlug(`Harbour levy ${word} explained`)}`;

/** A new story, imported once for each second paragraph given (and the paragraphs after it): its word and address. */
function importStory(...versions: Array<[string, ...string[]]>) {
  const word = uniqueWord();
  for (const [second, ...extra] of versions) importArticles([story(word, second, extra)]);
  return { word, article: pathOf(word) };
}

const text = async (request: APIRequestContext, url: string) => {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return response.text();
};

test('a reader follows "What changed" to the version it replaced: marked as earlier, noindex, canonical to itself, with paragraph anchors', async ({
  page,
  baseURL,
}) => {
  const { word, article } = importStory([FIRST_SECOND], [CHANGED_SECOND]);

  await page.goto(article);
  await expect(page.locator('#p2')).toHaveText(CHANGED_SECOND);
  await page.getByText(/^What changed/u).click();
  await page.getByRole('link', { name: 'Version 1, as it was' }).click();
  await expect(page).toHaveURL(`${baseURL}${article}/versions/1`);

  const notice = page.getByRole('note', { name: 'An earlier version' });
  await expect(notice).toContainText('This is version 1 of this article, kept as it was written on');
  await expect(notice).toContainText('It may not be the current version.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Harbour levy ${word} explained`);
  await expect(page.locator('#p2')).toHaveText(FIRST_SECOND);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/u);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}${article}/versions/1`);

  // A quote's link: the paragraph is the target, in view.
  await page.goto(`${article}/versions/1#p3`);
  await expect(page.locator('#p3')).toHaveText('The council meets again in April.');
  await expect(page.locator('#p3')).toBeInViewport();
  expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('p3');

  await notice.getByRole('link', { name: 'What changed since this version' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What changed since version 1');
  await expect(page.getByRole('main')).toContainText('1 paragraph changed');
  await page.getByRole('link', { name: 'Read the current article' }).click();
  await expect(page).toHaveURL(`${baseURL}${article}`);

  // The current version is the last n; one past it names nothing.
  await page.goto(`${article}/versions/2`);
  await expect(page.locator('#p2')).toHaveText(CHANGED_SECOND);
  expect((await page.goto(`${article}/versions/3`))?.status()).toBe(404);
});

test('without JavaScript a version reads whole, with its notice, and so does what changed since it', async ({
  browser,
}) => {
  const { word, article } = importStory([FIRST_SECOND], [CHANGED_SECOND, 'A new paragraph on exemptions.']);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(`${article}/versions/1`);
    await expect(page.getByRole('note', { name: 'An earlier version' })).toBeVisible();
    await expect(page.locator('#p1')).toHaveText(`The harbour levy ${word} takes effect in March.`);
    await expect(page.locator('#p4')).toHaveCount(0);
    await page.goto(`${article}/versions/1/changes`);
    await expect(page.getByRole('main')).toContainText('1 paragraph changed');
    await expect(page.getByRole('main')).toContainText('1 paragraph added');
  } finally {
    await context.close();
  }
});

test('an old copy and the published chain prove the edit that came after it, and the absence of a silent one (the docs’ recipe)', async ({
  request,
  baseURL,
}) => {
  const { word, article } = importStory([FIRST_SECOND]);
  // A reader keeps version 1's Markdown copy while it is the current version.
  const copy = await text(request, `${article}/versions/1.md`);
  expect(copy).toContain(FIRST_SECOND);
  expect(verifyCopy(baseURL!, article, copy)).toEqual([
    'entry 1: chained',
    expect.stringMatching(/^copy: version 1, written \S+Z, as published$/u),
  ]);
  // Warm: a version's page is cached, and an import that adds a version leaves it so.
  await text(request, `${article}/versions/1`);
  expect((await request.get(`${article}/versions/1`)).headers()['x-nextjs-cache']).toBe('HIT');
  const chainBefore = (await (await request.get(`${article}/versions.json`)).json()) as { head: string };

  importArticles([story(word, CHANGED_SECOND)]);

  // The copy as served now is the same bytes. (That the import named no tag of the version's
  // page is test/expiry.int.test.ts's exact list: here another worker's new section expires every
  // page through the navigation, so the page's cache status after the import proves nothing.)
  expect(await text(request, `${article}/versions/1.md`)).toBe(copy);
  const chain = (await (await request.get(`${article}/versions.json`)).json()) as {
    head: string;
    versions: Array<{ n: number; hash: string; markdown: string }>;
  };
  expect(chain.versions.map((entry) => entry.n)).toEqual([1, 2]);
  expect(chain.versions[0]?.hash).toBe(chainBefore.head);
  expect(chain.versions[1]?.markdown).toBe(`${baseURL}${article}/versions/2.md`);
  // Version 1 as held: unedited; version 2 differs from it: an edit, recorded at its time.
  expect(verifyCopy(baseURL!, article, copy)).toEqual([
    'entry 1: chained',
    'entry 2: chained',
    expect.stringMatching(/^copy: version 1, written \S+Z, as published$/u),
    'copy: not version 2',
  ]);
  // A copy changed by one character is no version the site published.
  expect(verifyCopy(baseURL!, article, copy.replace('Lorries pay', 'Lorries  pay'))).toEqual([
    'entry 1: chained',
    'entry 2: chained',
    'copy: not version 1',
    'copy: not version 2',
  ]);
});

test('after a legal removal the chain still verifies, answering 451, but no copy of the text can be confirmed', async ({
  request,
  baseURL,
}) => {
  const { article } = importStory([FIRST_SECOND], [CHANGED_SECOND]);
  const copy = await text(request, `${article}/versions/1.md`);
  const before = (await (await request.get(`${article}/versions.json`)).json()) as {
    versions: Array<{ hash: string; salt: string }>;
  };

  await runWithdraw([article.split('/').at(-1)!, '--reason', 'Court order', '--legal']);

  const answer = await request.get(`${article}/versions.json`);
  expect(answer.status()).toBe(451);
  expect(answer.headers()['content-type']).toBe('application/json; charset=utf-8');
  const body = await answer.text();
  expect(body).not.toContain('levy');
  for (const { salt } of before.versions) expect(body).not.toContain(salt);
  const chain = JSON.parse(body) as { article: null; versions: Array<{ n: number; kind: string; hash: string }> };
  expect(chain.article).toBeNull();
  expect(chain.versions.map(({ n, kind, hash }) => [n, kind, hash])).toEqual([
    [1, 'version', before.versions[0]!.hash],
    [2, 'version', before.versions[1]!.hash],
    [3, 'legal-removal', expect.stringMatching(/^[0-9a-f]{64}$/u)],
  ]);
  expect(verifyCopy(baseURL!, article, copy)).toEqual([
    'entry 1: chained',
    'entry 2: chained',
    'entry 3: chained',
    'copy: no salt is published: it cannot be checked',
  ]);
  for (const address of [`${article}/versions/1`, `${article}/versions/1.md`, `${article}/versions/2/changes`]) {
    expect((await request.get(address)).status(), address).toBe(451);
  }
});
