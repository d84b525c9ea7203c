import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { absoluteUrl } from '@/lib/site';
import { articleHtml } from './article-html';
import { buildAtomFeed } from './atom';
import { MARKUP_TEXT, articleFixture, markupArticle } from './fixtures';
import { buildJsonFeed } from './json-feed';
import { buildRssFeed } from './rss';

const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/u;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/u;

const older = articleFixture({
  slug: 'older-report',
  headline: 'Older report',
  publishedAt: '2026-02-01T08:00:00.000Z',
  updatedAt: '2026-02-01T08:00:00.000Z',
  dateline: null,
  section: { slug: 'middle-east', name: 'Middle East' },
});
const articles = [articleFixture(), older];
const world = { slug: 'world', name: 'World' };

// JSON Feed 1.1 (jsonfeed.org/version/1.1): the fields it requires and the forms it gives the ones used here.
const jsonFeed11 = z.object({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().min(1),
  home_page_url: z.url(),
  feed_url: z.url(),
  description: z.string().optional(),
  icon: z.url().optional(),
  language: z.string().optional(),
  authors: z.array(z.object({ name: z.string(), url: z.url().optional() })).optional(),
  items: z.array(
    z
      .object({
        id: z.string().min(1),
        url: z.url(),
        title: z.string(),
        content_html: z.string(),
        summary: z.string(),
        date_published: z.string().regex(RFC_3339),
        date_modified: z.string().regex(RFC_3339),
        tags: z.array(z.string()),
      })
      .catchall(z.unknown())
      .refine((item) => Object.keys(item).every((key) => key in jsonFeedItemKeys || /^_[a-z]/iu.test(key)), {
        message: 'custom item fields must start with an underscore',
      }),
  ),
});
const jsonFeedItemKeys = {
  id: 1,
  url: 1,
  external_url: 1,
  title: 1,
  content_html: 1,
  content_text: 1,
  summary: 1,
  image: 1,
  banner_image: 1,
  date_published: 1,
  date_modified: 1,
  authors: 1,
  tags: 1,
  language: 1,
  attachments: 1,
};

