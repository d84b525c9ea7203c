import { expect, test, type APIRequestContext } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { h1Texts, normalizeSpace } from './support/html';
import { uniqueWord } from './support/import';
import { AUTHOR, BYLINE_ARTICLES, OTHER_TAG, TAG, importBylineArticles } from './support/bylines';
import { SEED_ARTICLES } from './support/seed';
import { CORRECTIONS, importCorrectionArticles } from './support/corrections';

interface FeedItem {
  title: string;
  link: string;
}

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' });

/** Fetches a feed and checks that it is well-formed RSS 2.0; returns its items. */
async function readFeed(request: APIRequestContext, path: string): Promise<FeedItem[]> {
  const response = await request.get(path);
  expect(response.status(), `status of ${path}`).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/rss\+xml/u);
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const document = parser.parse(xml) as { rss?: { '@_version'?: string; channel?: { item?: FeedItem[] } } };
  expect(document.rss?.['@_version']).toBe('2.0');
  return (document.rss?.channel?.item ?? []).map(({ title, link }) => ({ title: String(title), link: String(link) }));
}

/** Every item links, by an absolute URL on this site, to a page headed by the item's title. */
async function expectItemsLinkToTheirArticles(request: APIRequestContext, items: FeedItem[], baseURL: string) {
  await Promise.all(
    items.map(async ({ title, link }) => {
      const url = new URL(link);
      expect(url.origin, `origin of ${link}`).toBe(new URL(baseURL).origin);
      const response = await request.get(link);
      expect(response.status(), `status of ${link}`).toBe(200);
      expect(h1Texts(await response.text()), `h1 of ${link}`).toEqual([normalizeSpace(title)]);
    }),
  );
}

test('the site feed is RSS 2.0 of at most 50 articles, each linking to its page', async ({ request, baseURL }) => {
  const items = await readFeed(request, '/feed.xml');
  expect(items.length).toBeGreaterThanOrEqual(SEED_ARTICLES.length);
  expect(items.length).toBeLessThanOrEqual(50);
  await expectItemsLinkToTheirArticles(request, items, baseURL ?? '');
});

test('the World feed is RSS 2.0 of the seed articles in document order, each linking to its page', async ({
  request,
  baseURL,
}) => {
  const items = await readFeed(request, '/world/feed.xml');
  expect(items.map(({ title }) => title)).toEqual(SEED_ARTICLES.map(({ headline }) => headline));
  expect(items.map(({ link }) => new URL(link).pathname)).toEqual(SEED_ARTICLES.map(({ path }) => path));
  await expectItemsLinkToTheirArticles(request, items, baseURL ?? '');
});

for (const [whose, path, articles] of [
  ['an author’s', AUTHOR.path, BYLINE_ARTICLES],
  ['a tag’s', TAG.path, BYLINE_ARTICLES],
  ['another tag’s', OTHER_TAG.path, BYLINE_ARTICLES.slice(0, 1)],
] as const) {
  test(`${whose} feed is RSS 2.0 of its articles, newest first, each linking to its page`, async ({
    request,
    baseURL,
  }) => {
    importBylineArticles();
    const items = await readFeed(request, `${path}/feed.xml`);
    expect(items.map(({ title }) => title)).toEqual(articles.map(({ headline }) => headline));
    await expectItemsLinkToTheirArticles(request, items, baseURL ?? '');
  });
}

test('the corrections feed and its archive are RSS 2.0, each item linking to the corrected article', async ({
  request,
  baseURL,
}) => {
  importCorrectionArticles();
  const items = await readFeed(request, `${CORRECTIONS.path}/feed.xml`);
  expect(items).toHaveLength(50);
  const archive = await readFeed(request, `${CORRECTIONS.path}/archive/1/feed.xml`);
  expect(archive.length).toBeGreaterThanOrEqual(5);
  for (const { title, link } of [...items, ...archive].filter((item) => item.title.includes('Tide gauge'))) {
    const response = await request.get(link);
    expect(response.status(), `status of ${link}`).toBe(200);
    expect(new URL(link).origin).toBe(new URL(baseURL ?? '').origin);
    expect(title).toContain(h1Texts(await response.text())[0]);
  }
});

test('the feed of an author or a tag that does not exist is 404', async ({ request }) => {
  for (const path of ['/authors', '/tags'])
    expect((await request.get(`${path}/no-such-${uniqueWord().toLowerCase()}/feed.xml`)).status()).toBe(404);
});

test('the feed of a section that does not exist is 404', async ({ request }) => {
  const response = await request.get(`/no-such-section-${uniqueWord().toLowerCase()}/feed.xml`);
  expect(response.status()).toBe(404);
});
