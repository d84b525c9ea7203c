import { expect, test } from '@playwright/test';
import { parse as parseHtml } from 'node-html-parser';
import { importArticles, plainSlug, uniqueWord } from './support/import';
import { AUTHOR, TAG, importBylineArticles } from './support/bylines';
import { FEED_FILES, type FeedFormat, readFeed } from './support/machine-readable';

const FORMATS: FeedFormat[] = ['rss', 'atom', 'json'];
const allowed = (header: string | undefined) => (header ?? '').split(',').map((method) => method.trim());
const SITE_FEEDS = FORMATS.map((format) => ({ format, path: `/${FEED_FILES[format]}` }));
const WORLD_FEEDS = FORMATS.map((format) => ({ format, path: `/world/${FEED_FILES[format]}` }));
const AUTHOR_FEEDS = FORMATS.map((format) => ({ format, path: `${AUTHOR.path}/${FEED_FILES[format]}` }));
const TAG_FEEDS = FORMATS.map((format) => ({ format, path: `${TAG.path}/${FEED_FILES[format]}` }));
const ALL_FEEDS = [...SITE_FEEDS, ...WORLD_FEEDS, ...AUTHOR_FEEDS, ...TAG_FEEDS];

test.beforeAll(importBylineArticles);

for (const { format, path } of ALL_FEEDS) {
  test(`${path} names itself as its own URL and links every item to its article page`, async ({ request, baseURL }) => {
    const feed = await readFeed(request, path, format);
    expect(feed.self).toBe(new URL(path, baseURL).href);
    expect(feed.items.length).toBeGreaterThanOrEqual(3);
    expect(feed.items.length).toBeLessThanOrEqual(50);
    for (const item of feed.items) {
      expect(new URL(item.link ?? '').origin).toBe(new URL(baseURL ?? '').origin);
      const page = await request.get(item.link ?? '');
      expect(page.status(), item.link).toBe(200);
      expect(
        parseHtml(await page.text())
          .querySelector('h1')
          ?.textContent.trim(),
      ).toBe(item.title);
    }
  });
}

test('a new article appears in the site’s three feeds and its section’s, with the same id, title and body in each', async ({
  request,
}) => {
  const word = uniqueWord();
  const section = `Feeds ${word}`;
  const headline = `Feed reader sees ${word}`;
  importArticles([{ headline, section, paragraphs: [`The report of ${word}, in full.`, 'A second paragraph.'] }]);
  const paths = FORMATS.flatMap((format) => [
    { format, path: `/${FEED_FILES[format]}` },
    { format, path: `/${plainSlug(section)}/${FEED_FILES[format]}` },
  ]);
  const items = await Promise.all(
    paths.map(async ({ format, path }) => {
      const feed = await readFeed(request, path, format);
      const item = feed.items.find((candidate) => candidate.title === headline);
      expect(item, `${headline} in ${path}`).toBeDefined();
      return item;
    }),
  );
  const [first] = items;
  expect(first?.link).toMatch(new RegExp(`/${plainSlug(section)}/${plainSlug(headline)}$`, 'u'));
  for (const item of items) {
    expect(item).toEqual(first);
  }
  expect(
    parseHtml(first?.content ?? '')
      .querySelectorAll('p')
      .map((p) => p.textContent),
  ).toEqual([`The report of ${word}, in full.`, 'A second paragraph.']);
});

for (const { path } of ALL_FEEDS) {
  test(`${path} answers a conditional request for the version the reader has with 304`, async ({ request }) => {
    // Other tests import into the site feeds at the same time: retry if a new version came out in between.
    await expect(async () => {
      const first = await request.get(path);
      const { etag, 'last-modified': lastModified } = first.headers();
      expect(etag).toMatch(/^"[\w-]+"$/u);
      expect(new Date(lastModified ?? '').getTime()).not.toBeNaN();
      const byTag = await request.get(path, { headers: { 'if-none-match': etag ?? '' } });
      expect(byTag.status()).toBe(304);
      expect(await byTag.body()).toHaveLength(0);
      const byDate = await request.get(path, { headers: { 'if-modified-since': lastModified ?? '' } });
      expect(byDate.status()).toBe(304);
    }).toPass({ timeout: 15_000 });
    const changed = await request.get(path, { headers: { 'if-none-match': '"an-older-version"' } });
    expect(changed.status()).toBe(200);
  });
}

test('every feed lets a CDN share it and says so', async ({ request }) => {
  for (const { path } of ALL_FEEDS) {
    const cacheControl = (await request.get(path)).headers()['cache-control'] ?? '';
    expect(cacheControl, path).toMatch(/\bpublic\b/u);
    expect(cacheControl, path).toMatch(/\bs-maxage=\d+/u);
  }
});

test('HEAD on a feed answers with the headers of GET and no body', async ({ request }) => {
  for (const { path } of ALL_FEEDS) {
    await expect(async () => {
      const [get, head] = await Promise.all([request.get(path), request.head(path)]);
      expect(head.status(), path).toBe(200);
      expect(head.headers()['content-type'], path).toBe(get.headers()['content-type']);
      expect(head.headers().etag, path).toBe(get.headers().etag);
      expect(await head.body(), path).toHaveLength(0);
    }).toPass({ timeout: 15_000 });
  }
});

test('a feed refuses POST, PUT, PATCH and DELETE with 405 naming the methods it allows', async ({ request }) => {
  for (const { path } of ALL_FEEDS) {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const response = await request.fetch(path, { method });
      expect(response.status(), `${method} ${path}`).toBe(405);
      expect(allowed(response.headers().allow), `${method} ${path}`).toEqual(expect.arrayContaining(['GET', 'HEAD']));
    }
  }
});

test('the Atom and JSON feeds of a section that does not exist are 404', async ({ request }) => {
  const missing = `no-such-section-${uniqueWord().toLowerCase()}`;
  for (const file of ['atom.xml', 'feed.json']) {
    expect((await request.get(`/${missing}/${file}`)).status()).toBe(404);
  }
});
