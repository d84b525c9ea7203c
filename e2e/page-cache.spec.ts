import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { importArticles, plainSlug, uniqueWord, type ListingArticle } from './support/import';
import { AUTHOR, TAG, importBylineArticles } from './support/bylines';
import { SEED_ARTICLES } from './support/seed';
import { CORRECTIONS, importCorrectionArticles } from './support/corrections';

const CACHEABLE = /^s-maxage=\d+, stale-while-revalidate=\d+$/u;

/** Asks twice: the second answer must come from Next's cache. Returns the second response's headers. */
async function cachedTwice(request: APIRequestContext, url: string) {
  const first = await request.get(url);
  expect(first.status(), url).toBe(200);
  const second = await request.get(url);
  expect(second.status(), url).toBe(200);
  expect(second.headers()['x-nextjs-cache'], `${url} the second time`).toBe('HIT');
  return second.headers();
}

const cacheStatus = async (request: APIRequestContext, url: string) =>
  (await request.get(url)).headers()['x-nextjs-cache'];

// A section of 25 articles: two listing pages.
const word = uniqueWord();
const section = `Cached ${word}`;
const sectionPath = `/${plainSlug(section)}`;
const articles: ListingArticle[] = Array.from({ length: 25 }, (_, i) => ({
  headline: `${word} cached report ${25 - i}`,
  section,
  paragraphs: [`The text of cached report ${25 - i}, as first written.`],
}));
const articlePath = (article: ListingArticle | undefined) => `${sectionPath}/${plainSlug(article?.headline ?? '')}`;

test.beforeAll(() => {
  importArticles(articles);
  importBylineArticles();
  importCorrectionArticles();
});

for (const [kind, url] of [
  ['front page', '/'],
  ['section page', () => sectionPath],
  ['later section page', () => `${sectionPath}/page/2`],
  ['article page', () => articlePath(articles[3])],
  ['seed article page', SEED_ARTICLES[0].path],
  ['version page', `${SEED_ARTICLES[0].path}/versions/1`],
  ['what changed since a version', `${SEED_ARTICLES[0].path}/versions/1/changes`],
  ['author page', AUTHOR.path],
  ['later author page', `${AUTHOR.path}/page/2`],
  ['tag page', TAG.path],
  ['corrections page', CORRECTIONS.path],
  ['later corrections page', CORRECTIONS.later],
] as const) {
  test(`the ${kind} is served from the cache, cacheable by anyone in front, and answers If-None-Match with 304`, async ({
    request,
  }) => {
    const address = typeof url === 'function' ? url() : url;
    const headers = await cachedTwice(request, address);
    expect(headers['cache-control']).toMatch(CACHEABLE);
    expect(headers.etag).toBeTruthy();

    const revalidation = await request.get(address, { headers: { 'if-none-match': headers.etag ?? '' } });

    expect(revalidation.status()).toBe(304);
    expect(await revalidation.body()).toHaveLength(0);
  });
}

test('an import expires exactly the pages it touched: the article, its neighbours, its section and the front page; others stay cached', async ({
  request,
}) => {
  const otherWord = uniqueWord();
  const other: ListingArticle[] = [0, 1, 2].map((i) => ({
    headline: `${otherWord} untouched story ${i}`,
    section: `Untouched ${otherWord}`,
  }));
  importArticles(other);
  const changed = articles[10];
  const [newer, older] = [articles[9], articles[11]];
  const untouched = [
    articlePath(articles[2]),
    `/${plainSlug(`Untouched ${otherWord}`)}`,
    `/${plainSlug(`Untouched ${otherWord}`)}/${plainSlug(other[1]?.headline ?? '')}`,
  ];
  const touched = [articlePath(changed), articlePath(newer), articlePath(older), sectionPath, '/'];
  for (const url of [...touched, ...untouched]) await cachedTwice(request, url);

  // The same article (same identity), its headline re-punctuated and its text corrected.
  const corrected = { ...changed!, headline: `${changed?.headline}!`, paragraphs: ['The corrected text.'] };
  importArticles(articles.map((article) => (article === changed ? corrected : article)));

  for (const url of untouched) expect(await cacheStatus(request, url), url).toBe('HIT');
  expect(await cacheStatus(request, '/'), 'the front page').not.toBe('HIT');
  const page = await request.get(articlePath(changed));
  expect((await page.text()).includes('The corrected text.'), 'the corrected article').toBe(true);
  for (const url of [articlePath(newer), articlePath(older), sectionPath]) {
    const html = await (await request.get(url)).text();
    expect(html.includes(`${changed?.headline}!`), `${url} shows the new headline`).toBe(true);
  }
});

