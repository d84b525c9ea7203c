import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ARCHIVE_SIZE, archiveCount } from '@/lib/feeds/archive';
import { buildAtomFeed } from '@/lib/feeds/atom';
import { FEED_SIZE } from '@/lib/feeds/channel';
import { articleFeedId } from '@/lib/feeds/ids';
import { buildJsonFeed } from '@/lib/feeds/json-feed';
import { buildRssFeed } from '@/lib/feeds/rss';
import { entityTag } from '@/lib/http/conditional';
import { importDocuments } from '@/lib/importer/import-documents';
import { loadFeedArchive, loadFeedTotal, loadLatestArticles } from '@/lib/queries/loaders';
import type { SectionRef } from '@/lib/queries/types';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';
import { generatedArticles, listingDocument, type DocumentArticle } from './support/documents';

const kinds = await availableDatabaseKinds();
const WORLD: SectionRef = { slug: 'world', name: 'World' };

/** The archive a feed URL names (`…/archive/<n>/…`). */
const archiveNumber = (url: string) => Number(/\/archive\/(\d+)\//u.exec(url)?.[1]);

describe.each(kinds)('the whole feed history (%s database)', (kind) => {
  let db: TestDatabase;
  const load = (articles: DocumentArticle[], now: Date) =>
    importDocuments(db.pool, [{ file: 'listing.txt', bytes: Buffer.from(listingDocument(articles)) }], { now });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    // 120 World and 53 Europe articles, interleaved; 3 imports, so that they span several runs.
    const world = generatedArticles(120, 'World');
    const europe = generatedArticles(53, 'Europe');
    const mixed = world.flatMap((article, i) => (europe[i] ? [article, europe[i]] : [article]));
    await load(mixed.slice(100), new Date('2026-11-20T08:00:00.000Z'));
    await load(mixed.slice(40, 100), new Date('2026-11-21T08:00:00.000Z'));
    await load(mixed.slice(0, 40), new Date('2026-11-22T08:00:00.000Z'));
  }, 120_000);
  afterAll(async () => db?.drop());

  /** Every article of a feed, newest first, as the database orders them. */
  async function everyArticle(section?: string): Promise<string[]> {
    const rows = await db.prisma.article.findMany({
      select: { slug: true },
      where: section ? { section: { slug: section } } : {},
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    });
    return rows.map((row) => articleFeedId(row.slug));
  }

  /** Reads the subscription feed, then follows its history to the oldest archive, as a feed reader would. */
  async function walk(format: 'rss' | 'atom' | 'json', section: SectionRef | null) {
    const total = (await loadFeedTotal(db.prisma, section?.slug)) ?? 0;
    const ids: string[] = [];
    const read = (text: string) => {
      if (format === 'json') {
        const feed = parseJsonFeed(JSON.parse(text));
        return { ids: (feed.items ?? []).map((item) => item.id ?? ''), older: feed.next_url };
      }
      if (format === 'atom') {
        const feed = parseAtomFeed(text);
        return {
          ids: (feed.entries ?? []).map((entry) => entry.id ?? ''),
          older: feed.links?.find((link) => link.rel === 'prev-archive')?.href,
        };
      }
      const feed = parseRssFeed(text);
      return {
        ids: (feed.items ?? []).map((item) => item.guid?.value ?? ''),
        older: feed.atom?.links?.find((link) => link.rel === 'prev-archive')?.href,
      };
    };
    const build = { rss: buildRssFeed, atom: buildAtomFeed, json: buildJsonFeed }[format];
    const articles = await loadLatestArticles(db.prisma, FEED_SIZE, section?.slug);
    let page = read(build(articles, section, { archive: null, archives: archiveCount(total) }));
    let documents = 1;
    for (;;) {
      ids.push(...page.ids);
      if (!page.older) break;
      const number = archiveNumber(page.older);
      const archive = await loadFeedArchive(db.prisma, number, section?.slug);
      if (!archive) throw new Error(`${page.older} names no archive`);
      page = read(build(archive.articles, section, { archive: number, archives: archive.archives }));
      documents += 1;
    }
    return { ids, documents };
  }

  test.each(['rss', 'atom', 'json'] as const)(
    'walking the site’s %s feed to its oldest archive gives every article exactly once, newest first',
    async (format) => {
      const { ids, documents } = await walk(format, null);
      expect(ids).toEqual(await everyArticle());
      expect(ids).toHaveLength(173);
      // 50 in the subscription feed, then archives of 50, 50 and 23.
      expect(documents).toBe(1 + Math.ceil((173 - FEED_SIZE) / ARCHIVE_SIZE));
    },
  );

  test('walking a section’s feed gives every article of that section exactly once', async () => {
    const { ids } = await walk('atom', WORLD);
    expect(ids).toEqual(await everyArticle('world'));
    expect(ids).toHaveLength(120);
  });

  test('a full archive is unchanged by new articles; a correction changes only the archive that holds it', async () => {
    // World: 120 articles, so archive 1 holds the 50 oldest (full) and archive 2 the next 20 (filling).
    const etag = async (number: number) => {
      const archive = await loadFeedArchive(db.prisma, number, 'world');
      if (!archive) throw new Error(`no archive ${number}`);
      return {
        full: archive.full,
        etag: entityTag(buildAtomFeed(archive.articles, WORLD, { archive: number, archives: 2 })),
      };
    };
    const [first, second] = [await etag(1), await etag(2)];
    expect([first.full, second.full]).toEqual([true, false]);

    const later = generatedArticles(5, 'World').map((article) => ({
      ...article,
      headline: `${article.headline} later`,
    }));
    await load(later, new Date('2026-11-23T08:00:00.000Z'));
    expect(await etag(1)).toEqual(first);
    expect((await etag(2)).etag).not.toBe(second.etag);
    const filled = await etag(2);

    // Correct the oldest World article (in archive 1): archive 1's text changes, archive 2's does not.
    const oldest = generatedArticles(120, 'World').at(-1)!;
    await load([{ ...oldest, paragraphs: ['A corrected paragraph.'] }], new Date('2026-11-24T08:00:00.000Z'));
    expect((await etag(1)).etag).not.toBe(first.etag);
    expect(await etag(2)).toEqual(filled);
  });

  test('there is no archive past the last, nor a zeroth', async () => {
    expect(await loadFeedArchive(db.prisma, 0)).toBeNull();
    expect(await loadFeedArchive(db.prisma, archiveCount((await loadFeedTotal(db.prisma)) ?? 0) + 1)).toBeNull();
    expect(await loadFeedArchive(db.prisma, 1, 'nowhere')).toBeNull();
  });
});
