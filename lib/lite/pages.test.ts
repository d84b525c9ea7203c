import { gzipSync } from 'node:zlib';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import type { Article, ArticleSummary } from '@/lib/queries/types';
import { liteArticlePage, liteFrontPage, liteSectionPage } from './pages';
import { LITE_STYLESHEET } from './style';

const world = { slug: 'world', name: 'World' };
const sections = [world, { slug: 'business', name: 'Business' }];
const words = (count: number, seed: string) =>
  Array.from({ length: count }, (_, index) => `${seed}${index % 7 === 0 ? '.' : ''} word${index % 13}`).join(' ');

function summary(slug: string, headline: string): ArticleSummary {
  return {
    slug,
    headline,
    section: world,
    authors: [],
    publishedAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    dateline: null,
    summary: `${headline}: the first paragraph.`,
    readingMinutes: 3,
    wordCount: 600,
    language: 'en',
  };
}

const article: Article = {
  ...summary('harbour-bridge-opens', 'Harbour <bridge> opens & "traffic" flows'),
  dateline: { place: 'DAMASCUS', dateText: 'Dec 27', source: 'SANA' },
  firstImportedAt: '2026-11-20T10:00:00.000Z',
  tags: [],
  notes: [],
  dated: false,
  body: [
    { type: 'paragraph', text: 'The first paragraph <script>alert(1)</script> stays text.' },
    { type: 'subheading', text: 'What happens next' },
    ...Array.from({ length: 8 }, (_, index) => ({ type: 'paragraph' as const, text: words(70, `p${index}`) })),
  ],
};

const hrefs = (page: string) => [...page.matchAll(/href="([^"]*)"/gu)].map((match) => match[1] ?? '');

describe('a lite article', () => {
  const page = liteArticlePage(article, sections);

  test('shows the headline, dateline and every paragraph as text, never as markup', () => {
    expect(page).toContain('<h1>Harbour &lt;bridge&gt; opens &amp; &quot;traffic&quot; flows</h1>');
    expect(page).toContain('<span class="dateline">DAMASCUS, Dec 27 (SANA) </span>The first paragraph');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('<h2>What happens next</h2>');
  });

  test('has no script, image, font or external stylesheet, and one small inline stylesheet', () => {
    expect(page).not.toMatch(/<script|<img|<link rel="stylesheet"|@font-face|<svg|<iframe/iu);
    expect(page.match(/<style>/gu)).toHaveLength(1);
    expect(Buffer.byteLength(LITE_STYLESHEET)).toBeLessThanOrEqual(4096);
    expect(LITE_STYLESHEET).toContain('prefers-color-scheme:dark');
  });

  test('names its full twin as canonical, links back to it, and otherwise only to lite pages', () => {
    expect(page).toContain('<link rel="canonical" href="http://localhost:3000/world/harbour-bridge-opens">');
    const links = hrefs(page).filter((href) => !href.startsWith('http'));
    expect(links.filter((href) => !href.startsWith('/lite') && href !== '#main')).toEqual([
      '/world/harbour-bridge-opens',
    ]);
    expect(links).toContain('/lite/world');
    expect(links).toContain('/lite/business');
  });

  test('is well under 15 KB gzipped for an article of several hundred words', () => {
    expect(article.body.length).toBeGreaterThan(5);
    expect(gzipSync(page).byteLength).toBeLessThan(15 * 1024);
  });
});

describe('the lite listings', () => {
  const first = summary('first-story', 'First story');
  const second = summary('second-story', 'Second story');

  test('the lite front page lists the same stories, each linking to its lite page', () => {
    const page = liteFrontPage(
      { lead: first, latest: [second], sections: [{ section: world, articles: [first, second] }] },
      sections,
    );
    expect(page).toContain('<a href="/lite/world/first-story">First story</a>');
    expect(page).toContain('<a href="/lite/world/second-story">Second story</a>');
    expect(page).toContain('<link rel="canonical" href="http://localhost:3000/">');
    expect(hrefs(page).filter((href) => !href.startsWith('/lite') && !href.startsWith('http'))).toEqual(['#main', '/']);
  });

  test('a later page of a lite section links to its neighbours in the lite edition', () => {
    const page = liteSectionPage({ section: world, articles: [first], page: 2, pageCount: 3, total: 41 }, sections);
    expect(page).toContain('<h1>World</h1>');
    expect(page).toContain('href="/lite/world"');
    expect(page).toContain('href="/lite/world/page/3"');
    expect(page).toContain('<link rel="canonical" href="http://localhost:3000/world/page/2">');
  });
});

describe('a lite article with a byline, tags and notes', () => {
  const lined: Article = {
    ...article,
    authors: [
      { slug: 'zoe-adams', name: 'Zoe Adams' },
      { slug: 'ben-okri', name: 'Ben <Okri>' },
    ],
    tags: [{ slug: 'harbours', name: 'Harbours & ports' }],
    notes: [
      { kind: 'correction', text: 'Clarification: The bridge is a toll bridge.', datedAt: '2026-11-21T09:00:00.000Z' },
    ],
    dated: true,
  };
  const page = liteArticlePage(lined, sections);
  const root = parseHtml(page);

  test('says who wrote it, each name linking to the author’s lite page', () => {
    expect(root.querySelector('.byline')?.textContent).toBe('By Zoe Adams and Ben <Okri>');
    expect(root.querySelectorAll('.byline a').map((a) => a.getAttribute('href'))).toEqual([
      '/lite/authors/zoe-adams',
      '/lite/authors/ben-okri',
    ]);
  });

  test('lists its tags in a navigation named Tags, linking to their lite pages', () => {
    const tags = root.querySelector('nav[aria-label="Tags"]');
    expect(tags?.querySelectorAll('a').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Harbours & ports', '/lite/tags/harbours'],
    ]);
  });

  test('puts its note first, once, in a note named by its label, with its day', () => {
    const notes = root.querySelectorAll('aside[role="note"]');
    expect(notes.map((note) => note.getAttribute('aria-label'))).toEqual(['Clarification']);
    expect(notes[0]?.textContent).toBe('Clarification · Saturday 21 November 2026The bridge is a toll bridge.');
    expect(page.indexOf('<aside')).toBeLessThan(page.indexOf('The first paragraph'));
    expect(page.split('The bridge is a toll bridge.')).toHaveLength(2);
  });

  test('a lite card shows the byline before the date', () => {
    const listing = liteSectionPage({ section: world, articles: [lined], page: 1, pageCount: 1, total: 1 }, sections);
    expect(parseHtml(listing).querySelector('.list .meta')?.textContent).toMatch(
      /^By Zoe Adams and Ben <Okri> · 20 Nov 2026 · /u,
    );
  });
});
