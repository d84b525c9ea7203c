import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importDocuments } from '@/lib/importer/import-documents';
import { loadArticleAt } from '@/lib/queries/article-at-loaders';
import { addressHash, identityHash } from '@/lib/withdrawal/hashes';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';
import { listingDocument, uniqueWord } from './support/documents';

const kinds = await availableDatabaseKinds();
const source = (file: string, text: string) => ({ file, bytes: new TextEncoder().encode(text) });

/**
 * What the front door's one query finds at an article's slug (lib/queries/article-at-loaders.ts),
 * with withdrawals and legal removals written as the schema has them (prisma/migrations/
 * 20261204000000_withdrawal): a public article's section; a withdrawn one's headline, dates and
 * reason; 451 for a removal in force; nothing for a made-up slug, a lifted removal, or a scheduled
 * article withdrawn before its time.
 */
describe.each(kinds)('what is at an article slug, on the %s database', (kind) => {
  let db: TestDatabase;
  const word = uniqueWord();
  const section = `Desk ${word}`;
  const sectionSlug = `desk-${word.toLowerCase()}`;
  const headlines = ['public', 'withdrawn', 'removed', 'scheduled'].map((name) => `${word} ${name} report`);
  let slugs: string[];

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await importDocuments(db.pool, [
      source(
        'desk.txt',
        listingDocument(headlines.map((headline) => ({ headline, section, paragraphs: [`${headline} text.`] }))),
      ),
    ]);
    const rows = await db.prisma.article.findMany({ select: { slug: true, headline: true } });
    slugs = headlines.map((headline) => rows.find((row) => row.headline === headline)!.slug);
    const [, withdrawn, removed, scheduled] = slugs;
    await db.pool.query(`UPDATE articles SET public_at = now() + interval '1 hour' WHERE slug = $1`, [scheduled]);
    for (const slug of [withdrawn, scheduled])
      await db.pool.query(
        `WITH a AS (SELECT id, public_at FROM articles WHERE slug = $1)
         INSERT INTO withdrawals (article_id, reason, public_at) SELECT id, 'A source retracted.', public_at FROM a`,
        [slug],
      );
    await db.pool.query(`UPDATE articles SET public_at = 'infinity' WHERE slug = ANY($1)`, [[withdrawn, scheduled]]);
    const [article] = (
      await db.pool.query<{ identity: string; date_key: string }>(
        `SELECT identity, date_key FROM articles WHERE slug = $1`,
        [removed],
      )
    ).rows;
    await db.pool.query(
      `INSERT INTO legal_removals (identity_hash, address_hashes, reason) VALUES ($1, $2, 'Court order')`,
      [identityHash(article!.identity, article!.date_key), [addressHash(removed!)]],
    );
    await db.pool.query(`DELETE FROM articles WHERE slug = $1`, [removed]);
  });
  afterAll(async () => db?.drop());

  test('a public article: its section', async () => {
    expect(await loadArticleAt(db.prisma, slugs[0]!)).toBe(sectionSlug);
  });

  test('a withdrawn article: its headline, publication date, withdrawal time and reason', async () => {
    const at = await loadArticleAt(db.prisma, slugs[1]!);
    expect(at).toMatchObject({
      gone: 410,
      section: sectionSlug,
      headline: headlines[1],
      reason: 'A source retracted.',
    });
    const { publishedAt, withdrawnAt } = at as { publishedAt: string; withdrawnAt: string };
    expect(Date.parse(publishedAt)).toBeLessThanOrEqual(Date.parse(withdrawnAt));
    expect(Date.now() - Date.parse(withdrawnAt)).toBeLessThan(60_000);
  });

  test('a legal removal in force: 451, and nothing else of it', async () => {
    expect(await loadArticleAt(db.prisma, slugs[2]!)).toEqual({ gone: 451 });
  });

  test('a scheduled article withdrawn before its time, and a made-up slug: nothing', async () => {
    expect(await loadArticleAt(db.prisma, slugs[3]!)).toBeNull();
    expect(await loadArticleAt(db.prisma, `no-such-${word.toLowerCase()}`)).toBeNull();
  });

  test('a public article at a slug wins over a removal that holds its hash; a lifted removal is nothing', async () => {
    await db.pool.query(`UPDATE legal_removals SET address_hashes = address_hashes || $1::text`, [
      addressHash(slugs[0]!),
    ]);
    expect(await loadArticleAt(db.prisma, slugs[0]!)).toBe(sectionSlug);
    await db.pool.query(`UPDATE legal_removals SET lifted_at = now()`);
    expect(await loadArticleAt(db.prisma, slugs[2]!)).toBeNull();
  });
});
