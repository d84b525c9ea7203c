import { describe, expect, test, vi } from 'vitest';
import { knowBuildFiles } from '@/lib/build-files';
import { frontDoor } from '@/lib/front-door';

// What the site knows of its pages, without a database: one article kept apart with a suffix.
const BASE = 'regional-council-confirms-the-new-harbour-bridge-will-open-to-traffic-next-spring'.slice(0, 80);
const KEPT_APART = `${BASE}-2`;
vi.mock('@/lib/known-pages', () => ({
  knownArticleSection: (slug: string) => (slug === KEPT_APART ? 'world' : undefined),
  knownSectionPages: (slug: string) => (slug === 'world' ? 1 : undefined),
  articleSection: async (slug: string) => (slug === KEPT_APART ? 'world' : null),
  sectionPageCount: async (slug: string) => (slug === 'world' ? 1 : null),
  // The site's feed has 3 archives, World's 1; each known once asked.
  knownFeedArchives: (slug?: string) => (slug === undefined ? 3 : slug === 'world' ? 1 : undefined),
  lastKnownFeedArchives: () => undefined,
  feedArchiveCount: async (slug?: string) => (slug === undefined ? 3 : slug === 'world' ? 1 : null),
}));

describe('the front door and slugs longer than 80 characters', () => {
  test('lets an article whose slug carries a suffix past 80 characters through to its page', async () => {
    expect(KEPT_APART).toHaveLength(82);
    expect(await frontDoor('GET', `/world/${KEPT_APART}`)).toEqual({ action: 'next' });
  });

  test('sends that article asked for under another section to its own URL', async () => {
    expect(await frontDoor('GET', `/sport/${KEPT_APART}`)).toEqual({
      action: 'redirect',
      location: `/world/${KEPT_APART}`,
    });
  });

  test('serves its Markdown copy', async () => {
    expect(await frontDoor('GET', `/world/${KEPT_APART}.md`)).toEqual({
      action: 'next',
      url: `/world/${KEPT_APART}/markdown`,
    });
  });

  test('answers 404 for a slug longer than any the import makes, without asking', async () => {
    expect(frontDoor('GET', `/world/${BASE}-1234567890`)).toEqual({ action: 'not-found' });
  });
});

describe('the front door and feed archives', () => {
  test('lets each file of an archive that exists through, for the site and for a section', async () => {
    for (const file of ['feed.xml', 'atom.xml', 'feed.json']) {
      expect(await frontDoor('GET', `/archive/1/${file}`)).toEqual({ action: 'next' });
      expect(await frontDoor('GET', `/archive/3/${file}`)).toEqual({ action: 'next' });
      expect(await frontDoor('GET', `/world/archive/1/${file}`)).toEqual({ action: 'next' });
    }
  });

  test('answers 404 for an archive number past the last, and for a section with no articles', async () => {
    expect(await frontDoor('GET', '/archive/4/feed.xml')).toEqual({ action: 'not-found' });
    expect(await frontDoor('GET', '/world/archive/2/atom.xml')).toEqual({ action: 'not-found' });
    expect(await frontDoor('GET', '/nowhere/archive/1/feed.json')).toEqual({ action: 'not-found' });
  });

  test('answers 404 without asking for what is not an archive address', () => {
    for (const path of [
      '/archive',
      '/archive/1',
      '/archive/0/feed.xml',
      '/archive/01/feed.xml',
      '/archive/one/feed.xml',
      '/archive/1/sitemap.xml',
      '/archive/1/feed.xml/more',
      '/world/archive',
      '/world/archive/1',
      '/world/archive/1/feed.xml/more',
    ]) {
      expect(frontDoor('GET', path), path).toEqual({ action: 'not-found' });
    }
  });
});

describe('the front door and search', () => {
  test('lets /search through with any query, for GET and HEAD, private to the reader and not indexed', () => {
    for (const url of ['/search', '/search?q=harbour', '/search?q=%22a+b%22&page=3', '/search?q=<script>&q=2']) {
      for (const method of ['GET', 'HEAD']) {
        expect(frontDoor(method, url)).toEqual({
          action: 'next',
          headers: { 'cache-control': 'private, max-age=60', 'x-robots-tag': 'noindex' },
        });
      }
    }
  });

  test('answers 405 to a search sent by another method', () => {
    expect(frontDoor('POST', '/search?q=harbour')).toEqual({ action: 'page', status: 405 });
  });

  test('answers 404 for every address below /search', () => {
    for (const url of ['/search/', '/search/harbour', '/search/page/2', '/search/a/b?q=c']) {
      expect(frontDoor('GET', url), url).toEqual({ action: 'not-found' });
    }
  });

  test('lets the OpenSearch description through, and nothing below it', () => {
    expect(frontDoor('GET', '/opensearch.xml')).toEqual({ action: 'next' });
    expect(frontDoor('GET', '/opensearch.xml/more')).toEqual({ action: 'not-found' });
  });
});

