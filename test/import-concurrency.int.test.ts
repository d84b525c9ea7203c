import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, test } from 'vitest';
import { importDocuments } from '@/lib/importer/import-documents';
import { loadArticle } from '@/lib/queries/loaders';
import { runSeed, startSeed } from './support/cli';
import {
  availableDatabaseKinds,
  childEnv,
  createTestDatabase,
  emptyDatabase,
  type TestDatabase,
} from './support/database';
import {
  generatedArticles,
  listingDocument,
  uniqueWord,
  writeDocuments,
  type DocumentArticle,
} from './support/documents';

const kinds = await availableDatabaseKinds();

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database(kind: (typeof kinds)[number]): Promise<TestDatabase> {
  const db = await createTestDatabase(kind);
  cleanups.push(() => db.drop());
  return db;
}

const source = (file: string, text: string) => ({ file, bytes: new TextEncoder().encode(text) });

/** What a reader would see of every article (times left out: they depend on when each run started). */
async function stored(db: TestDatabase) {
  const rows = await db.prisma.article.findMany({
    orderBy: { slug: 'asc' },
    select: { slug: true, headline: true, body: true, section: { select: { slug: true } } },
  });
  return rows.map((row) => ({ ...row, section: row.section.slug }));
}

const withText = (articles: DocumentArticle[], text: string) =>
  articles.map((article) => ({ ...article, paragraphs: [`${article.headline}: ${text}.`] }));

describe.each(kinds)('imports on %s', (kind) => {
  test('two imports run at once end as if one had run after the other', async () => {
    const word = uniqueWord();
    const shared = generatedArticles(3000, `Race ${word}`);
    const first = listingDocument(withText(shared, 'as the first editor wrote it'));
    const second = listingDocument([
      ...withText(shared, 'as the second editor wrote it'),
      ...generatedArticles(50, `Extra ${word}`),
    ]);
    const db = await database(kind);
    const expected = [];
    for (const order of [
      [first, second],
      [second, first],
    ]) {
      await emptyDatabase(db);
      for (const [i, text] of order.entries()) await importDocuments(db.pool, [source(`${i}.txt`, text ?? '')]);
      expected.push(await stored(db));
    }
    await emptyDatabase(db);
    const dir = writeDocuments({ 'first.txt': first, 'second.txt': second });

    const runs = await Promise.all([
      runSeed([path.join(dir, 'first.txt')], childEnv(db)),
      runSeed([path.join(dir, 'second.txt')], childEnv(db)),
    ]);

    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expect(runs.map((run) => run.stderr).join('')).not.toMatch(/deadlock|duplicate key|violates|Prisma|error/i);
    expect(expected).toContainEqual(await stored(db));
  });

  test("readers get an article's stored text while an import's transaction is open, without waiting for it", async () => {
    const db = await database(kind);
    const word = uniqueWord();
    const articles = generatedArticles(30_000, `Busy ${word}`);
    await importDocuments(db.pool, [source('busy.txt', listingDocument(articles))]);
    const slug = (await db.prisma.article.findFirstOrThrow({ select: { slug: true } })).slug;
    const observer = new pg.Client({ connectionString: db.url });
    await observer.connect();
    cleanups.push(() => observer.end());
    const importWriting = async () =>
      (
        await observer.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE application_name = 'newsroom-import' AND state <> 'idle'
              AND (query LIKE 'UPDATE articles%' OR query LIKE 'INSERT INTO articles%')`,
        )
      ).rows[0]?.n === 1;

    // Each attempt rewrites every article; it counts once a read began and ended inside the transaction.
    let readInside: Awaited<ReturnType<typeof loadArticle>> | undefined;
    let before: Awaited<ReturnType<typeof loadArticle>> | undefined;
    for (let attempt = 1; attempt <= 5 && readInside === undefined; attempt++) {
      before = await loadArticle(db.prisma, slug);
      const dir = writeDocuments({ 'busy.txt': listingDocument(withText(articles, `revision ${attempt}`)) });
      const seed = startSeed([path.join(dir, 'busy.txt')], childEnv(db));
      cleanups.push(() => seed.child.kill('SIGKILL'));
      let finished = false;
      void seed.done.then(() => (finished = true));
      while (!finished && readInside === undefined) {
        if (!(await importWriting())) continue;
        const read = await loadArticle(db.prisma, slug);
        if (await importWriting()) readInside = read;
      }
      expect((await seed.done).code).toBe(0);
    }

    expect(readInside).toEqual(before);
    expect(readInside?.slug).toBe(slug);
  });
});
