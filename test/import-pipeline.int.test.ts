import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importDocuments } from '@/lib/importer/import-documents';
import { loadSearchResults } from '@/lib/queries/search';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';
import { listingDocument, uniqueWord, type DocumentArticle } from './support/listing';
import { refuseHeadline } from './support/poisoned-rows';

// The import stages a document in chunks of 1,000 articles over several connections while its
// transaction moves each staged chunk into place (lib/importer/write.ts). These tests use
// documents of several chunks, so that updates, new articles and failures land in later chunks
// while earlier ones are already moved.
const kinds = await availableDatabaseKinds();

const document = (articles: DocumentArticle[]) => ({
  file: `${uniqueWord()}.txt`,
  bytes: new TextEncoder().encode(listingDocument(articles)),
});

describe.each(kinds)('an import of several chunks on the %s database', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => db?.drop());

  async function stored(word: string) {
    const { rows } = await db.pool.query<{ headline: string; slug: string; body: string }>(
      `SELECT headline, slug, body::text AS body FROM articles WHERE headline LIKE $1 ORDER BY headline`,
      [`%${word}%`],
    );
    return rows;
  }

  test('updates spread over every chunk keep each replaced version, their URLs, and new words; new articles land between them', async () => {
    const word = uniqueWord().toLowerCase();
    const article = (i: number, text: string): DocumentArticle => ({
      headline: `Tide table ${i} ${word}`,
      section: ['World', 'Science', 'Culture'][i % 3]!,
      paragraphs: [`${text} ${i}.`],
    });
    const first = Array.from({ length: 2_600 }, (_, i) => article(i, 'Low water at dawn'));
    expect((await importDocuments(db.pool, [document(first)])).totals.created).toBe(2_600);
    const before = new Map((await stored(word)).map((row) => [row.headline, row.slug]));

    // Every 7th article corrected, and a new article after every 500th: in each of three chunks.
    const second: DocumentArticle[] = [];
    for (let i = 0; i < 2_600; i++) {
      second.push(i % 7 === 0 ? article(i, 'Corrected: high water at noon') : first[i]!);
      if (i % 500 === 499) second.push({ headline: `Late tide ${i} ${word}`, section: 'Sport' });
    }
    const report = await importDocuments(db.pool, [document(second)]);
    const corrected = Math.ceil(2_600 / 7);
    expect(report.totals).toMatchObject({ created: 5, updated: corrected, unchanged: 2_600 - corrected });

    const after = await stored(word);
    expect(after).toHaveLength(2_605);
    for (const row of after) {
      const i = Number(/^Tide table (\d+)/.exec(row.headline)?.[1] ?? -1);
      if (i < 0) continue;
      expect(row.slug, row.headline).toBe(before.get(row.headline));
      expect(row.body, row.headline).toContain(i % 7 === 0 ? 'Corrected: high water at noon' : 'Low water at dawn');
    }
    const { rows: revisions } = await db.pool.query<{ n: number; texts: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE r.body::text LIKE '%Low water at dawn%')::int AS texts
         FROM article_revisions r JOIN articles a ON a.id = r.article_id WHERE a.headline LIKE $1`,
      [`%${word}%`],
    );
    expect(revisions[0]).toEqual({ n: corrected, texts: corrected });
    // The last chunk's correction is searchable by its new words, and no longer by its old ones.
    const last = `Tide table 2597 ${word}`;
    expect((await loadSearchResults(db.prisma, `"high water" ${word} 2597`, 1)).hits.map((h) => h.headline)).toEqual([
      last,
    ]);
    expect((await loadSearchResults(db.prisma, `"low water" ${word} 2597`, 1)).hits).toEqual([]);
    const { rows: counts } = await db.pool.query<{ slug: string; article_count: number }>(
      `SELECT s.slug, s.article_count FROM sections s WHERE s.article_count <> (SELECT count(*) FROM articles a WHERE a.section_id = s.id)`,
    );
    expect(counts).toEqual([]);
  });

  test.each([
    ['moving a chunk into place', 'articles', 'BEFORE INSERT'],
    ['staging a chunk', 'import_work.stage', 'BEFORE INSERT'],
  ])(
    'a failure while %s, after earlier chunks were moved, leaves nothing of the document, and the next import works',
    async (_what, table, timing) => {
      const word = uniqueWord().toLowerCase();
      // A database error on one row of the third chunk.
      const { poison, remove } = await refuseHeadline(db.pool, word, { table, timing });
      const articles = Array.from({ length: 2_600 }, (_, i) => ({
        headline: i === 2_300 ? poison : `Ferry notice ${i} ${word}`,
        section: `Harbours ${word}`,
      }));
      try {
        await expect(importDocuments(db.pool, [document(articles)])).rejects.toThrow(`refused by the test: ${poison}`);
      } finally {
        await remove();
      }
      expect(await stored(word)).toEqual([]);
      const { rows: sections } = await db.pool.query(`SELECT slug FROM sections WHERE name = $1`, [`Harbours ${word}`]);
      expect(sections).toEqual([]);

      // The same pool imports the same document next: no connection was lost or left mid-COPY.
      const report = await importDocuments(db.pool, [document(articles)]);
      expect(report.totals.created).toBe(2_600);
      expect(await stored(word)).toHaveLength(2_600);
      const { rows: staged } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM import_work.stage');
      expect(staged[0]!.n).toBe(0);
    },
  );

  test.each([false, true])(
    'a first document whose problem is found after chunks of it were written loads nothing (skipInvalid %s), and says where',
    async (skipInvalid) => {
      const word = uniqueWord().toLowerCase();
      // The last article repeats the first one's headline: the reader meets it after two chunks.
      const articles = Array.from({ length: 2_600 }, (_, i) => ({
        headline: `Pier survey ${i === 2_599 ? 0 : i} ${word}`,
        section: 'World',
      }));
      const other = { headline: `Other pier ${word}`, section: 'World' };
      const report = await importDocuments(db.pool, [document(articles), document([other])], { skipInvalid });
      expect(report.documents.map((doc) => doc.status)).toEqual(['invalid', skipInvalid ? 'loaded' : 'not loaded']);
      // Its headline is on line 1 + 6 × 2,599 (each article takes 6 lines: headline, blank, paragraph, blank, marker, blank).
      expect(report.documents[0]!.problems).toEqual([
        { line: 1 + 6 * 2_599, message: 'duplicate headline: same article as the one at line 1' },
      ]);
      expect(report.totals.created).toBe(skipInvalid ? 1 : 0);
      expect(report.changed.map((article) => article.slug)).toEqual(skipInvalid ? [`other-pier-${word}`] : []);
      expect((await stored(word)).map((row) => row.headline)).toEqual(skipInvalid ? [other.headline] : []);
      const { rows: staged } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM import_work.stage');
      expect(staged[0]!.n).toBe(0);
    },
  );

  test('a dry run of several chunks counts what the real run then does, and writes nothing', async () => {
    const word = uniqueWord().toLowerCase();
    // Slugs are cut at 80 characters: every 400th headline differs from the one before it only
    // after that, so it asks for the same slug and is kept apart as -2, across chunk borders too.
    const tail = 'and a long tail of words that pushes the slug of this headline past its limit';
    const articles = Array.from({ length: 2_300 }, (_, i) => ({
      headline: i % 400 === 1 ? `Quay works ${i - 1} ${word} ${tail} again` : `Quay works ${i} ${word} ${tail}`,
      section: 'World',
    }));
    const dry = await importDocuments(db.pool, [document(articles)], { dryRun: true });
    expect(await stored(word)).toEqual([]);
    const real = await importDocuments(db.pool, [document(articles)]);
    expect(dry.totals).toEqual(real.totals);
    expect(dry.documents[0]!.keptApart).toEqual(real.documents[0]!.keptApart);
    expect(real.documents[0]!.keptApart).toHaveLength(6);
    expect((await stored(word)).filter((row) => row.slug.endsWith('-2'))).toHaveLength(6);
  });

  test('with one connection to spare for nothing, the transaction plans, stages and moves every chunk itself', async () => {
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    try {
      const word = uniqueWord().toLowerCase();
      const articles = Array.from({ length: 2_100 }, (_, i) => ({
        headline: `Lock gate ${i} ${word}`,
        section: 'World',
      }));
      expect((await importDocuments(pool, [document(articles)])).totals.created).toBe(2_100);
      expect(await stored(word)).toHaveLength(2_100);
      const changedArticles = articles.map((article, i) =>
        i % 1_000 === 999 ? { ...article, paragraphs: ['Gate repaired.'] } : article,
      );
      expect((await importDocuments(pool, [document(changedArticles)])).totals).toMatchObject({
        updated: 2,
        unchanged: 2_098,
      });
    } finally {
      await pool.end();
    }
  });

  test.each([0, 1_500])(
    'a database error while planning the chunk after %i articles is thrown, and nothing of the document is kept',
    async (healthy) => {
      const word = uniqueWord().toLowerCase();
      const articles = Array.from({ length: 2_500 }, (_, i) => ({
        headline: `Slipway ${i} ${word}`,
        section: 'World',
      }));
      // A pool whose connections fail the look-up of stored articles once `healthy` identities were looked up.
      const pool = new pg.Pool({ connectionString: db.url, max: 3 });
      let lookedUp = 0;
      const connect = pool.connect.bind(pool);
      (pool as { connect: () => Promise<pg.PoolClient> }).connect = async () => {
        const connection = await connect();
        const query = connection.query.bind(connection) as (...args: unknown[]) => Promise<unknown>;
        (connection as { query: unknown }).query = (...args: unknown[]) => {
          if (typeof args[0] === 'string' && args[0].includes('WITH ORDINALITY AS q(identity, day, i)')) {
            lookedUp += (args[1] as [string[]])[0].length;
            if (lookedUp > healthy) return Promise.reject(new Error('the look-up failed (test)'));
          }
          return query(...args);
        };
        return connection;
      };
      try {
        await expect(importDocuments(pool, [document(articles)])).rejects.toThrow('the look-up failed (test)');
      } finally {
        await pool.end();
      }
      expect(await stored(word)).toEqual([]);
    },
  );
});
