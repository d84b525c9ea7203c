import { expect, test } from '@playwright/test';
import { parse as parseHtml } from 'node-html-parser';
import { importArticles, plainSlug, uniqueWord } from './support/import';
import { AUTHOR, TAG, importBylineArticles } from './support/bylines';
import { FEED_FILES, type FeedFormat, readFeed } from './support/machine-readable';
import { CORRECTIONS, CORRECTION_ARTICLES, importCorrectionArticles } from './support/corrections';

const FORMATS: FeedFormat[] = ['rss', 'atom', 'json'];
const allowed = (header: string | undefined) => (header ?? '').split(',').map((method) => method.trim());
const SITE_FEEDS = FORMATS.map((format) => ({ format, path: `/${FEED_FILES[format]}` }));
const WORLD_FEEDS = FORMATS.map((format) => ({ format, path: `/world/${FEED_FILES[format]}` }));
const AUTHOR_FEEDS = FORMATS.map((format) => ({ format, path: `${AUTHOR.path}/${FEED_FILES[format]}` }));
const TAG_FEEDS = FORMATS.map((format) => ({ format, path: `${TAG.path}/${FEED_FILES[format]}` }));
const LISTING_FEEDS = [...SITE_FEEDS, ...WORLD_FEEDS, ...AUTHOR_FEEDS, ...TAG_FEEDS];
const CORRECTIONS_FEEDS = FORMATS.map((format) => ({ format, path: `${CORRECTIONS.path}/${FEED_FILES[format]}` }));
const CORRECTIONS_ARCHIVES = FORMATS.map((format) => ({
  format,
  path: `${CORRECTIONS.path}/archive/1/${FEED_FILES[format]}`,
}));
const ALL_FEEDS = [...LISTING_FEEDS, ...CORRECTIONS_FEEDS, ...CORRECTIONS_ARCHIVES];

test.beforeAll(() => {
  importBylineArticles();
  importCorrectionArticles();
});

for (const { format, path } of LISTING_FEEDS) {
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

for (const { format, path } of CORRECTIONS_FEEDS) {
  test(`${path} names itself, links its older archive, and each correction to the article that shows it`, async ({
    request,
    baseURL,
  }) => {
    const feed = await readFeed(request, path, format);
    expect(feed.self).toBe(new URL(path, baseURL).href);
    expect(feed.items).toHaveLength(50);
    expect(feed.older).toMatch(/\/corrections\/archive\/\d+\//u);
    const ours = feed.items.filter((item) => item.title?.includes('Tide gauge reading'));
    expect(ours.length).toBeGreaterThan(0);
    for (const item of ours.slice(0, 3)) {
      const page = parseHtml(await (await request.get(item.link ?? '')).text());
      const headline = page.querySelector('h1')?.textContent.trim() ?? '';
      expect(item.title).toMatch(/^(?:Correction|Clarification): Tide gauge reading \d+$/u);
      expect(item.title).toContain(headline);
      // The note's words, as the article shows them at its top.
      const notes = page.querySelectorAll('[role="note"]').map((note) => note.textContent);
      expect(notes.some((note) => note.includes(item.summary ?? '\u0000'))).toBe(true);
    }
  });
}

test('the corrections feed and its first archive hold every correction of the fixture once, the same in every format', async ({
  request,
}) => {
  // Other specs' imports may add corrections while the history is read: read it again then.
  await expect(async () => {
    const ids: Record<string, string[]> = {};
    for (const format of FORMATS) {
      const feed = await readFeed(request, `${CORRECTIONS.path}/${FEED_FILES[format]}`, format);
      const archives: typeof feed.items = [];
      for (let older = feed.older; older;) {
        const archive = await readFeed(request, new URL(older).pathname, format);
        archives.push(...archive.items);
        older = archive.older;
      }
      const all = [...feed.items, ...archives];
      expect(new Set(all.map((item) => item.id)).size).toBe(all.length);
      const ours = all.filter((item) => item.title?.includes('Tide gauge reading'));
      expect(ours).toHaveLength(CORRECTION_ARTICLES.length);
      ids[format] = ours.map((item) => item.id ?? '');
    }
    expect(ids.atom).toEqual(ids.rss);
    expect(ids.json).toEqual(ids.rss);
  }).toPass({ timeout: 30_000 });
});

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
