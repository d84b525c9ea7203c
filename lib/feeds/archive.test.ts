import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, test } from 'vitest';
import { absoluteUrl } from '@/lib/site';
import { ARCHIVE_SIZE, archiveCount, archiveRange } from './archive';
import { buildAtomFeed } from './atom';
import { FEED_SIZE } from './channel';
import { articleFixture } from './fixtures';
import { buildJsonFeed } from './json-feed';
import { buildRssFeed } from './rss';

describe('a feed’s history is split into archives from the oldest article', () => {
  test('the subscription feed alone holds a feed of up to 50 articles', () => {
    expect([0, 1, FEED_SIZE].map(archiveCount)).toEqual([0, 0, 0]);
  });

  test('past that, every older article is in exactly one archive, and only the newest may be short', () => {
    const total = FEED_SIZE + 2 * ARCHIVE_SIZE + 7;
    expect(archiveCount(total)).toBe(3);
    expect(archiveRange(total, 1)).toEqual({ skipOldest: 0, take: ARCHIVE_SIZE, full: true });
    expect(archiveRange(total, 2)).toEqual({ skipOldest: ARCHIVE_SIZE, take: ARCHIVE_SIZE, full: true });
    expect(archiveRange(total, 3)).toEqual({ skipOldest: 2 * ARCHIVE_SIZE, take: 7, full: false });
    expect([0, 4, 1.5].map((n) => archiveRange(total, n))).toEqual([null, null, null]);
  });

  test('a full archive keeps its articles as newer ones arrive', () => {
    const before = archiveRange(FEED_SIZE + ARCHIVE_SIZE, 1);
    const after = archiveRange(FEED_SIZE + ARCHIVE_SIZE + 30, 1);
    expect(after).toEqual(before);
  });
});

const articles = [articleFixture()];
const world = { slug: 'world', name: 'World' };
const links = (feed: { links?: Array<{ rel?: string; href?: string }> }) =>
  Object.fromEntries((feed.links ?? []).map((link) => [link.rel, link.href]));

describe('RFC 5005 links', () => {
  test('the subscription feed links its newest archive as prev-archive (JSON Feed: next_url)', () => {
    const page = { archive: null, archives: 3 };
    expect(links(parseAtomFeed(buildAtomFeed(articles, world, page)))['prev-archive']).toBe(
      absoluteUrl('/world/archive/3/atom.xml'),
    );
    expect(links(parseRssFeed(buildRssFeed(articles, null, page)).atom ?? {})['prev-archive']).toBe(
      absoluteUrl('/archive/3/feed.xml'),
    );
    expect(JSON.parse(buildJsonFeed(articles, null, page)).next_url).toBe(absoluteUrl('/archive/3/feed.json'));
  });

  test('a feed with no archives links none', () => {
    const page = { archive: null, archives: 0 };
    expect(links(parseAtomFeed(buildAtomFeed(articles, null, page)))['prev-archive']).toBeUndefined();
    expect(JSON.parse(buildJsonFeed(articles, null, page)).next_url).toBeUndefined();
    expect(buildAtomFeed(articles, null, page)).not.toContain('<fh:archive');
  });

  test('an archive is marked fh:archive and links itself, the subscription feed and both neighbours', () => {
    const page = { archive: 2, archives: 3 };
    const atom = buildAtomFeed(articles, null, page);
    expect(atom).toContain('<fh:archive/>');
    expect(atom).toContain('xmlns:fh="http://purl.org/syndication/history/1.0"');
    expect(links(parseAtomFeed(atom))).toMatchObject({
      self: absoluteUrl('/archive/2/atom.xml'),
      current: absoluteUrl('/atom.xml'),
      'prev-archive': absoluteUrl('/archive/1/atom.xml'),
      'next-archive': absoluteUrl('/archive/3/atom.xml'),
    });
    const rss = buildRssFeed(articles, world, page);
    expect(rss).toContain('<fh:archive/>');
    expect(links(parseRssFeed(rss).atom ?? {})).toMatchObject({
      self: absoluteUrl('/world/archive/2/feed.xml'),
      current: absoluteUrl('/world/feed.xml'),
      'prev-archive': absoluteUrl('/world/archive/1/feed.xml'),
      'next-archive': absoluteUrl('/world/archive/3/feed.xml'),
    });
    expect(parseJsonFeed(JSON.parse(buildJsonFeed(articles, null, page))).next_url).toBe(
      absoluteUrl('/archive/1/feed.json'),
    );
  });

  test('the oldest archive links no older one', () => {
    const page = { archive: 1, archives: 3 };
    expect(links(parseAtomFeed(buildAtomFeed(articles, null, page)))['prev-archive']).toBeUndefined();
    expect(JSON.parse(buildJsonFeed(articles, null, page)).next_url).toBeUndefined();
  });

  test('RSS items carry their date of change as atom:updated', () => {
    expect(buildRssFeed(articles, null)).toContain('<atom:updated>2026-03-02T11:30:00.000Z</atom:updated>');
  });
});
