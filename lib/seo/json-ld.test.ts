import { describe, expect, test } from 'vitest';
import { MARKUP_TEXT, articleFixture, markupArticle } from '@/lib/feeds/fixtures';
import { absoluteUrl } from '@/lib/site';
import {
  articleBreadcrumbJsonLd,
  bylinePageJsonLd,
  collectionPageJsonLd,
  newsArticleJsonLd,
  serializeJsonLd,
  webSiteJsonLd,
} from './json-ld';

const ISO_8601_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/u;

describe('serialized JSON-LD', () => {
  const serialized = serializeJsonLd(newsArticleJsonLd(markupArticle()));

  test('cannot end its script block or open an HTML comment, whatever the text', () => {
    expect(serialized).not.toMatch(/<\/script|<!--|<script/iu);
    expect(serialized).not.toMatch(/[<>]/u);
  });

  test('parses back to exactly the headline text', () => {
    expect((JSON.parse(serialized) as { headline: string }).headline).toBe(MARKUP_TEXT.headline);
  });
});

describe('an article’s NewsArticle', () => {
  const data = newsArticleJsonLd(articleFixture()) as unknown as Record<string, unknown>;

  test('dates it in ISO 8601 with a time zone, and names its headline, section, word count and dateline', () => {
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Mass Graves in Aleppo',
      articleSection: 'World',
      wordCount: 24,
      dateline: 'Moscow, Dec 27 (Prensa Latina)',
      isAccessibleForFree: true,
    });
    expect(data.datePublished).toMatch(ISO_8601_WITH_ZONE);
    expect(data.dateModified).toMatch(ISO_8601_WITH_ZONE);
  });

  test('names the page it is the main entity of, its image, and a NewsMediaOrganization publisher with a logo', () => {
    const url = absoluteUrl('/world/mass-graves-in-aleppo');
    expect(data.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': url });
    expect(data.image).toEqual([`${url}/opengraph-image`]);
    expect(data.publisher).toMatchObject({
      '@type': 'NewsMediaOrganization',
      logo: { '@type': 'ImageObject', url: absoluteUrl('/logo.png') },
    });
  });

  test('has no dateline when the article has none', () => {
    expect(newsArticleJsonLd(articleFixture({ dateline: null }))).not.toHaveProperty('dateline');
  });

  test('carries each correction and clarification as a CorrectionComment, in its words and dated; not an editor’s note', () => {
    const article = articleFixture({
      notes: [
        {
          kind: 'correction',
          text: 'Correction: An earlier version gave the wrong port.',
          datedAt: '2026-07-01T14:00:00.000Z',
        },
        { kind: 'editor', text: "Editor's note: The reporter lives in Valletta.", datedAt: '2026-07-01T14:00:00.000Z' },
        { kind: 'correction', text: 'Clarification: The vote was on Tuesday.', datedAt: '2026-07-02T09:30:00.000Z' },
      ],
    });
    const corrections = (newsArticleJsonLd(article) as unknown as { correction: Array<Record<string, string>> })
      .correction;
    expect(corrections).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'An earlier version gave the wrong port.',
        datePublished: expect.stringMatching(ISO_8601_WITH_ZONE),
      },
      {
        '@type': 'CorrectionComment',
        text: 'The vote was on Tuesday.',
        datePublished: expect.stringMatching(ISO_8601_WITH_ZONE),
      },
    ]);
    expect(new Date(corrections[1]!.datePublished!).toISOString()).toBe('2026-07-02T09:30:00.000Z');
    expect(newsArticleJsonLd(articleFixture())).not.toHaveProperty('correction');
  });
});

test('an article’s breadcrumbs lead from the front page through its section to it', () => {
  expect(articleBreadcrumbJsonLd(articleFixture()).itemListElement).toEqual([
    { '@type': 'ListItem', position: 1, name: expect.any(String), item: absoluteUrl('/') },
    { '@type': 'ListItem', position: 2, name: 'World', item: absoluteUrl('/world') },
    {
      '@type': 'ListItem',
      position: 3,
      name: 'Mass Graves in Aleppo',
      item: absoluteUrl('/world/mass-graves-in-aleppo'),
    },
  ]);
});

test('an author page is a ProfilePage whose main entity is the author, a Person with a name and the page’s URL', () => {
  const data = bylinePageJsonLd(
    { kind: 'author', slug: 'ada-byline', name: 'Ada Byline' },
    [articleFixture()],
    '/authors/ada-byline/page/2',
  );
  expect(data).toMatchObject({
    '@type': 'ProfilePage',
    url: absoluteUrl('/authors/ada-byline/page/2'),
    mainEntity: { '@type': 'Person', name: 'Ada Byline', url: absoluteUrl('/authors/ada-byline') },
  });
});

test('a tag page is a CollectionPage about the tag, listing its articles in order', () => {
  const data = bylinePageJsonLd(
    { kind: 'tag', slug: 'harbour-works', name: 'Harbour Works' },
    [articleFixture()],
    '/tags/harbour-works',
  );
  expect(data).toMatchObject({
    '@type': 'CollectionPage',
    about: { '@type': 'Thing', name: 'Harbour Works' },
    mainEntity: { itemListElement: [{ position: 1, url: absoluteUrl('/world/mass-graves-in-aleppo') }] },
  });
});

test('a section page is a CollectionPage listing its articles in order', () => {
  const data = collectionPageJsonLd(
    { slug: 'world', name: 'World' },
    [articleFixture()],
    '/world?page=2',
  ) as unknown as {
    '@type': string;
    url: string;
    mainEntity: { itemListElement: unknown[] };
  };
  expect(data['@type']).toBe('CollectionPage');
  expect(data.url).toBe(absoluteUrl('/world?page=2'));
  expect(data.mainEntity.itemListElement).toEqual([
    {
      '@type': 'ListItem',
      position: 1,
      url: absoluteUrl('/world/mass-graves-in-aleppo'),
      name: 'Mass Graves in Aleppo',
    },
  ]);
});

test('the front page’s WebSite offers a SearchAction whose URL template is the search page', () => {
  const data = webSiteJsonLd() as unknown as Record<string, unknown>;
  expect(data['@type']).toBe('WebSite');
  expect(data.url).toBe(absoluteUrl('/'));
  expect(data.potentialAction).toEqual({
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: absoluteUrl('/search?q={search_term_string}') },
    'query-input': 'required name=search_term_string',
  });
});