describe('the front door and the addresses a stranger makes up', () => {
  knowBuildFiles(new Set(['chunks/0cz1d0mv5g_q7.js', 'media/newsreader.woff2', 'BUILD/_buildManifest.js']));

  test('lets the build’s own files through, however their address is encoded', () => {
    for (const path of [
      '/_next/static/chunks/0cz1d0mv5g_q7.js',
      '/_next/static/media/newsreader.woff2',
      '/_next/static/BUILD/_buildManifest.js',
    ]) {
      expect(frontDoor('GET', path), path).toEqual({ action: 'next' });
    }
  });

  test('hands a build file spelt another way to Next under the address the pages write for it', () => {
    // The server remembers a body per path: each spelling would otherwise be kept apart.
    for (const path of [
      '/_next/static/chunks/0cz1d0mv5g%5Fq7.js',
      '/_next/static/chunks/%30cz1d0mv5g_q7.js',
      '/_next/static/%63hunks/0%63z1d0mv5g_q7.js',
      '/_next/static/chunks/0CZ1d0mv5g_q7.js'.replace('CZ', '%63%7A'),
      '/_next/static/chunks/0cz1d0mv5g_q7%2Ejs',
    ]) {
      expect(frontDoor('GET', path), path).toEqual({ action: 'next', url: '/_next/static/chunks/0cz1d0mv5g_q7.js' });
    }
    expect(frontDoor('GET', '/_next/static/chunks/0cz1d0mv5g%5Fq7.js?v=1')).toEqual({
      action: 'next',
      url: '/_next/static/chunks/0cz1d0mv5g_q7.js',
    });
  });

  test('answers 404 itself for every other address under /_next/, the image optimizer’s included', () => {
    for (const path of [
      '/_next/u1',
      '/_next/%2e%2e/world/made-up',
      '/_next/%2E%2E/world/made-up',
      '/_next/static/%2e%2e/world/made-up',
      '/_next/static/chunks/%2e%2e%2f%2e%2e%2fworld',
      '/_next/static/chunks/nothing.js',
      '/_next/static/chunks',
      '/_next/static/',
      '/_next/image?url=/world/made-up/opengraph-image&w=1200&q=75',
      '/_next/image?url=%2Flogo.png&w=64&q=75',
      '/_next/data/BUILD/index.json',
      '/_next',
    ]) {
      expect(frontDoor('GET', path), path).toEqual({ action: 'not-found' });
    }
  });

  test('answers 404 for dot segments and backslashes in any encoding, anywhere', () => {
    for (const path of [
      '/world/%2e%2e/world',
      '/%2e%2e/feed.xml',
      '/world/%2E/x',
      '/lite/%2e%2e/world',
      '/world%5c..%5cx',
    ]) {
      expect(frontDoor('GET', path), path).toEqual({ action: 'not-found' });
    }
  });

  test('lets only sitemap files of the index’s shape through', () => {
    expect(frontDoor('GET', '/sitemaps/articles-1.xml')).toEqual({ action: 'next' });
    expect(frontDoor('GET', '/sitemaps/sections-2.xml')).toEqual({ action: 'next' });
    for (const path of [
      '/sitemaps/x1',
      '/sitemaps/articles-0.xml',
      '/sitemaps/articles-1.xml.gz',
      '/sitemaps/%2e%2e',
    ]) {
      expect(frontDoor('GET', path), path).toEqual({ action: 'not-found' });
    }
  });

  test('lets a section’s feeds and share image through only for a section that shows articles', async () => {
    for (const file of ['feed.xml', 'atom.xml', 'feed.json', 'opengraph-image']) {
      expect(await frontDoor('GET', `/world/${file}`)).toEqual({ action: 'next' });
      expect(await frontDoor('GET', `/made-up-section/${file}`)).toEqual({ action: 'not-found' });
    }
  });

  test('lets an article’s share image through only for an article that exists, and sends a moved one on', async () => {
    expect(await frontDoor('GET', `/world/${KEPT_APART}/opengraph-image`)).toEqual({ action: 'next' });
    expect(await frontDoor('GET', `/sport/${KEPT_APART}/opengraph-image`)).toEqual({
      action: 'redirect',
      location: `/world/${KEPT_APART}/opengraph-image`,
    });
    expect(await frontDoor('GET', '/world/made-up-article/opengraph-image')).toEqual({ action: 'not-found' });
    expect(await frontDoor('GET', `/world/${KEPT_APART}.md/opengraph-image`)).toEqual({ action: 'not-found' });
  });
});
