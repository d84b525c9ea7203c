import { describe, expect, test, vi } from 'vitest';
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
