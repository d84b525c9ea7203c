import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPool } from '@/lib/db/pool';
import { importDocuments } from '@/lib/importer/import-documents';
import { loadSearchResults } from '@/lib/queries/search';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';
import { listingDocument, uniqueWord, type DocumentArticle } from './support/listing';

const kinds = await availableDatabaseKinds();

const document = (articles: DocumentArticle[]) => ({
  file: `${uniqueWord()}.txt`,
  bytes: new TextEncoder().encode(listingDocument(articles)),
});

/** Articles whose stored search vector is not what article_search_vector makes of their stored text. */
async function staleVectors(db: TestDatabase): Promise<string[]> {
  const { rows } = await db.pool.query<{ headline: string }>(
    `SELECT headline FROM articles
      WHERE search IS DISTINCT FROM article_search_vector(headline, body, dateline_place, language) ORDER BY headline`,
  );
  return rows.map((row) => row.headline);
}

describe.each(kinds)('search vectors on the %s database', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => db?.drop());

  test('an import of more articles than one staging chunk gives each the vector of its own text, and all are found', async () => {
    // 2,500 articles: three chunks of 1,000, staged over two connections at once.
    const word = uniqueWord().toLowerCase();
    const articles = Array.from({ length: 2_500 }, (_, i) => ({
      headline: `Harbour report ${i} on ${word} tides`,
      section: ['World', 'Science'][i % 2]!,
      paragraphs: [`Paragraph about tide ${i} and ${word}.`, `Second paragraph naming quay${i}.`],
    }));
    const report = await importDocuments(db.pool, [document(articles)]);
    expect(report.totals.created).toBe(2_500);
    expect(await staleVectors(db)).toEqual([]);
    expect((await loadSearchResults(db.prisma, `"${word} tides"`, 1)).hits).toHaveLength(20);
    const { rows } = await db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM articles WHERE search @@ websearch_to_tsquery('news', $1)`,
      [word],
    );
    expect(rows[0]!.n).toBe(2_500);
    // Every article's own words find it: the last chunk's as well as the first's.
    for (const i of [0, 999, 1_000, 2_001, 2_499]) {
      const results = await loadSearchResults(db.prisma, `quay${i}`, 1);
      expect(results.hits.map((hit) => hit.headline)).toEqual([`Harbour report ${i} on ${word} tides`]);
    }
  });

  test('a corrected article gets the vector of its new text: the old words no longer find it', async () => {
    const word = uniqueWord().toLowerCase();
    const headline = `Bridge inspection ${word} ends`;
    await importDocuments(db.pool, [
      document([{ headline, section: 'Cities', paragraphs: ['Engineers found rust.'] }]),
    ]);
    expect((await loadSearchResults(db.prisma, 'rust', 1)).hits.map((hit) => hit.headline)).toContain(headline);
    const report = await importDocuments(db.pool, [
      document([{ headline, section: 'Cities', paragraphs: ['Engineers found cracks.'] }]),
    ]);
    expect(report.totals.updated).toBe(1);
    expect((await loadSearchResults(db.prisma, 'cracks', 1)).hits.map((hit) => hit.headline)).toEqual([headline]);
    expect((await loadSearchResults(db.prisma, 'rust', 1)).hits.map((hit) => hit.headline)).not.toContain(headline);
    expect(await staleVectors(db)).toEqual([]);
  });

  test('a row written without a vector, by any other writer, gets one; a text change without one gets a new one', async () => {
    const word = uniqueWord().toLowerCase();
    const { rows } = await db.pool.query<{ id: number }>(
      `INSERT INTO articles (identity, slug, headline, section_id, body, word_count, published_at, updated_at, content_hash)
       VALUES ($1, $1, $2, (SELECT id FROM sections LIMIT 1), $3, 3, now(), now(), 'x') RETURNING id`,
      [
        `${word}-written-by-hand`,
        `Written by hand ${word}`,
        JSON.stringify([{ type: 'paragraph', text: 'Lighthouse keeper retires.' }]),
      ],
    );
    const id = rows[0]!.id;
    const found = async (query: string) =>
      (
        await db.pool.query(`SELECT 1 FROM articles WHERE id = $1 AND search @@ websearch_to_tsquery('news', $2)`, [
          id,
          query,
        ])
      ).rowCount;
    expect(await found('lighthouse keeper')).toBe(1);
    await db.pool.query(`UPDATE articles SET body = $2 WHERE id = $1`, [
      id,
      JSON.stringify([{ type: 'paragraph', text: 'Ferry captain retires.' }]),
    ]);
    expect(await found('ferry captain')).toBe(1);
    expect(await found('lighthouse')).toBe(0);
    await db.pool.query(`UPDATE articles SET headline = $2 WHERE id = $1`, [id, `Renamed by hand ${word}`]);
    expect(await found('renamed')).toBe(1);
    expect(await staleVectors(db)).toEqual([]);
  });

  test.each([1, 3])('with IMPORT_STREAMS=%i, every article is staged once and gets its vector', async (streams) => {
    process.env.IMPORT_STREAMS = String(streams);
    const pool = createPool(db.url, 'import');
    try {
      const word = uniqueWord().toLowerCase();
      const articles = Array.from({ length: 3_200 }, (_, i) => ({
        headline: `Streams ${streams} report ${i} ${word}`,
        section: 'World',
      }));
      expect((await importDocuments(pool, [document(articles)])).totals.created).toBe(3_200);
      const { rows } = await db.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM articles WHERE search @@ websearch_to_tsquery('news', $1)`,
        [word],
      );
      expect(rows[0]!.n).toBe(3_200);
      expect(await staleVectors(db)).toEqual([]);
    } finally {
      delete process.env.IMPORT_STREAMS;
      await pool.end();
    }
  });

  test('the staging table is left empty after an import', async () => {
    await importDocuments(db.pool, [document([{ headline: `Quiet day ${uniqueWord()}`, section: 'World' }])]);
    const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM import_work.stage');
    expect(rows[0]!.n).toBe(0);
  });
});
