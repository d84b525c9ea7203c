import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ARCHIVE_SIZE } from '@/lib/feeds/archive';
import { FEED_SIZE } from '@/lib/feeds/channel';
import { importDocuments } from '@/lib/importer/import-documents';
import {
  loadByline,
  loadBylineFeedArchive,
  loadBylineLatest,
  loadBylinePage,
  loadBylineTotal,
  loadMovedSection,
  loadSitemapBylines,
} from '@/lib/queries/byline-loaders';
import { SECTION_PAGE_SIZE, loadSectionPage } from '@/lib/queries/loaders';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';
import { listingDocument } from './support/listing';

const kinds = await availableDatabaseKinds();

// 130 articles in two sections; Jane Doe wrote every other one (65: 4 pages, 1 feed archive),
// Sam Roe every fifth (26), the tag Harbours is on every third; one of Jane's, number 14, is
// scheduled (dated 2099), the only one of Future Writer's.
const ARTICLES = 130;
const SCHEDULED = 14;
const document = listingDocument(
  Array.from({ length: ARTICLES }, (_, n) => ({
    headline: `Byline test story number ${n}`,
    section: n % 2 === 0 ? 'Alpha' : 'Beta',
    authors: [
      ...(n % 2 === 0 ? ['Jane Doe'] : []),
      ...(n % 5 === 0 ? ['Sam Roe'] : []),
      ...(n === SCHEDULED ? ['Future Writer'] : []),
    ],
    tags: n % 3 === 0 ? ['Harbours'] : [],
    ...(n === SCHEDULED && { date: '2099-01-01 10:00' }),
  })),
);

describe.each(kinds)('author and tag listings, on the %s database', (kind) => {
  let db: TestDatabase;
  /** Every article's slug, newest first (the listings' order). */
  let order: string[];
  let scheduled: string;
  const by = (test: (n: number) => boolean) => order.filter((slug) => test(Number(slug.split('-').at(-1))));
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await importDocuments(db.pool, [{ file: 'bylines.txt', bytes: new TextEncoder().encode(document) }]);
    const rows = await db.prisma.article.findMany({
      select: { slug: true },
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    });
    order = rows.map((row) => row.slug);
    scheduled = by((n) => n === SCHEDULED)[0]!;
  });
  afterAll(async () => db?.drop());

  test('every page of an author’s listing, newest first, read from either end, without a scheduled article', async () => {
    const jane = by((n) => n % 2 === 0).filter((slug) => slug !== scheduled);
    expect(jane).toHaveLength(64);
    const pageCount = Math.ceil(jane.length / SECTION_PAGE_SIZE);
    for (let page = 1; page <= pageCount; page++) {
      const read = await loadBylinePage(db.prisma, 'author', 'jane-doe', page);
      expect(read?.articles.map((article) => article.slug)).toEqual(
        jane.slice((page - 1) * SECTION_PAGE_SIZE, page * SECTION_PAGE_SIZE),
      );
      expect(read).toMatchObject({ byline: { kind: 'author', slug: 'jane-doe', name: 'Jane Doe' }, page, pageCount });
    }
    expect(await loadBylinePage(db.prisma, 'author', 'jane-doe', pageCount + 1)).toBeNull();
    expect(await loadBylineTotal(db.prisma, 'author', 'jane-doe')).toBe(64);
  });

  test('a listing’s cards are the section listing’s cards', async () => {
    const section = await loadSectionPage(db.prisma, 'alpha', 1);
    const jane = await loadBylinePage(db.prisma, 'author', 'jane-doe', 1);
    const shown = new Map(section!.articles.map((article) => [article.slug, article]));
    for (const article of jane!.articles.filter((card) => shown.has(card.slug))) {
      expect(article).toEqual(shown.get(article.slug));
    }
  });

  test('a tag’s listing, and one with no public article is nowhere', async () => {
    const harbours = by((n) => n % 3 === 0).filter((slug) => slug !== scheduled);
    const read = await loadBylinePage(db.prisma, 'tag', 'harbours', 2);
    expect(read?.articles.map((article) => article.slug)).toEqual(harbours.slice(20, 40));
    expect(await loadByline(db.prisma, 'tag', 'harbours')).toEqual({ kind: 'tag', slug: 'harbours', name: 'Harbours' });
    expect(await loadByline(db.prisma, 'author', 'future-writer')).toBeNull();
    expect(await loadBylineTotal(db.prisma, 'author', 'future-writer')).toBeNull();
    expect(await loadBylinePage(db.prisma, 'author', 'no-such-author', 1)).toBeNull();
    expect(await loadBylinePage(db.prisma, 'tag', 'jane-doe', 1)).toBeNull();
  });

  test('an author’s feed and its archives cover every public article once, newest first', async () => {
    const jane = by((n) => n % 2 === 0).filter((slug) => slug !== scheduled);
    const latest = await loadBylineLatest(db.prisma, 'author', 'jane-doe', FEED_SIZE);
    expect(latest?.articles.map((article) => article.slug)).toEqual(jane.slice(0, FEED_SIZE));
    expect(latest?.articles[0]).toMatchObject({ body: expect.any(Array) });
    const archive = await loadBylineFeedArchive(db.prisma, 'author', 'jane-doe', 1);
    expect(archive).toMatchObject({ archives: 1, full: false });
    expect(archive?.articles.map((article) => article.slug)).toEqual(jane.slice(FEED_SIZE));
    expect(jane.length - FEED_SIZE).toBeLessThan(ARCHIVE_SIZE);
    expect(await loadBylineFeedArchive(db.prisma, 'author', 'jane-doe', 2)).toBeNull();
    expect(await loadBylineFeedArchive(db.prisma, 'author', 'sam-roe', 1)).toBeNull();
  });

  test('the sitemaps list authors and tags with public articles, in order of first sight', async () => {
    const authors = await loadSitemapBylines(db.prisma, 'author');
    expect(authors.map((author) => author.slug)).toEqual(['jane-doe', 'sam-roe']);
    for (const author of authors) expect(Date.parse(author.lastModified)).not.toBeNaN();
    expect((await loadSitemapBylines(db.prisma, 'tag')).map((tag) => tag.slug)).toEqual(['harbours']);
  });

  test('a scheduled article counts once its time has come (its public_at moved to the past, as the clock would)', async () => {
    const { rows } = await db.pool.query<{ public_at: Date }>(`SELECT public_at FROM articles WHERE slug = $1`, [
      scheduled,
    ]);
    expect(rows[0]!.public_at.toISOString()).toBe('2099-01-01T10:00:00.000Z');
    await db.pool.query(`UPDATE articles SET public_at = now() - interval '1 second' WHERE slug = $1`, [scheduled]);
    expect(await loadBylineTotal(db.prisma, 'author', 'jane-doe')).toBe(65);
    expect(await loadByline(db.prisma, 'author', 'future-writer')).toMatchObject({ name: 'Future Writer' });
    expect((await loadBylinePage(db.prisma, 'author', 'jane-doe', 1))?.articles[0]?.slug).toBe(scheduled);
    await db.pool.query(`UPDATE articles SET public_at = '2099-01-01T10:00:00Z' WHERE slug = $1`, [scheduled]);
  });

  test('no section moved here: the redirects know no old slug', async () => {
    expect(await loadMovedSection(db.prisma, 'tags')).toBeNull();
  });
});