test('an import that changes one article’s byline expires that article and the old and new authors’ pages and feeds; another author’s page stays cached', async ({
  request,
}) => {
  const bylineWord = uniqueWord();
  const desk = `Bylined ${bylineWord}`;
  const [writer, newcomer, other] = ['Writer', 'Newcomer', 'Other'].map((name) => `${name} ${bylineWord}`);
  const tag = `Quays ${bylineWord}`;
  const stories: ListingArticle[] = [0, 1, 2, 3].map((i) => ({
    headline: `${bylineWord} bylined story ${4 - i}`,
    section: desk,
    authors: [i === 3 ? other! : writer!],
    tags: [tag],
  }));
  importArticles(stories);
  const slug = (name: string | undefined) => plainSlug(name ?? '');
  const storyPath = (story: ListingArticle | undefined) => `/${slug(desk)}/${slug(story?.headline)}`;
  const writerPath = `/authors/${slug(writer)}`;
  const otherPath = `/authors/${slug(other)}`;
  const untouched = [otherPath, `${otherPath}/feed.xml`, TAG.path];
  for (const url of [writerPath, storyPath(stories[1]), ...untouched.filter((url) => !url.endsWith('.xml'))])
    await cachedTwice(request, url);
  const feedBefore = await (await request.get(`${writerPath}/feed.xml`)).text();
  expect(feedBefore).toContain(stories[1]?.headline);
  expect((await request.get(`/authors/${slug(newcomer)}`)).status()).toBe(404);

  // The same article, now written by the newcomer.
  importArticles(stories.map((story, i) => (i === 1 ? { ...story, authors: [newcomer!] } : story)));

  for (const url of untouched.filter((url) => !url.endsWith('.xml')))
    expect(await cacheStatus(request, url), url).toBe('HIT');
  expect(await cacheStatus(request, writerPath), 'the old author’s page').not.toBe('HIT');
  expect(await cacheStatus(request, storyPath(stories[1])), 'the article').not.toBe('HIT');
  const writerPage = await (await request.get(writerPath)).text();
  expect(writerPage).not.toContain(stories[1]?.headline);
  expect(writerPage).toContain(stories[0]?.headline);
  expect(await (await request.get(`${writerPath}/feed.xml`)).text()).not.toContain(stories[1]?.headline);
  const newcomerPage = await request.get(`/authors/${slug(newcomer)}`);
  expect(newcomerPage.status()).toBe(200);
  expect(await newcomerPage.text()).toContain(stories[1]?.headline);
  expect(await (await request.get(`/authors/${slug(newcomer)}/atom.xml`)).text()).toContain(stories[1]?.headline);
});

test('404s are full pages, sent with status 404, and leave nothing in the page cache', async ({ request }) => {
  const cacheDir = path.join(process.env.NEXT_DIST_DIR || '.next', 'server', 'route-cache');
  const cached = () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir, { recursive: true }).map(String) : []);
  await cachedTwice(request, articlePath(articles[0])); // pages that exist do leave entries
  expect(cached().some((file) => file.includes(plainSlug(articles[0]?.headline ?? '')))).toBe(true);

  for (let i = 0; i < 30; i++) {
    for (const url of [`/no-such-${word}-${i}`, `/world/no-such-${word}-${i}`, `${sectionPath}/page/${90 + i}`]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(404);
      expect(response.headers()['cache-control'], url).toMatch(/no-store/u);
      expect(await response.text(), url).toContain('Page not found');
    }
  }

  const missing = cached().filter(
    (file) => file.includes(`no-such-${word.toLowerCase()}`) || /page\/(9\d|1[01]\d)\b/u.test(file),
  );
  expect(missing).toEqual([]);
});

test('an import that adds a correction expires the corrections pages at once; one that changes an article without a correction leaves them cached', async ({
  request,
}) => {
  const noteWord = uniqueWord();
  const plain: ListingArticle = { headline: `${noteWord} plain report`, section, paragraphs: ['As first written.'] };
  importArticles([plain]);
  for (const url of [CORRECTIONS.path, CORRECTIONS.later]) await cachedTwice(request, url);
  const feed = await request.get(`${CORRECTIONS.path}/feed.json`);
  const etag = feed.headers().etag ?? '';

  importArticles([{ ...plain, paragraphs: ['Reworded, with no correction.'] }]);
  for (const url of [CORRECTIONS.path, CORRECTIONS.later]) expect(await cacheStatus(request, url), url).toBe('HIT');
  expect((await request.get(`${CORRECTIONS.path}/feed.json`, { headers: { 'if-none-match': etag } })).status()).toBe(
    304,
  );

  const note = `Correction: ${noteWord} was misspelt.`;
  importArticles([{ ...plain, paragraphs: [note, 'Reworded, with no correction.'] }]);
  expect(await cacheStatus(request, CORRECTIONS.path)).not.toBe('HIT');
  const html = await (await request.get(CORRECTIONS.path)).text();
  expect(html).toContain(`${noteWord} was misspelt.`);
  expect(html).toContain(`href="${sectionPath}/${plainSlug(plain.headline)}"`);
  expect(await (await request.get(`/lite${CORRECTIONS.path}`)).text()).toContain(`${noteWord} was misspelt.`);
  const newFeed = await request.get(`${CORRECTIONS.path}/feed.json`, { headers: { 'if-none-match': etag } });
  expect(newFeed.status()).toBe(200);
  expect(await newFeed.text()).toContain(`${noteWord} was misspelt.`);
});
