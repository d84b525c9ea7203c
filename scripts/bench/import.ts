// The bench's import part: import speed of one large document, into each engine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openEmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import type pg from 'pg';
import { createPool } from '@/lib/db/pool';
import type { SourceDocument } from '@/lib/documents/read';
import { importDocuments } from '@/lib/importer/import-documents';
import { generateCorpus, postgresDatabase, rate, seconds, type BenchOptions } from './support';

/** Rounds of each corpus per engine, taking turns; the fastest of each is compared (the machine is shared and noisy). */
const IMPORT_ROUNDS = 2;

/**
 * Import speed: one document of BIG_IMPORT articles, into each engine, without newsroom lines and
 * with them (a date line, a byline from 500 authors, 1–4 tags from 2,000, on every article): the
 * lines may cost at most a tenth of the speed (goal: a ratio of at least 0.9). The two corpora take
 * turns, IMPORT_ROUNDS times each, into a fresh database each time; the fastest of each counts.
 */
export async function benchImport(work: string, options: BenchOptions) {
  const BIG_IMPORT = options.bigImport;
  const corpora = [
    { label: 'plain', newsroom: false },
    { label: 'with newsroom lines', newsroom: true },
  ].map(({ label, newsroom }) => {
    const dir = path.join(work, 'big');
    generateCorpus(dir, { first: 1_000_000, count: BIG_IMPORT, perDocument: BIG_IMPORT, newsroom });
    const bytes = fs.readFileSync(path.join(dir, '0000.txt'));
    fs.rmSync(dir, { recursive: true, force: true });
    console.log(
      `import corpus (${label}): ${BIG_IMPORT.toLocaleString('en')} articles in one document, ${(bytes.byteLength / 1024 / 1024).toFixed(0)} MiB`,
    );
    return { label, sources: [{ file: '0000.txt', bytes }] as SourceDocument[] };
  });
  for (const engine of ['embedded PostgreSQL', 'PostgreSQL server'] as const) {
    const fastest = corpora.map(() => ({ ms: Infinity, cpuMs: Infinity }));
    for (let round = 0; round < IMPORT_ROUNDS; round++) {
      for (const [i, { label, sources }] of corpora.entries()) {
        const timing = await withEngine(engine, work, (url) => timeImport(`${engine}, ${label}`, url, sources));
        fastest[i] = { ms: Math.min(fastest[i]!.ms, timing.ms), cpuMs: Math.min(fastest[i]!.cpuMs, timing.cpuMs) };
      }
    }
    const [plain, newsroom] = fastest as [ImportTiming, ImportTiming];
    const ratio = plain.cpuMs / newsroom.cpuMs;
    console.log(
      `import, ${engine}: speed with newsroom lines / without = ${ratio.toFixed(2)} in CPU time ` +
        `(${seconds(newsroom.cpuMs)} against ${seconds(plain.cpuMs)}; goal ≥ 0.90, ${ratio >= 0.9 ? 'met' : 'NOT met'}), ` +
        `${(plain.ms / newsroom.ms).toFixed(2)} in wall-clock time (${seconds(newsroom.ms)} against ${seconds(plain.ms)}); fastest of ${IMPORT_ROUNDS} each`,
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

/** An import of `sources` through `pool`: its report, wall-clock time and CPU time (CpuMeter). */
export async function meteredImport(pool: pg.Pool, sources: SourceDocument[]) {
  const cpu = new CpuMeter(pool);
  const start = performance.now();
  const report = await importDocuments(pool, sources);
  const ms = performance.now() - start;
  const used = cpu.stop();
  return { report, ms, used, cpuMs: used.own + used.backends };
}

/**
 * Times a first import of `sources` into an empty database, then an unchanged re-import (parse
 * included); gives the first import's time.
 */
async function timeImport(label: string, url: string, sources: SourceDocument[]): Promise<ImportTiming> {
  await migrate(url);
  const pool = createPool(url, 'import');
  try {
    const { report: first, ms: firstMs, used, cpuMs } = await meteredImport(pool, sources);
    let start = performance.now();
    const second = await importDocuments(pool, sources);
    const secondMs = performance.now() - start;
    console.log(
      `import, ${label}: first load ${first.totals.created.toLocaleString('en')} articles in ${seconds(firstMs)} (${rate(first.totals.created, firstMs)}; ${seconds(cpuMs)} of CPU, ${seconds(used.own)} of it here); ` +
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
        `SELECT sum(length(article_search_vector(headline, body, dateline_place, language)))
           FROM (SELECT headline, body, dateline_place, language FROM articles LIMIT ${sample}) a`,
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
    return { ms: firstMs, cpuMs };
  } finally {
    await pool.end();
  }
}

interface ImportTiming {
  /** The first load's wall-clock time. */
  ms: number;
  /** The CPU time it took: this process's and its PostgreSQL backends' (CpuMeter). */
  cpuMs: number;
}

/** Clock ticks a second in /proc/<pid>/stat (Linux's USER_HZ). */
const TICKS_PER_SECOND = 100;

/** A process's user and system CPU time so far, in ms, from /proc (null: gone, or not Linux). */
function processCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * The CPU time an import takes, from now until `stop`: this process's (reading and planning) and
 * that of each PostgreSQL backend the pool connects to (writes, search vectors, indexes; the
 * server is on this machine). On a machine shared with other work, wall-clock time measures the
 * others too; CPU time is the import's own.
 */
class CpuMeter {
  private readonly start = process.cpuUsage();
  /** Each backend's CPU time when first seen, and when last read. */
  private readonly backends = new Map<number, { first: number; last: number }>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pool: pg.Pool) {
    pool.on('connect', this.track);
    this.timer = setInterval(() => this.read(), 100);
  }

  private readonly track = (client: pg.PoolClient) => {
    const pid = (client as unknown as { processID: number | null }).processID;
    const now = pid === null ? null : processCpuMs(pid);
    if (pid !== null && now !== null) this.backends.set(pid, { first: now, last: now });
  };

  private read(): void {
    for (const [pid, times] of this.backends) times.last = processCpuMs(pid) ?? times.last;
  }

  /** The CPU time since the meter started, in ms: this process's and the backends'. */
  stop(): { own: number; backends: number } {
    clearInterval(this.timer);
    this.read();
    this.pool.off('connect', this.track);
    const own = process.cpuUsage(this.start);
    let backends = 0;
    for (const { first, last } of this.backends.values()) backends += last - first;
    return { own: (own.user + own.system) / 1000, backends };
  }
}
