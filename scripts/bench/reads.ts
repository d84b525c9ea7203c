// The bench's reads part: readers of a running site while the editor imports, on each engine.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPrismaClient } from '@/lib/db/client';
import { openEmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { createPool } from '@/lib/db/pool';
import { readDocuments } from '@/lib/documents/read';
import { importDocuments } from '@/lib/importer/import-documents';
import { loadFeedTotal } from '@/lib/queries/loaders';
import { loadSitemapArticles } from '@/lib/queries/sitemap-loaders';
import { waitFor } from '../floor-app';
import {
  generateCorpus,
  percentile,
  postgresDatabase,
  root,
  seconds,
  startSite,
  stopSite,
  type BenchOptions,
} from './support';
import { benchPort, readyOrFailed, startProcess } from './processes';

/** Readers while the editor imports, on each engine. */
export async function benchReadsDuringImport(work: string, corpus: string, options: BenchOptions) {
  const during = path.join(work, 'during');
  const count = options.duringImport;
  generateCorpus(during, { first: 2_000_000, count, perDocument: count });
  const duringFile = path.join(during, fs.readdirSync(during)[0] ?? '');
  const readsData = path.join(work, 'reads-data');
  await timeReadsDuringImport(
    'embedded PostgreSQL',
    { DATA_DIR: readsData, DATABASE_URL: '' },
    () => openEmbeddedDatabase(readsData),
    corpus,
    duringFile,
    count,
  );
  const readsPostgres = await postgresDatabase('reads');
  try {
    await timeReadsDuringImport(
      'PostgreSQL server',
      { DATABASE_URL: readsPostgres.url, DATA_DIR: path.join(work, 'reads-pg-site') },
      async () => ({ url: readsPostgres.url, close: async () => {} }),
      corpus,
      duringFile,
      count,
    );
  } finally {
    await readsPostgres.drop();
  }
}

/**
 * A running site holding the corpus; a large import starts; every half second a reader
 * asks for an article page nobody has asked for yet. Prints the readers' slowest and median wait.
 */
async function timeReadsDuringImport(
  label: string,
  env: Record<string, string>,
  database: () => Promise<{ url: string; close: () => Promise<void> }>,
  corpus: string,
  big: string,
  /** Articles of `big`. */
  bigCount: number,
) {
  const db = await database();
  const slugs: string[] = [];
  try {
    await migrate(db.url);
    const pool = createPool(db.url, 'import');
    try {
      await importDocuments(pool, await readDocuments([corpus]));
      // Every article's address, as the sitemaps list them, in an order of chance.
      const prisma = createPrismaClient(db.url);
      try {
        const articles = await loadSitemapArticles(prisma, 0, (await loadFeedTotal(prisma)) ?? 0);
        slugs.push(...shuffled(articles.map((article) => `${article.sectionSlug}/${article.slug}`)));
      } finally {
        await prisma.$disconnect();
      }
    } finally {
      await pool.end();
    }
  } finally {
    await db.close();
  }
  const port = benchPort(3951);
  const server = startSite(port, env);
  try {
    const base = `http://127.0.0.1:${port}`;
    await readyOrFailed(server, waitFor(`${base}/`, 300_000));
    const seed = startProcess(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', big], {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let seedOutput = '';
    seed.stdout?.on('data', (chunk: Buffer) => (seedOutput += chunk.toString()));
    const seeded = new Promise<number | null>((resolve) => seed.once('exit', (code) => resolve(code)));
    const importStart = performance.now();
    let importMs = 0;
    void seeded.then(() => (importMs = performance.now() - importStart));
    const waits: Promise<number>[] = [];
    for (let i = 0; importMs === 0 && i < slugs.length; i++) {
      const started = performance.now();
      waits.push(
        fetch(`${base}/${slugs[i]}`).then(async (response) => {
          await response.arrayBuffer();
          if (!response.ok) throw new Error(`/${slugs[i]} answered ${response.status}`);
          return performance.now() - started;
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const code = await seeded;
    if (code !== 0) throw new Error(`the import during reads failed (${code}): ${seedOutput}`);
    const times = (await Promise.all(waits)).sort((a, b) => a - b);
    console.log(
      `reads during a ${bigCount.toLocaleString('en')}-article import, ${label}: ${times.length} uncached article pages ` +
        `while it ran (${seconds(importMs)}), median ${percentile(times, 50).toFixed(0)} ms, slowest ${(times.at(-1) ?? NaN).toFixed(0)} ms`,
    );
  } finally {
    await stopSite(server);
  }
}

/** The items in an order of chance (Fisher–Yates). */
function shuffled<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
