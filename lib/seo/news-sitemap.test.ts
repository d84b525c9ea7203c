import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect, test } from 'vitest';
import type { RecentArticle } from '@/lib/queries/sitemap-loaders';
import { SITE_LANGUAGE, SITE_NAME, absoluteUrl } from '@/lib/site';
import { MARKUP_TEXT } from '@/lib/feeds/fixtures';
import { NEWS_NAMESPACE, NEWS_SITEMAP_LIMIT, buildNewsSitemap } from './news-sitemap';
import { SITEMAP_NAMESPACE } from './sitemap';

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' });

const recent = (count: number): RecentArticle[] =>
  Array.from({ length: count }, (_, index) => ({
    slug: `story-${index}`,
    headline: `Story ${index}`,
    section: { slug: 'world', name: 'World' },
    publishedAt: new Date(Date.UTC(2026, 2, 2) - index * 60_000).toISOString(),
    tags: [],
    language: 'und',
  }));

function read(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const { urlset } = parser.parse(xml) as {
    urlset: Record<string, unknown> & { url?: Array<Record<string, unknown>> };
  };
  return urlset;
}

test('declares the sitemap and Google News namespaces', () => {
  const urlset = read(buildNewsSitemap(recent(1)));
  expect(urlset['@_xmlns']).toBe(SITEMAP_NAMESPACE);
  expect(urlset['@_xmlns:news']).toBe(NEWS_NAMESPACE);
});

test('gives each article its URL, publication name and language, publication date and title', () => {
  const [url] = read(buildNewsSitemap(recent(1))).url ?? [];
  expect(url).toEqual({
    loc: absoluteUrl('/world/story-0'),
    'news:news': {
      'news:publication': { 'news:name': SITE_NAME, 'news:language': SITE_LANGUAGE },
      'news:publication_date': '2026-03-02T00:00:00.000Z',
      'news:title': 'Story 0',
    },
  });
});

test('names each article’s own language, as the format writes it: Russian, Arabic, Chinese in either script', () => {
  const languages = ['ru', 'ar', 'zh', 'zh-Hant', 'pt-BR', 'und'].map((language) => ({ ...recent(1)[0]!, language }));
  const urls = read(buildNewsSitemap(languages)).url ?? [];
  expect(
    urls.map(
      (url) =>
        ((url['news:news'] as Record<string, unknown>)['news:publication'] as Record<string, unknown>)['news:language'],
    ),
  ).toEqual(['ru', 'ar', 'zh-cn', 'zh-tw', 'pt', SITE_LANGUAGE]);
});

test('lists at most 1,000 articles', () => {
  expect(read(buildNewsSitemap(recent(NEWS_SITEMAP_LIMIT + 5))).url).toHaveLength(NEWS_SITEMAP_LIMIT);
});

test('writes a headline with markup as escaped text', () => {
  const xml = buildNewsSitemap([{ ...recent(1)[0]!, headline: MARKUP_TEXT.headline }]);
  const [url] = read(xml).url ?? [];
  expect((url?.['news:news'] as Record<string, unknown>)['news:title']).toBe(MARKUP_TEXT.headline);
  expect(xml).not.toContain('<script>');
});

test('names an article’s tags as its keywords, comma-separated, and none without tags', () => {
  const [tagged, plain] =
    read(buildNewsSitemap([{ ...recent(1)[0]!, tags: ['Syria', 'War, crimes'] }, { ...recent(2)[1]! }])).url ?? [];
  expect((tagged?.['news:news'] as Record<string, unknown>)['news:keywords']).toBe('Syria, War  crimes');
  expect(plain?.['news:news']).not.toHaveProperty('news:keywords');
});
