// The bench's import part: import speed of one large document, into each engine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openEmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { createPool } from '@/lib/db/pool';
import { readDocuments, type SourceDocument } from '@/lib/documents/read';
import { importDocuments } from '@/lib/importer/import-documents';
import { generateCorpus, postgresDatabase, rate, seconds, type BenchOptions } from './support';

/**
 * Import speed: one document of BIG_IMPORT articles, into each engine, without newsroom lines and
 * with them (a date line, a byline from 500 authors, 1–4 tags from 2,000, on every article): the
 * lines may cost at most a tenth of the speed (goal: a ratio of at least 0.9).
 */
export async function benchImport(work: string, options: BenchOptions) {
  const BIG_IMPORT = options.bigImport;
  const corpora = [
    { label: 'plain', newsroom: false },
    { label: 'with newsroom lines', newsroom: true },
  ] as const;
  const timings: Record<string, number[]> = {};
  for (const engine of ['embedded PostgreSQL', 'PostgreSQL server'] as const) {
    for (const { label, newsroom } of corpora) {
      const bigCorpus = path.join(work, 'big');
      generateCorpus(bigCorpus, { first: 1_000_000, count: BIG_IMPORT, perDocument: BIG_IMPORT, newsroom });
      const bigSources = await readDocuments([bigCorpus]);
      fs.rmSync(bigCorpus, { recursive: true, force: true });
      const bigMegabytes = bigSources.reduce((sum, s) => sum + s.bytes.byteLength, 0) / 1024 / 1024;
      console.log(
        `import corpus (${label}): ${BIG_IMPORT.toLocaleString('en')} articles in one document, ${bigMegabytes.toFixed(0)} MiB`,
      );
      const ms = await withEngine(engine, work, (url) => timeImport(`${engine}, ${label}`, url, bigSources));
      (timings[engine] ??= []).push(ms);
    }
    const [plainMs = NaN, newsroomMs = NaN] = timings[engine]!;
    const ratio = plainMs / newsroomMs;
    console.log(
      `import, ${engine}: speed with newsroom lines / without = ${ratio.toFixed(2)} (goal ≥ 0.90${ratio >= 0.9 ? ', met' : ', NOT met'})`,
    );
  }
}

/** Runs `work` against a fresh, empty database of the engine, dropped after. */
async function withEngine<T>(engine: string, work: string, run: (url: string) => Promise<T>): Promise<T> {
  if (engine === 'embedded PostgreSQL') {
    const bigData = path.join(work, 'big-data');
    const bigEmbedded = await openEmbeddedDatabase(bigData);
    try {
      return await run(bigEmbedded.url);
    } finally {
      await bigEmbedded.close();
      fs.rmSync(bigData, { recursive: true, force: true });
    }
  }
  const bigPostgres = await postgresDatabase('import');
  try {
    return await run(bigPostgres.url);
  } finally {
    await bigPostgres.drop();
  }
}

/**
 * Times a first import of `sources` into an empty database, then an unchanged re-import (parse
 * included); gives the first import's time.
 */
async function timeImport(label: string, url: string, sources: SourceDocument[]): Promise<number> {
  await migrate(url);
  const pool = createPool(url, 'import');
  try {
    let start = performance.now();
    const first = await importDocuments(pool, sources);
    const firstMs = performance.now() - start;
    start = performance.now();
    const second = await importDocuments(pool, sources);
    const secondMs = performance.now() - start;
    console.log(
      `import, ${label}: first load ${first.totals.created.toLocaleString('en')} articles in ${seconds(firstMs)} (${rate(first.totals.created, firstMs)}); ` +
        `re-import ${second.totals.unchanged.toLocaleString('en')} unchanged in ${seconds(secondMs)} (${rate(second.totals.unchanged, secondMs)})`,
    );
    // What the import's largest cost is by itself: PostgreSQL parsing articles' text into search
    // words, on one backend (no parallel workers), for 10,000 of the stored articles. (The
    // bench's own measuring SQL: no page reads this, so it is no loader of lib/queries.)
    const sample = 10_000;
    const client = await pool.connect();
    try {
      await client.query('SET max_parallel_workers_per_gather = 0');
      start = performance.now();
      await client.query(
        `SELECT sum(length(article_search_vector(headline, body, dateline_place)))
           FROM (SELECT headline, body, dateline_place FROM articles LIMIT ${sample}) a`,
      );
      const vectorMs = performance.now() - start;
      const perArticle = (vectorMs / sample) * 1000;
      console.log(
        `import, ${label}: search vectors alone ${perArticle.toFixed(0)} µs an article on one backend ` +
          `(${seconds((perArticle * first.totals.created) / 1000)} of CPU for this load, ` +
          `${seconds((perArticle * first.totals.created) / 1000 / os.cpus().length)} over this machine's ${os.cpus().length} cores)`,
      );
    } finally {
      client.release();
    }
    return firstMs;
  } finally {
    await pool.end();
  }
}
