import { XMLParser } from 'fast-xml-parser';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { languageAttributes, siteWordsWithin } from '@/lib/language-tags';
import { liteArticlePage, liteSectionPage } from '@/lib/lite/pages';
import { newsArticleJsonLd } from '@/lib/seo/json-ld';
import { openGraphLocale, pageMetadata } from '@/lib/seo/metadata';
import { SITE_LANGUAGE } from '@/lib/site';
import { buildAtomFeed } from './atom';
import { articleFixture } from './fixtures';
import { buildJsonFeed } from './json-feed';
import { articleMarkdown } from './markdown';
import { buildRssFeed } from './rss';

/** Each article's language in every copy made of it (docs/languages.md, "Where the language is shown"). */

/** An article in a language, with a dateline and one paragraph in it. */
const inLanguage = (language: string, slug: string, headline: string, place: string, source: string, text: string) =>
  articleFixture({
    slug,
    headline,
    language,
    dateline: { place, dateText: 'Dec 27', source },
    body: [{ type: 'paragraph', text }],
  });
const russian = inLanguage(
  'ru',
  'ministr-oborony-zayavil',
  'Министр обороны заявил о завершении учений',
  'Москва',
  'ТАСС',
  'Министр обороны заявил, что учения завершились.',
);
const arabic = inLanguage(
  'ar',
  'mqtl-thlathh-fy-gharh-ala-dmshq',
  'مقتل ثلاثة في غارة على دمشق',
  'دمشق',
  'سانا',
  'قال مسؤولون إن ثلاثة أشخاص قتلوا في الغارة.',
);
const undetermined = articleFixture({ slug: 'ok', headline: 'OK', language: 'und' });
const articles = [russian, arabic, undetermined];
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'item' });

test('lang and dir: the article’s language and direction, nothing for an undetermined one', () => {
  expect(languageAttributes('ru')).toEqual({ lang: 'ru', dir: 'ltr' });
  expect(languageAttributes('ar')).toEqual({ lang: 'ar', dir: 'rtl' });
  expect(languageAttributes('he')).toEqual({ lang: 'he', dir: 'rtl' });
  expect(languageAttributes('und')).toEqual({});
});

test('the site’s own words inside an article: marked with the site’s language where the article’s differs', () => {
  expect(siteWordsWithin('ar', 'en')).toEqual({ lang: 'en', dir: 'ltr' });
  expect(siteWordsWithin('ru', 'ar')).toEqual({ lang: 'ar', dir: 'rtl' });
  expect(siteWordsWithin('en', 'en')).toEqual({});
  expect(siteWordsWithin('und', 'en')).toEqual({});
});

describe('feeds', () => {
  test('Atom: xml:lang on each entry whose language is known, the feed’s own on the feed', () => {
    const { feed } = xml.parse(buildAtomFeed(articles, null)) as {
      feed: { '@_xml:lang': string; entry: Array<Record<string, unknown>> };
    };
    expect(feed['@_xml:lang']).toBe(SITE_LANGUAGE);
    expect(feed.entry.map((entry) => entry['@_xml:lang'])).toEqual(['ru', 'ar', undefined]);
  });

  test('JSON Feed: each item’s language where it is known', () => {
    const feed = JSON.parse(buildJsonFeed(articles, null)) as { language: string; items: Array<{ language?: string }> };
    expect(feed.language).toBe(SITE_LANGUAGE);
    expect(feed.items.map((item) => item.language)).toEqual(['ru', 'ar', undefined]);
  });

  test('RSS: Dublin Core’s dc:language on each item (RSS 2.0 has a channel language only), its namespace declared', () => {
    const { rss } = xml.parse(buildRssFeed(articles, null)) as {
      rss: { '@_xmlns:dc': string; channel: { language: string; item: Array<Record<string, unknown>> } };
    };
    expect(rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(rss.channel.language).toBe(SITE_LANGUAGE);
    expect(rss.channel.item.map((item) => item['dc:language'])).toEqual(['ru', 'ar', undefined]);
  });
});

test('the Markdown copy says its language in a Language: line, none when undetermined', () => {
  expect(articleMarkdown(russian)).toMatch(/^Language: ru {2}$/mu);
  expect(articleMarkdown(arabic)).toMatch(/^Language: ar {2}$/mu);
  expect(articleMarkdown(undetermined)).not.toMatch(/^Language:/mu);
  // The Arabic text as written: Markdown has no direction, the reader's tool finds it from the language.
  expect(articleMarkdown(arabic)).toContain('# مقتل ثلاثة في غارة على دمشق');
});

describe('JSON-LD and the page head', () => {
  test('NewsArticle.inLanguage is the article’s, and absent when undetermined', () => {
    expect(newsArticleJsonLd(russian).inLanguage).toBe('ru');
    expect(newsArticleJsonLd(arabic).inLanguage).toBe('ar');
    expect(newsArticleJsonLd(undetermined)).not.toHaveProperty('inLanguage');
  });

  test('og:locale of an article page is its language (a region written with an underscore), the site’s when undetermined', () => {
    expect(openGraphLocale('ar')).toBe('ar');
    expect(openGraphLocale('pt-BR')).toBe('pt_BR');
    expect(openGraphLocale('und')).toBe(SITE_LANGUAGE);
    const metadata = pageMetadata({
      title: russian.headline,
      description: '',
      path: '/x',
      section: null,
      article: russian,
    });
    expect(metadata.openGraph).toMatchObject({ locale: 'ru' });
  });
});

describe('lite pages', () => {
  const sections = [russian.section];

  test('the lite article: lang and dir on its article element, the page’s own lang the site’s', () => {
    const html = parseHtml(liteArticlePage(arabic, sections));
    expect(html.querySelector('html')?.getAttribute('lang')).toBe(SITE_LANGUAGE);
    const element = html.querySelector('article');
    expect([element?.getAttribute('lang'), element?.getAttribute('dir')]).toEqual(['ar', 'rtl']);
    expect(element?.querySelector('h1')?.textContent).toBe(arabic.headline);
    const plain = parseHtml(liteArticlePage(undetermined, sections)).querySelector('article');
    expect(plain?.hasAttribute('lang')).toBe(false);
    expect(plain?.hasAttribute('dir')).toBe(false);
  });

  test('a lite listing: each card in its article’s language', () => {
    const html = parseHtml(
      liteSectionPage({ section: russian.section, articles, page: 1, pageCount: 1, total: 3 }, sections),
    );
    const cards = html.querySelectorAll('ol.list > li');
    expect(cards.map((card) => [card.getAttribute('lang'), card.getAttribute('dir')])).toEqual([
      ['ru', 'ltr'],
      ['ar', 'rtl'],
      [undefined, undefined],
    ]);
  });
});
