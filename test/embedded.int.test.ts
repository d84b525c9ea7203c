import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createPrismaClient } from '@/lib/db/client';
import { EmbeddedDatabaseBusyError, openEmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { readDocuments } from '@/lib/documents/read';
import { importDocuments } from '@/lib/importer/import-documents';
import { loadArticle, loadLatestArticles } from '@/lib/queries/loaders';
import { childEnv, createTestDatabase, makeTempDir, type TestDatabase } from './support/database';
import {
  generatedArticles,
  listingDocument,
  REFERENCE_FILE,
  REFERENCE_HEADLINES,
  uniqueWord,
} from './support/documents';
import { makeEmbeddedDataDir } from './support/embedded-data-dir';
import { startEmbeddedHolder } from './support/embedded-holder';
import { runSeed } from './support/cli';

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function testDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase('embedded');
  cleanups.push(() => db.drop());
  return db;
}

function lockHolder(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, 'embedded.lock'), 'utf8'));
}

describe('the embedded database', () => {
  test('a second process connects to the server the first one opened instead of opening the files', async () => {
    const db = await testDatabase();
    const dataDir = db.dataDir ?? '';
    const served = fs.readFileSync(path.join(dataDir, 'embedded.json'), 'utf8');

    const run = await runSeed([REFERENCE_FILE], childEnv(db));

    expect(run.code).toBe(0);
    expect((await loadLatestArticles(db.prisma, 50)).map((a) => a.headline)).toEqual(REFERENCE_HEADLINES);
    expect(lockHolder(dataDir)).toBe(process.pid);
    expect(fs.readFileSync(path.join(dataDir, 'embedded.json'), 'utf8')).toBe(served);
  });

  test('the lock of a killed process is taken over, and the data it held is all there', async () => {
    const dataDir = await makeEmbeddedDataDir();
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const holder = await startEmbeddedHolder(dataDir);
    cleanups.push(() => holder.child.kill('SIGKILL'));
    const client = createPrismaClient({ url: holder.url, embedded: true });
    await migrate(holder.url);
    await importDocuments(client, await readDocuments([REFERENCE_FILE]));
    await client.$disconnect();

    holder.child.kill('SIGKILL');
    await holder.exited;
    expect(lockHolder(dataDir)).toBe(holder.pid);
    const taken = await openEmbeddedDatabase(dataDir);
    cleanups.push(() => taken.close());

    expect(taken.owner).toBe(true);
    expect(lockHolder(dataDir)).toBe(process.pid);
    const prisma = createPrismaClient({ url: taken.url, embedded: true });
    cleanups.push(() => prisma.$disconnect());
    expect((await loadLatestArticles(prisma, 50)).map((a) => a.headline)).toEqual(REFERENCE_HEADLINES);
  });

  test('a holder stopped with SIGTERM closes the database and leaves no lock behind', async () => {
    const dataDir = await makeEmbeddedDataDir();
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const holder = await startEmbeddedHolder(dataDir);
    cleanups.push(() => holder.child.kill('SIGKILL'));

    holder.child.kill('SIGTERM');

    expect(await holder.exited).toEqual({ code: 143, signal: null });
    expect(fs.existsSync(path.join(dataDir, 'embedded.lock'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'embedded.json'))).toBe(false);
  });

  test('when the holder of the lock is alive but serves nothing, the error names the process and the folder', async () => {
    const dataDir = makeTempDir('embedded-busy');
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    cleanups.push(() => sleeper.kill('SIGKILL'));
    fs.writeFileSync(path.join(dataDir, 'embedded.lock'), String(sleeper.pid));

    const opening = openEmbeddedDatabase(dataDir, { waitForServerMs: 500 });

    await expect(opening).rejects.toBeInstanceOf(EmbeddedDatabaseBusyError);
    await expect(opening).rejects.toThrow(
      `The embedded database in ${dataDir} is held by process ${sleeper.pid}, which is not serving it.`,
    );
    expect(fs.existsSync(path.join(dataDir, 'pgdata'))).toBe(false);
  });

  test('many concurrent queries from two clients each get their own rows', async () => {
    const db = await testDatabase();
    const word = uniqueWord();
    const stored = generatedArticles(50, `Crowd ${word}`);
    await importDocuments(db.prisma, [{ file: 'crowd.txt', bytes: Buffer.from(listingDocument(stored)) }]);
    const slugs = (await loadLatestArticles(db.prisma, 50)).map((a) => a.slug);
    expect(slugs).toHaveLength(50);
    // Several connections on purpose: the server must keep their statements apart.
    const reader = createPrismaClient({ url: db.url, embedded: false });
    cleanups.push(() => reader.$disconnect());

    // Three kinds of read, told apart by their SQL: one article whole; one slug found among
    // thousands of decoys (a message big enough to arrive in pieces); the number of articles.
    const reads = Array.from({ length: 200 }, async (_, i): Promise<string | null> => {
      const slug = slugs[i % slugs.length] ?? '';
      if (i % 3 === 0) {
        const article = await loadArticle(reader, slug);
        const number = /(\d+)$/.exec(slug)?.[1];
        const expected = `The first paragraph of report ${number}, long enough to look like the start of a real article.`;
        return article?.slug === slug && article.body[0]?.text === expected ? null : `${slug} read as ${article?.slug}`;
      }
      if (i % 3 === 1) {
        const decoys = Array.from({ length: 3000 }, (_, d) => `decoy-${i}-${d}-of-a-long-list-of-slugs`);
        const found = await reader.article.findMany({
          where: { slug: { in: [...decoys, slug] } },
          select: { slug: true },
        });
        return found.length === 1 && found[0]?.slug === slug
          ? null
          : `${slug} among decoys found ${JSON.stringify(found)}`;
      }
      const count = await reader.article.count();
      // Each transaction below adds three articles: any other step is a transaction seen half done.
      return (count - 50) % 3 === 0 ? null : `counted ${count} articles, in the middle of a transaction`;
    });
    // One import-like writer: transactions one after another while the reads pour in.
    const writes = (async () => {
      const results: Array<Array<{ slug: string }>> = [];
      for (let k = 0; k < 20; k++) {
        results.push(
          await db.prisma.$transaction(
            async (tx) => {
              const section = await tx.section.create({ data: { slug: `burst-${k}`, name: `Burst ${k}` } });
              for (const n of [1, 2, 3]) {
                await tx.article.create({
                  data: {
                    slug: `burst-${k}-${n}`,
                    headline: `Burst ${k} number ${n}`,
                    sectionId: section.id,
                    body: [{ type: 'paragraph', text: `Burst ${k}, article ${n}.` }],
                    wordCount: 4,
                    publishedAt: new Date(),
                    updatedAt: new Date(),
                    contentHash: `${k}-${n}`,
                  },
                });
              }
              return tx.article.findMany({
                where: { sectionId: section.id },
                select: { slug: true },
                orderBy: { slug: 'asc' },
              });
            },
            // The reads hold the one backend too: waiting for it is expected, not a failure.
            { maxWait: 60_000, timeout: 60_000 },
          ),
        );
      }
      return results;
    })();
    const [readResults, writeResults] = await Promise.all([Promise.all(reads), writes]);

    expect(readResults.filter((problem) => problem !== null)).toEqual([]);
    writeResults.forEach((rows, k) =>
      expect(rows.map((row) => row.slug)).toEqual([`burst-${k}-1`, `burst-${k}-2`, `burst-${k}-3`]),
    );
    expect(await db.prisma.article.count()).toBe(50 + 20 * 3);
  });
});
