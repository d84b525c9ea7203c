import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { importDocuments } from '@/lib/importer/import-documents';
import { availableDatabaseKinds, createTestDatabase, emptyDatabase, type TestDatabase } from './support/database';
import { listingDocument } from './support/listing';

const kinds = await availableDatabaseKinds();

// The link rows have no foreign keys (prisma/migrations/20261204010000_link_rows_checked_by_statement):
// statement triggers keep what the keys did. What an editor or a reader would see break without them:
// an author's page listing an article that is gone, or an author deleted under an article's byline.
const document = listingDocument([
  { headline: 'Links test first story', section: 'Alpha', authors: ['Jane Doe', 'Sam Roe'], tags: ['Harbours'] },
  { headline: 'Links test second story', section: 'Alpha', authors: ['Jane Doe'], tags: ['Harbours', 'Tides'] },
]);

describe.each(kinds)('rows linking articles to authors and tags, on the %s database', (kind) => {
  let db: TestDatabase | undefined;
  const links = async () => {
    const [row] = await db!.prisma.$queryRaw<[{ authors: number; tags: number }]>`
      SELECT (SELECT count(*) FROM article_authors)::int AS authors, (SELECT count(*) FROM article_tags)::int AS tags`;
    return row;
  };
  beforeEach(async () => {
    db ??= await createTestDatabase(kind);
    await emptyDatabase(db);
    await importDocuments(db.pool, [{ file: 'links.txt', bytes: new TextEncoder().encode(document) }]);
  });
  afterAll(async () => db?.drop());

  test('the import writes one row for each name of each byline and tag line', async () => {
    expect(await links()).toEqual({ authors: 3, tags: 3 });
  });

  test('deleting an article deletes its links, and no other article’s', async () => {
    await db!.prisma.$executeRaw`DELETE FROM articles WHERE headline = 'Links test first story'`;
    expect(await links()).toEqual({ authors: 1, tags: 2 });
    const left = await db!.prisma.$queryRaw<Array<{ name: string }>>`
      SELECT n.name FROM article_authors l JOIN authors n ON n.id = l.author_id`;
    expect(left).toEqual([{ name: 'Jane Doe' }]);
  });

  test('an author or a tag an article still names cannot be deleted; one no article names can', async () => {
    await expect(db!.prisma.$executeRaw`DELETE FROM authors WHERE name = 'Sam Roe'`).rejects.toThrow(
      /an article still names it/,
    );
    await expect(db!.prisma.$executeRaw`DELETE FROM tags WHERE name = 'Tides'`).rejects.toThrow(
      /an article still names it/,
    );
    await db!.prisma.$executeRaw`DELETE FROM articles WHERE headline = 'Links test first story'`;
    expect(await db!.prisma.$executeRaw`DELETE FROM authors WHERE name = 'Sam Roe'`).toBe(1);
    expect(await db!.prisma.author.count()).toBe(1);
  });

  test('emptying the articles empties their links', async () => {
    await db!.prisma.$executeRawUnsafe('TRUNCATE articles, sections RESTART IDENTITY CASCADE');
    expect(await links()).toEqual({ authors: 0, tags: 0 });
  });
});
