import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { currentUrl, openEmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { createPool } from '@/lib/db/pool';
import { readDocuments } from '@/lib/documents/read';
import { importDocuments } from '@/lib/importer/import-documents';
import { availableDatabaseKinds, childEnv, createTestDatabase, embeddedEnv } from './support/database';
import { makeEmbeddedDataDir } from './support/embedded-data-dir';
import { generatedArticles, listingDocument, REFERENCE_FILE, writeDocuments } from './support/documents';
import { startSeed } from './support/cli';
import { writingUncommittedRows } from './support/transactions';

const kinds = await availableDatabaseKinds();

/** One document big enough that loading it takes a moment, so the kill lands inside its transaction. */
const ARTICLES = 30_000;

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

/**
 * Starts the import of the bulk document in a process group of its own and SIGKILLs the
 * whole group (the import and any server it started) once `inTransaction` says its
 * transaction is writing.
 */
async function killImportMidTransaction(env: NodeJS.ProcessEnv, inTransaction: () => Promise<boolean>) {
  const seed = startSeed([bulkDocument], env, { ownGroup: true });
  const killGroup = () => {
    try {
      process.kill(-(seed.child.pid ?? 0), 'SIGKILL');
    } catch {
      // already gone
    }
  };
  cleanups.push(killGroup);
  let finished = false;
  void seed.done.then(() => (finished = true));
  while (!finished) {
    if (await inTransaction()) {
      killGroup();
      break;
    }
    await sleep(20);
  }
  const run = await seed.done;
  expect(run.signal, `the import ended before its transaction was seen:\n${run.stdout}${run.stderr}`).toBe('SIGKILL');
}

async function storedCounts(prisma: PrismaClient) {
  return { sections: await prisma.section.count(), articles: await prisma.article.count() };
}

const NOTHING = { sections: 0, articles: 0 };
const EVERYTHING = { sections: 1, articles: ARTICLES };

describe('an import killed mid-transaction on the embedded database', () => {
  test('that it started itself leaves all or nothing, and the next process starts the server again', async () => {
    const dataDir = await makeEmbeddedDataDir();
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    // The killed import started the server and the database before it wrote: its URL comes from that server.
    const { url: knownUrl } = await openEmbeddedDatabase(dataDir).then(async (db) => {
      await migrate(db.url);
      await db.close();
      return db;
    });
    const serverUrl = () =>
      fs.existsSync(path.join(dataDir, 'pgdata', 'postmaster.pid')) ? currentUrl(dataDir) : null;

    await killImportMidTransaction(embeddedEnv(dataDir), writingUncommittedRows(serverUrl, cleanups));

    // The whole group died: the server's postmaster.pid is left behind, stale.
    expect(fs.existsSync(path.join(dataDir, 'pgdata', 'postmaster.pid'))).toBe(true);
    const taken = await openEmbeddedDatabase(dataDir);
    cleanups.push(() => taken.close());
    expect(taken.owner).toBe(true);
    expect(new URL(taken.url).password).toBe(new URL(knownUrl).password);
    const prisma = createPrismaClient(taken.url);
    const pool = createPool(taken.url, 'import');
    cleanups.push(() => prisma.$disconnect());
    cleanups.push(() => pool.end());
    expect([NOTHING, EVERYTHING]).toContainEqual(await storedCounts(prisma));
    const rerun = await importDocuments(pool, await readDocuments([bulkDocument]));
    expect(rerun.totals.created + rerun.totals.unchanged).toBe(ARTICLES);
    expect(await storedCounts(prisma)).toEqual(EVERYTHING);
  });
});

describe.each(kinds)('an import killed mid-transaction (%s), while another process serves the database', (kind) => {
  test('leaves all or nothing, though it had written rows, and the server goes on serving', async () => {
    const db = await createTestDatabase(kind);
    cleanups.push(() => db.drop());

    await killImportMidTransaction(
      childEnv(db),
      writingUncommittedRows(() => db.url, cleanups),
    );

    const observer = new pg.Client({ connectionString: db.url });
    await observer.connect();
    cleanups.push(() => observer.end());
    const others = async () =>
      (
        await observer.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'newsroom-import'`,
        )
      ).rows[0]?.n;
    await expect.poll(others, { timeout: 10_000 }).toBe(0);
    expect([NOTHING, EVERYTHING]).toContainEqual(await storedCounts(db.prisma));
    const after = await importDocuments(db.pool, await readDocuments([REFERENCE_FILE]));
    expect(after.totals.created).toBe(3);
  });
});
