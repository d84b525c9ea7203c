import MarkdownIt from 'markdown-it';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { parse as parseHtml } from 'node-html-parser';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { newsArticleJsonLd } from '@/lib/seo/json-ld';
import { absoluteUrl } from '@/lib/site';
import { articleFixture } from './fixtures';
import { buildAtomFeed } from './atom';
import { buildJsonFeed } from './json-feed';
import { articleMarkdown } from './markdown';
import { buildRssFeed } from './rss';

/** An article with a byline of two, two tags and two notes, published on a summer afternoon. */
const lined = () =>
  articleFixture({
    authors: [
      { slug: 'zoe-adams', name: 'Zoe Adams' },
      { slug: 'ben-okri', name: 'Ben <Okri>' },
    ],
    tags: [
      { slug: 'syria', name: 'Syria' },
      { slug: 'war-crimes', name: 'War & crimes' },
    ],
    notes: [
      {
        kind: 'correction',
        text: 'Correction: An earlier version gave the wrong city.',
        datedAt: '2026-07-02T09:00:00.000Z',
      },
      { kind: 'editor', text: "Editor's note: Names have been changed.", datedAt: '2026-07-03T23:30:00.000Z' },
    ],
    dated: true,
    publishedAt: '2026-07-01T14:00:00.000Z',
    updatedAt: '2026-07-03T23:30:00.000Z',
  });

let zone: string | undefined;
beforeEach(() => {
  zone = process.env.SITE_TIME_ZONE;
  process.env.SITE_TIME_ZONE = 'Europe/London';
});
afterEach(() => {
  if (zone === undefined) delete process.env.SITE_TIME_ZONE;
  else process.env.SITE_TIME_ZONE = zone;
});

const NOTES_TEXT = [
  'Correction, Thursday 2 July 2026: An earlier version gave the wrong city.',
  // 23:30 UTC on the 3rd is past midnight in London: the note's day is the site's.
  "Editor's note, Saturday 4 July 2026: Names have been changed.",
];
const firstParagraphs = (html: string) =>
  parseHtml(html)
    .querySelectorAll('p')
    .slice(0, 3)
    .map((p) => p.textContent);

describe('feeds of an article with a byline, tags and notes', () => {
  test('RSS: a dc:creator per author, a category per tag after the section, the notes first in the content', () => {
    const [item] = parseRssFeed(buildRssFeed([lined()], null)).items ?? [];
    expect(item?.dc?.creators).toEqual(['Zoe Adams', 'Ben <Okri>']);
    expect(item?.categories).toEqual([
      { name: 'World', domain: absoluteUrl('/world') },
      { name: 'Syria', domain: absoluteUrl('/tags/syria') },
      { name: 'War & crimes', domain: absoluteUrl('/tags/war-crimes') },
    ]);
    expect(firstParagraphs(item?.content?.encoded ?? '')).toEqual([
      ...NOTES_TEXT,
      `Moscow, Dec 27 (Prensa Latina) ${lined().body[0]?.text}`,
    ]);
  });

  test('RSS: no dc:creator and only the section without a byline or tags', () => {
    const [item] = parseRssFeed(buildRssFeed([articleFixture()], null)).items ?? [];
    expect(item?.dc?.creators).toBeUndefined();
    expect(item?.categories).toEqual([{ name: 'World', domain: absoluteUrl('/world') }]);
  });

  test('Atom: an author per name with the author page, a category per tag, the notes first', () => {
    const [entry] = parseAtomFeed(buildAtomFeed([lined()], null)).entries ?? [];
    expect(entry?.authors).toEqual([
      { name: 'Zoe Adams', uri: absoluteUrl('/authors/zoe-adams') },
      { name: 'Ben <Okri>', uri: absoluteUrl('/authors/ben-okri') },
    ]);
    expect(entry?.categories?.map((category) => [category.term, category.scheme])).toEqual([
      ['World', absoluteUrl('/world')],
      ['Syria', absoluteUrl('/tags/syria')],
      ['War & crimes', absoluteUrl('/tags/war-crimes')],
    ]);
    expect(firstParagraphs(entry?.content?.value ?? '').slice(0, 2)).toEqual(NOTES_TEXT);
  });

  test('JSON Feed: authors with their pages, the tags after the section, dates in the site’s offset', () => {
    const [item] = parseJsonFeed(buildJsonFeed([lined()], null)).items ?? [];
    expect(item?.authors).toEqual([
      { name: 'Zoe Adams', url: absoluteUrl('/authors/zoe-adams') },
      { name: 'Ben <Okri>', url: absoluteUrl('/authors/ben-okri') },
    ]);
    expect(item?.tags).toEqual(['World', 'Syria', 'War & crimes']);
    expect(item?.date_published).toBe('2026-07-01T15:00:00+01:00');
    expect(firstParagraphs(item?.content_html ?? '').slice(0, 2)).toEqual(NOTES_TEXT);
  });
});

describe('the Markdown copy of an article with a byline, tags and notes', () => {
  const markdown = new MarkdownIt({ html: true });
  const root = () => parseHtml(markdown.render(articleMarkdown(lined())));

  test('names the authors and tags as links to their pages', () => {
    const links = root()
      .querySelectorAll('a')
      .map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual(
      expect.arrayContaining([
        ['Zoe Adams', absoluteUrl('/authors/zoe-adams')],
        ['Ben <Okri>', absoluteUrl('/authors/ben-okri')],
        ['Syria', absoluteUrl('/tags/syria')],
        ['War & crimes', absoluteUrl('/tags/war-crimes')],
      ]),
    );
    expect(root().querySelector('p')?.textContent).toMatch(/^By Zoe Adams and Ben <Okri>\n/u);
  });

  test('dates it in the site’s time zone, with the offset', () => {
    expect(articleMarkdown(lined())).toContain('Published: 2026-07-01T15:00:00+01:00');
  });

  test('puts the notes once, as quotes, before the text', () => {
    const quotes = root()
      .querySelectorAll('blockquote')
      .map((quote) => quote.textContent.trim());
    expect(quotes).toEqual(NOTES_TEXT);
    const text = root().textContent;
    expect(text.indexOf(NOTES_TEXT[1]!)).toBeLessThan(text.indexOf('Moscow, Dec 27'));
    expect(text.split('An earlier version gave the wrong city.')).toHaveLength(2);
  });
});

describe('the NewsArticle JSON-LD of an article with a byline and tags', () => {
  test('names each author as a Person with the author page, the tags as keywords, the date with the offset', () => {
    const data = newsArticleJsonLd(lined()) as unknown as Record<string, unknown>;
    expect(data.author).toEqual([
      { '@type': 'Person', name: 'Zoe Adams', url: absoluteUrl('/authors/zoe-adams') },
      { '@type': 'Person', name: 'Ben <Okri>', url: absoluteUrl('/authors/ben-okri') },
    ]);
    expect(data.keywords).toEqual(['Syria', 'War & crimes']);
    expect(data.datePublished).toBe('2026-07-01T15:00:00+01:00');
  });

  test('without a byline, the dateline’s agency is the author, as before', () => {
    const data = newsArticleJsonLd(articleFixture()) as unknown as Record<string, unknown>;
    expect(data.author).toEqual({ '@type': 'Organization', name: 'Prensa Latina' });
    expect(data.keywords).toBeUndefined();
  });
});
