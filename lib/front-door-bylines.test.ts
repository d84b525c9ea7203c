import { describe, expect, test, vi } from 'vitest';
import { frontDoor } from '@/lib/front-door';
import { RESERVED_SLUGS } from '@/lib/routes';

// The site as the front door knows it, without a database: Jane Doe has 120 public articles
// (6 pages, 2 feed archives), the tag Harbours 5 (one page, no archive). A section called Tags
// was moved to `tags-section` (2 pages, an article `old-tag-story`); no section was ever `authors`.
const ARTICLES: Record<string, Record<string, number>> = { author: { 'jane-doe': 120 }, tag: { harbours: 5 } };
vi.mock('@/lib/known-pages', () => ({
  knownArticleSection: () => undefined,
  knownSectionPages: () => undefined,
  knownFeedArchives: () => undefined,
  knownBylineArticles: () => undefined,
  knownMovedSection: () => undefined,
  articleSection: async (slug: string) => (slug === 'old-tag-story' ? 'tags-section' : null),
  sectionPageCount: async (slug: string) => (slug === 'tags-section' ? 2 : null),
  feedArchiveCount: async (slug?: string) => (slug === 'tags-section' ? 1 : null),
  bylineArticleCount: async (kind: string, slug: string) => ARTICLES[kind]?.[slug] ?? null,
  movedSection: async (slug: string) => (slug === 'tags' ? 'tags-section' : ''),
}));

describe('the front door and author and tag pages', () => {
  test('lets an author’s pages, feeds, archives and lite twins through while they exist', async () => {
    for (const path of [
      '/authors/jane-doe',
      '/authors/jane-doe/page/2',
      '/authors/jane-doe/page/6',
      '/authors/jane-doe/feed.xml',
      '/authors/jane-doe/atom.xml',
      '/authors/jane-doe/feed.json',
      '/authors/jane-doe/archive/1/feed.xml',
      '/authors/jane-doe/archive/2/feed.json',
      '/lite/authors/jane-doe',
      '/lite/authors/jane-doe/page/6',
      '/tags/harbours',
      '/tags/harbours/atom.xml',
      '/lite/tags/harbours',
    ]) {
      expect(await frontDoor('GET', path), path).toEqual({ action: 'next' });
    }
  });

  test('answers 404 past the last page or archive, and for a name with no public article', async () => {
    for (const path of [
      '/authors/jane-doe/page/7',
      '/authors/jane-doe/archive/3/feed.xml',
      '/authors/nobody',
      '/authors/nobody/feed.xml',
      '/authors',
      '/authors/Jane-Doe',
      '/lite/authors/jane-doe/page/7',
      '/tags/harbours/page/2',
      '/tags/harbours/archive/1/feed.xml',
      '/tags/no-such-tag',
      '/lite/tags/no-such-tag',
    ]) {
      expect(await frontDoor('GET', path), path).toEqual({ action: 'not-found' });
    }
  });

  test('sends page 1 and the old ?page=N to the listing’s own addresses', async () => {
    expect(await frontDoor('GET', '/authors/jane-doe/page/1')).toEqual({
      action: 'redirect',
      location: '/authors/jane-doe',
    });
    expect(await frontDoor('GET', '/tags/harbours?page=3')).toEqual({
      action: 'redirect',
      location: '/tags/harbours/page/3',
    });
    expect(await frontDoor('GET', '/lite/authors/jane-doe/page/1')).toEqual({
      action: 'redirect',
      location: '/lite/authors/jane-doe',
    });
  });

  test('keeps `authors` and `tags` from ever being a section’s slug', () => {
    expect(RESERVED_SLUGS.has('authors')).toBe(true);
    expect(RESERVED_SLUGS.has('tags')).toBe(true);
  });
});

describe('the front door and a section moved off `tags`', () => {
  test('answers 308 from each of its old addresses to the same path under its new slug', async () => {
    for (const [from, to] of [
      ['/tags', '/tags-section'],
      ['/tags/page/2', '/tags-section/page/2'],
      ['/tags?page=2', '/tags-section/page/2'],
      ['/tags/old-tag-story', '/tags-section/old-tag-story'],
      ['/tags/old-tag-story.md', '/tags-section/old-tag-story.md'],
      ['/tags/feed.xml', '/tags-section/feed.xml'],
      ['/tags/archive/1/atom.xml', '/tags-section/archive/1/atom.xml'],
      ['/lite/tags', '/lite/tags-section'],
      ['/lite/tags/old-tag-story', '/lite/tags-section/old-tag-story'],
    ]) {
      expect(await frontDoor('GET', from ?? ''), from).toEqual({ action: 'redirect', location: to });
    }
  });

  test('serves a real tag’s page at an address the old section had, and 404s for what neither names', async () => {
    expect(await frontDoor('GET', '/tags/harbours')).toEqual({ action: 'next' });
    for (const path of ['/tags/page/3', '/tags/no-such-story', '/tags/archive/2/atom.xml', '/authors/page/2']) {
      expect(await frontDoor('GET', path), path).toEqual({ action: 'not-found' });
    }
  });
});
