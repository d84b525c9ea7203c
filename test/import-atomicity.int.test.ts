import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { openEmbeddedDatabase } from '@/lib/db/embedded';
import { readDocuments } from '@/lib/documents/read';
import { importDocuments } from '@/lib/importer/import-documents';
import { availableDatabaseKinds, childEnv, createTestDatabase, embeddedEnv } from './support/database';
import { makeEmbeddedDataDir } from './support/embedded-data-dir';
import { generatedArticles, listingDocument, REFERENCE_FILE, writeDocuments } from './support/documents';
import { startSeed } from './support/cli';

const kinds = await availableDatabaseKinds();

/** One document big enough that loading it takes a moment, so the kill lands inside its transaction. */
const ARTICLES = 4000;
// A unit of work on the embedded server that holds its one backend this long can only be the import's transaction.
const BUSY_MS = 300;

let bulkDocument: string;
beforeAll(() => {
  bulkDocument = path.join(
    writeDocuments({ 'bulk.txt': listingDocument(generatedArticles(ARTICLES, 'Bulk')) }),
    'bulk.txt',
  );
});

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the import of the bulk document and SIGKILLs it once `inTransaction` says its transaction is open. */
async function killImportMidTransaction(env: NodeJS.ProcessEnv, inTransaction: () => Promise<boolean>) {
  const seed = startSeed([bulkDocument], env);
  cleanups.push(() => seed.child.kill('SIGKILL'));
  let finished = false;
  void seed.done.then(() => (finished = true));
  while (!finished) {
    if (await inTransaction()) {
      seed.child.kill('SIGKILL');
      break;
    }
    await sleep(20);
  }
  const run = await seed.done;
  expect(run.signal, `the import ended before its transaction was seen:\n${run.stdout}${run.stderr}`).toBe('SIGKILL');
}

/**
 * True once a connection to the embedded server at `url` has seen the articles table and
 * then had to wait BUSY_MS for the server's one backend: another client holds it in a transaction.
 */
function embeddedBusyProbe(url: () => string | null) {
  let client: pg.Client | null = null;
  let sawTable = false;
  let pending: Promise<'answered' | 'failed'> | null = null;
  const probe = async (): Promise<boolean> => {
    const target = url();
    if (!target) return false;
    if (!client) {
      const connecting = new pg.Client({ connectionString: target });
      connecting.on('error', () => undefined);
      cleanups.push(() => connecting.end().catch(() => undefined));
      if (
        !(await connecting.connect().then(
          () => true,
          () => false,
        ))
      )
        return false;
      client = connecting;
    }
    pending ??= client.query('SELECT count(*) FROM articles').then(
      () => 'answered' as const,
      () => 'failed' as const,
    );
    const outcome = await Promise.race([pending, sleep(BUSY_MS).then(() => 'busy' as const)]);
    if (outcome === 'busy') return sawTable;
    pending = null;
    if (outcome === 'answered') sawTable = true;
    return false;
  };
  return probe;
}

async function storedCounts(prisma: PrismaClient) {
  return { sections: await prisma.section.count(), articles: await prisma.article.count() };
}

const NOTHING = { sections: 0, articles: 0 };
const EVERYTHING = { sections: 1, articles: ARTICLES };

describe.runIf(kinds.includes('embedded'))('an import killed mid-transaction on the embedded database', () => {
  test('that it opened itself leaves all or nothing, and the next process takes the data directory over', async () => {
    const dataDir = await makeEmbeddedDataDir();
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const serverUrl = () => {
      try {
        const { port } = JSON.parse(fs.readFileSync(path.join(dataDir, 'embedded.json'), 'utf8')) as { port: number };
        return `postgresql://postgres@127.0.0.1:${port}/postgres`;
      } catch {
        return null;
      }
    };

    await killImportMidTransaction(embeddedEnv(dataDir), embeddedBusyProbe(serverUrl));

    const taken = await openEmbeddedDatabase(dataDir);
    cleanups.push(() => taken.close());
    expect(taken.owner).toBe(true);
    const prisma = createPrismaClient({ url: taken.url, embedded: true });
    cleanups.push(() => prisma.$disconnect());
    const counts = await storedCounts(prisma);
    expect([NOTHING, EVERYTHING]).toContainEqual(counts);
    const rerun = await importDocuments(prisma, await readDocuments([bulkDocument]));
    expect(rerun.totals.created + rerun.totals.unchanged).toBe(ARTICLES);
    expect(await storedCounts(prisma)).toEqual(EVERYTHING);
  });

  test('served by another process (the site) leaves all or nothing, and the server goes on serving', async () => {
    const db = await createTestDatabase('embedded');
    cleanups.push(() => db.drop());

    await killImportMidTransaction(
      childEnv(db),
      embeddedBusyProbe(() => db.url),
    );

    expect([NOTHING, EVERYTHING]).toContainEqual(await storedCounts(db.prisma));
    const after = await importDocuments(db.prisma, await readDocuments([REFERENCE_FILE]));
    expect(after.totals.created).toBe(3);
  });
});

describe.runIf(kinds.includes('postgres'))('an import killed mid-transaction on PostgreSQL', () => {
  test('leaves all or nothing, though it had written rows', async () => {
    const db = await createTestDatabase('postgres');
    cleanups.push(() => db.drop());
    const observer = new pg.Client({ connectionString: db.url });
    await observer.connect();
    cleanups.push(() => observer.end());
    // Rows of an open transaction are invisible to others, but the pages they take are not.
    const writingUncommittedRows = async () => {
      const { rows } = await observer.query<{ writing: boolean }>(
        `SELECT pg_relation_size('articles') > 0 AND EXISTS (
           SELECT 1 FROM pg_stat_activity
           WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()
         ) AS writing`,
      );
      return rows[0]?.writing === true;
    };

    await killImportMidTransaction(childEnv(db), writingUncommittedRows);

    const others = async () =>
      (
        await observer.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        )
      ).rows[0]?.n;
    await expect.poll(others, { timeout: 10_000 }).toBe(0);
    expect([NOTHING, EVERYTHING]).toContainEqual(await storedCounts(db.prisma));
  });
});
