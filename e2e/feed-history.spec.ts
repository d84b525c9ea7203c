import { expect, test, type APIRequestContext } from '@playwright/test';
import { SOON, importArticles, plainSlug, uniqueWord, type ListingArticle } from './support/import';
import { FEED_FILES, type FeedFormat, readFeed } from './support/machine-readable';
import { SEED_ARTICLES } from './support/seed';

const FORMATS: FeedFormat[] = ['rss', 'atom', 'json'];

/** What a feed reader does to fetch a feed's whole history: the feed, then each older archive in turn. */
async function walkHistory(request: APIRequestContext, path: string, format: FeedFormat) {
  const titles: string[] = [];
  const ids: string[] = [];
  const documents: string[] = [path];
  let feed = await readFeed(request, path, format);
  for (;;) {
    titles.push(...feed.items.map((item) => item.title ?? ''));
    ids.push(...feed.items.map((item) => item.id ?? ''));
    if (!feed.older) break;
    documents.push(feed.older);
    expect(documents.length, 'the walk ends').toBeLessThan(1_000);
    feed = await readFeed(request, feed.older, format);
  }
  return { titles, ids, documents };
}

/**
 * 130 articles in a section of their own, the newest first (as a listing document gives them),
 * all by one author, every other one tagged.
 */
function sectionOfArticles() {
  const word = uniqueWord();
  const section = `History ${word}`;
  const [author, tag] = [`Chronicler ${word}`, `Annals ${word}`];
  const articles: ListingArticle[] = Array.from({ length: 130 }, (_, index) => ({
    headline: `${word} dispatch number ${130 - index}`,
    section,
    paragraphs: [`Dispatch ${130 - index} of the ${word} series, in full.`],
    authors: [author],
    tags: index % 2 === 0 ? [tag] : [],
  }));
  return { section, slug: plainSlug(section), articles, author: plainSlug(author), tag: plainSlug(tag) };
}

test.describe.configure({ mode: 'serial' });

let history: ReturnType<typeof sectionOfArticles>;
test.beforeAll(() => {
  history = sectionOfArticles();
  importArticles(history.articles);
});

for (const format of FORMATS) {
  test(`walking a section's ${format} feed to its oldest archive gives every article exactly once, newest first`, async ({
    request,
  }) => {
    const { titles, documents } = await walkHistory(request, `/${history.slug}/${FEED_FILES[format]}`, format);
    expect(titles).toEqual(history.articles.map((article) => article.headline));
    // The latest 50 in the feed itself, then archives of 50 (full) and 30 (filling), the oldest last.
    expect(documents.map((url) => new URL(url, 'http://x').pathname)).toEqual([
      `/${history.slug}/${FEED_FILES[format]}`,
      `/${history.slug}/archive/2/${FEED_FILES[format]}`,
      `/${history.slug}/archive/1/${FEED_FILES[format]}`,
    ]);
  });
}

for (const format of FORMATS) {
  test(`walking an author's and a tag's ${format} feeds to their oldest archives gives each of their articles exactly once, newest first`, async ({
    request,
  }) => {
    const file = FEED_FILES[format];
    const author = await walkHistory(request, `/authors/${history.author}/${file}`, format);
    expect(author.titles).toEqual(history.articles.map((article) => article.headline));
    expect(author.documents.map((url) => new URL(url, 'http://x').pathname)).toEqual([
      `/authors/${history.author}/${file}`,
      `/authors/${history.author}/archive/2/${file}`,
      `/authors/${history.author}/archive/1/${file}`,
    ]);
    const tagged = await walkHistory(request, `/tags/${history.tag}/${file}`, format);
    expect(tagged.titles).toEqual(history.articles.filter((_, index) => index % 2 === 0).map((a) => a.headline));
    expect(tagged.documents.map((url) => new URL(url, 'http://x').pathname)).toEqual([
      `/tags/${history.tag}/${file}`,
      `/tags/${history.tag}/archive/1/${file}`,
    ]);
  });
}

test('an author’s archive past its last is the site’s 404 page', async ({ request }) => {
  const response = await request.get(`/authors/${history.author}/archive/3/feed.xml`);
  expect(response.status()).toBe(404);
});

test('walking the site feed gives every article once, from the newest to the first the site published', async ({
  request,
}) => {
  // Other specs import while this one walks: a walk that raced an import is walked again.
  await expect(async () => {
    const { ids, titles } = await walkHistory(request, '/atom.xml', 'atom');
    expect(new Set(ids).size, 'no article twice').toBe(ids.length);
    const mine = titles.filter((title) => history.articles.some((article) => article.headline === title));
    expect(mine).toEqual(history.articles.map((article) => article.headline));
    // The articles the site started with are there too, once each.
    for (const { headline } of SEED_ARTICLES) expect(titles.filter((title) => title === headline)).toHaveLength(1);
  }).toPass({ timeout: 30_000 });
});

test('a full archive carries a long max-age and answers 304 to a conditional request', async ({ request }) => {
  for (const format of FORMATS) {
    const path = `/${history.slug}/archive/1/${FEED_FILES[format]}`;
    const first = await request.get(path);
    expect(first.status()).toBe(200);
    expect(first.headers()['cache-control']).toContain('max-age=86400');
    const etag = first.headers().etag ?? '';
    expect(etag).toMatch(/^"/u);
    const again = await request.get(path, { headers: { 'if-none-match': etag } });
    expect(again.status()).toBe(304);
    expect(await again.text()).toBe('');
  }
});

test('the archive still filling is kept like the feed itself, a minute', async ({ request }) => {
  const response = await request.get(`/${history.slug}/archive/2/atom.xml`);
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('max-age=60');
});

test('an archive number past the last is the site’s 404 page', async ({ request }) => {
  for (const path of [
    `/${history.slug}/archive/3/feed.xml`,
    `/${history.slug}/archive/0/feed.xml`,
    '/archive/999999/atom.xml',
    `/${history.slug}/archive/1/nothing.xml`,
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()['content-type'], path).toContain('text/html');
  }
});

test('correcting an article changes the ETag of the archive that holds it, and only of that one', async ({
  request,
}) => {
  const etagOf = async (number: number) =>
    (await request.get(`/${history.slug}/archive/${number}/atom.xml`)).headers().etag;
  const [first, second] = [await etagOf(1), await etagOf(2)];
  const oldest = history.articles.at(-1)!;
  importArticles([{ ...oldest, paragraphs: ['A corrected paragraph of the oldest dispatch.'] }]);
  await expect(async () => {
    expect(await etagOf(1)).not.toBe(first);
  }).toPass(SOON);
  expect(await etagOf(2)).toBe(second);
  const archive = await (await request.get(`/${history.slug}/archive/1/atom.xml`)).text();
  expect(archive).toContain('A corrected paragraph of the oldest dispatch.');
});