describe('RSS 2.0', () => {
  test('names its own URL as atom:link rel="self" and links each item to its article by an absolute URL', () => {
    const feed = parseRssFeed(buildRssFeed(articles, world));
    expect(feed.atom?.links?.find((link) => link.rel === 'self')?.href).toBe(absoluteUrl('/world/feed.xml'));
    expect(feed.link).toBe(absoluteUrl('/world'));
    expect(feed.items?.map((item) => item.link)).toEqual([
      absoluteUrl('/world/mass-graves-in-aleppo'),
      absoluteUrl('/middle-east/older-report'),
    ]);
  });

  test('gives each item its headline, an RFC 822 publication date, a guid that is not a permalink, and its section', () => {
    const [item] = parseRssFeed(buildRssFeed(articles, null)).items ?? [];
    expect(item?.title).toBe('Mass Graves in Aleppo');
    expect(item?.pubDate).toMatch(RFC_822);
    expect(new Date(item?.pubDate ?? '').toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(item?.guid).toEqual({
      value: `tag:${new URL(absoluteUrl('/')).hostname},2026:article:mass-graves-in-aleppo`,
      isPermaLink: false,
    });
    expect(item?.categories).toEqual([{ name: 'World', domain: absoluteUrl('/world') }]);
  });

  test('carries the full body as content:encoded, the summary as text, and the dateline source as dc:source', () => {
    const [first, second] = parseRssFeed(buildRssFeed(articles, null)).items ?? [];
    const article = articleFixture();
    expect(first?.content?.encoded).toBe(articleHtml(article.body, article.dateline));
    expect(parseHtml(first?.description ?? '').textContent).toBe(article.summary);
    expect(first?.dc?.sources).toEqual(['Prensa Latina']);
    expect(second?.dc?.sources).toBeUndefined();
  });

  test('dates the channel by the newest change to any of its articles', () => {
    const feed = parseRssFeed(buildRssFeed(articles, null));
    expect(feed.lastBuildDate).toBe(new Date('2026-03-02T11:30:00.000Z').toUTCString());
  });
});

describe('Atom', () => {
  test('names its own URL as rel="self", its page as rel="alternate", and an author for the feed', () => {
    const feed = parseAtomFeed(buildAtomFeed(articles, world));
    expect(feed.links?.find((link) => link.rel === 'self')?.href).toBe(absoluteUrl('/world/atom.xml'));
    expect(feed.links?.find((link) => link.rel === 'alternate')?.href).toBe(absoluteUrl('/world'));
    expect(feed.authors?.[0]?.name).toBeTruthy();
    expect(feed.id).toBe(absoluteUrl('/world'));
  });

  test('dates the feed and its entries in RFC 3339, the feed by its newest change', () => {
    const feed = parseAtomFeed(buildAtomFeed(articles, null));
    expect(feed.updated).toMatch(RFC_3339);
    expect(feed.updated).toBe('2026-03-02T11:30:00.000Z');
    const [entry] = feed.entries ?? [];
    expect(entry?.published).toBe('2026-03-01T10:00:00.000Z');
    expect(entry?.updated).toBe('2026-03-02T11:30:00.000Z');
  });

  test('types the headline and summary as text, the body as HTML, and names the dateline source', () => {
    const [entry] = parseAtomFeed(buildAtomFeed(articles, null)).entries ?? [];
    const article = articleFixture();
    expect(entry?.title).toEqual({ value: article.headline, type: 'text' });
    expect(entry?.summary).toEqual({ value: article.summary, type: 'text' });
    expect(entry?.content).toEqual({ value: articleHtml(article.body, article.dateline), type: 'html' });
    expect(entry?.source?.title).toEqual({ value: 'Prensa Latina', type: 'text' });
  });
});

describe('JSON Feed', () => {
  test('is valid JSON Feed 1.1', () => {
    const result = jsonFeed11.safeParse(JSON.parse(buildJsonFeed(articles, world)));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  test('names its own URL as feed_url and gives each item its article URL, dates and section', () => {
    const feed = parseJsonFeed(JSON.parse(buildJsonFeed(articles, world)));
    expect(feed.feed_url).toBe(absoluteUrl('/world/feed.json'));
    expect(feed.home_page_url).toBe(absoluteUrl('/world'));
    const [item] = feed.items ?? [];
    expect(item?.url).toBe(absoluteUrl('/world/mass-graves-in-aleppo'));
    // In the site's time zone (UTC here), as the article page's <time> elements write them.
    expect(item?.date_published).toBe('2026-03-01T10:00:00+00:00');
    expect(item?.date_modified).toBe('2026-03-02T11:30:00+00:00');
    expect(item?.tags).toEqual(['World']);
  });
});

test('the three formats list the same articles with the same ids, links, titles, summaries, bodies and dates', () => {
  const rss = parseRssFeed(buildRssFeed(articles, null)).items ?? [];
  const atom = parseAtomFeed(buildAtomFeed(articles, null)).entries ?? [];
  const json = parseJsonFeed(JSON.parse(buildJsonFeed(articles, null))).items ?? [];
  const fromRss = rss.map((item) => ({
    id: item.guid?.value,
    link: item.link,
    title: item.title,
    summary: parseHtml(item.description ?? '').textContent,
    body: item.content?.encoded,
    published: new Date(item.pubDate ?? '').getTime(),
  }));
  const fromAtom = atom.map((entry) => ({
    id: entry.id,
    link: entry.links?.[0]?.href,
    title: entry.title?.value,
    summary: entry.summary?.value,
    body: entry.content?.value,
    published: new Date(entry.published ?? '').getTime(),
  }));
  const fromJson = json.map((item) => ({
    id: item.id,
    link: item.url,
    title: item.title,
    summary: item.summary,
    body: item.content_html,
    published: new Date(item.date_published ?? '').getTime(),
  }));
  expect(fromRss).toHaveLength(2);
  expect(fromAtom).toEqual(fromRss);
  expect(fromJson).toEqual(fromRss);
});

test('an article keeps its feed id when it moves to another section', () => {
  const moved = articleFixture({ section: { slug: 'europe', name: 'Europe' } });
  const before = parseAtomFeed(buildAtomFeed([articleFixture()], null)).entries?.[0];
  const after = parseAtomFeed(buildAtomFeed([moved], null)).entries?.[0];
  expect(after?.links?.[0]?.href).not.toBe(before?.links?.[0]?.href);
  expect(after?.id).toBe(before?.id);
});

describe('markup in a document', () => {
  const article = markupArticle();
  const bodyHtml = (html: string | undefined) => parseHtml(html ?? '');

  test('reaches each format’s title as the headline’s own text', () => {
    expect(parseRssFeed(buildRssFeed([article], null)).items?.[0]?.title).toBe(MARKUP_TEXT.headline);
    expect(parseAtomFeed(buildAtomFeed([article], null)).entries?.[0]?.title?.value).toBe(MARKUP_TEXT.headline);
    expect(parseJsonFeed(JSON.parse(buildJsonFeed([article], null))).items?.[0]?.title).toBe(MARKUP_TEXT.headline);
  });

  test('reaches each format’s body as escaped text: no element but paragraphs and subheadings', () => {
    const bodies = [
      parseRssFeed(buildRssFeed([article], null)).items?.[0]?.content?.encoded,
      parseAtomFeed(buildAtomFeed([article], null)).entries?.[0]?.content?.value,
      parseJsonFeed(JSON.parse(buildJsonFeed([article], null))).items?.[0]?.content_html,
    ];
    for (const html of bodies) {
      const root = bodyHtml(html);
      expect(root.querySelectorAll('*').map((element) => element.tagName.toLowerCase())).toEqual(['p', 'h2', 'p']);
      expect(root.querySelectorAll('[href], [src], [onerror]')).toEqual([]);
      expect(root.querySelector('p')?.textContent).toBe(MARKUP_TEXT.paragraph);
      expect(root.querySelector('h2')?.textContent).toBe(MARKUP_TEXT.subheading);
    }
  });

  test('leaves out characters XML forbids, so the feeds stay well-formed', () => {
    for (const xml of [buildRssFeed([article], null), buildAtomFeed([article], null)]) {
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).toContain('Control  characters  vanish.');
    }
  });
});
