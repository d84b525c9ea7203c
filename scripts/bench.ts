// npm run bench: prints import and page-serving figures for a generated corpus.
// Figures, not assertions: machines here are shared and noisy, so compare ratios within one run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { openEmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { createPool } from '@/lib/db/pool';
import { parseListingDocument } from '@/lib/documents/parse';
import { readDocuments, type SourceDocument } from '@/lib/documents/read';
import { importDocuments } from '@/lib/importer/import-documents';
import { signNotice } from '@/lib/revalidate-notice';
import { createClient } from '@redis/client';
import { createPrismaClient } from '@/lib/db/client';
import { loadSearchResults } from '@/lib/queries/search';
import { fuzzRequests } from '../test/support/fuzz';
import {
  buildFileAddress,
  madeUpAddressKinds,
  residentMb,
  sendMadeUp,
  siteServerPid,
} from '../test/support/made-up-addresses';
import { build } from './build';
import { buildIsCurrent, clearPageCaches, distDir } from './build-stamp';
import { startFloorApp, waitFor } from './floor-app';
import { NGINX_BINARY, nginxArgs } from './nginx-recipe';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    'per-document': { type: 'string', default: '100' },
    requests: { type: 'string', default: '200' },
    'big-import': { type: 'string', default: '100000' },
    'during-import': { type: 'string', default: '60000' },
    /** Which parts to run: any of import, reads, pages, uncached, search, scale (comma-separated). */
    parts: { type: 'string', default: 'import,reads,pages,uncached,search,scale' },
    /** Queries timed per kind and archive size in the search part. */
    'search-samples': { type: 'string', default: '200' },
    /** Seconds of load per page kind in the throughput runs. */
    duration: { type: 'string', default: '5' },
    /** Seconds of the 200-client spike. */
    'spike-seconds': { type: 'string', default: '30' },
    /** Rounds of the throughput runs (the median is printed). */
    rounds: { type: 'string', default: '3' },
  },
});
const PARTS = new Set(values.parts.split(','));
const DURATION = Number(values.duration);
const ROUNDS = Number(values.rounds);
const SPIKE_SECONDS = Number(values['spike-seconds']);
const ARTICLES = Number(values.articles);
const PER_DOCUMENT = Number(values['per-document']);
const REQUESTS = Number(values.requests);
/** Articles in the one-document corpus whose import speed is measured. */
const BIG_IMPORT = Number(values['big-import']);
/** Articles of the import that runs while readers ask for pages. */
const DURING_IMPORT = Number(values['during-import']);
const SEARCH_SAMPLES = Number(values['search-samples']);
const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

const WORDS =
  'the minister said talks would resume after a week of strikes across the northern provinces while officials in the capital counted votes'.split(
    ' ',
  );
const sentence = (seed: number, length: number) =>
  Array.from({ length }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]).join(' ');
/**
 * Words the short list above lacks: each of RARE_WORDS made-up names (`kabedo`, `kabefu`, …) is
 * in 2 articles of every RARE_WORDS, and each pair `rareWord(k) rareWord(k + 1)` in 1 (the sentence
 * of article n names rareWord(n) and rareWord(n + 1) side by side), so that search has words
 * and phrases that match well under 1% of the articles, as most readers' words do.
 */
const RARE_WORDS = 500;
const rareWord = (n: number) => {
  const k = n % RARE_WORDS;
  const syllable = (i: number) => 'bdfgklmnprstvz'[i % 14]! + 'aeiou'[Math.floor(i / 14) % 5]!;
  return syllable(k % 70) + syllable(Math.floor(k / 70) + 7) + syllable(k % 13);
};
const rareSentence = (n: number) => `The ${rareWord(n)} ${rareWord(n + 1)} inquiry heard from witnesses.`;

/** Writes `count` generated articles (numbered from `first`), `perDocument` to a document, into `dir`. */
function generateCorpus(dir: string, { first = 0, count = ARTICLES, perDocument = PER_DOCUMENT } = {}): void {
  fs.mkdirSync(dir, { recursive: true });
  const sections = ['World', 'Politics', 'Business', 'Science & Tech', 'Sport', 'Culture'];
  for (let doc = 0; doc * perDocument < count; doc++) {
    const blocks: string[] = [];
    for (let i = 0; i < perDocument && doc * perDocument + i < count; i++) {
      const n = first + doc * perDocument + i;
      const paragraphs = Array.from({ length: 8 }, (_, p) => `${sentence(n + p, 40)}.`);
      paragraphs.splice(4, 0, `Background ${n}`);
      paragraphs.splice(2, 0, rareSentence(n));
      blocks.push(
        `Generated report number ${n} on ${sentence(n, 6)}\n\n` +
          `London, Mar ${(n % 28) + 1} (Bench Wire) ${paragraphs.join('\n\n')}\n\n  • Published in ${sections[n % sections.length]}\n`,
      );
    }
    fs.writeFileSync(
      path.join(dir, `${String(doc).padStart(4, '0')}.txt`),
      `${blocks.join('\n')}Subscribe to this RSS feed\n`,
    );
  }
}

const rate = (count: number, ms: number) => `${Math.round((count / ms) * 1000).toLocaleString('en')}/s`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Times a first import of `sources` into an empty database, then an unchanged re-import (parse included). */
async function timeImport(label: string, url: string, sources: SourceDocument[]) {
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
    // words, on one backend (no parallel workers), for 10,000 of the stored articles.
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
  } finally {
    await pool.end();
  }
}

/** A fresh database on the PostgreSQL server: the bench compares both engines, so it needs one. */
async function postgresDatabase(purpose: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `the bench needs a PostgreSQL server at ${POSTGRES_ADMIN_URL} (TEST_POSTGRES_URL): ${(error as Error).message}`,
    );
  }
  const name = `newsroom_bench_${purpose}_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function timePages(baseUrl: string, paths: Record<string, string>) {
  for (const [label, pathname] of Object.entries(paths)) {
    const url = `${baseUrl}${pathname}`;
    const warm = await fetch(url); // also warms the cache
    if (!warm.ok) throw new Error(`${url} answered ${warm.status}`);
    await warm.arrayBuffer();
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const start = performance.now();
      const response = await fetch(url);
      bytes = (await response.arrayBuffer()).byteLength;
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const burstStart = performance.now();
    await Promise.all(Array.from({ length: 50 }, () => fetch(url).then((r) => r.arrayBuffer())));
    const burstMs = performance.now() - burstStart;
    console.log(
      `page ${label.padEnd(8)} ${pathname.padEnd(60)} p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, ` +
        `${(bytes / 1024).toFixed(1)} KiB HTML; 50 concurrent in ${burstMs.toFixed(0)} ms`,
    );
  }
}

/** Bytes of one answer as sent: raw, and as the server compresses it for `accept-encoding: gzip`. */
async function wireBytes(url: string): Promise<{ raw: number; gzip: number; body: string }> {
  const get = (headers: Record<string, string>) =>
    new Promise<Buffer>((resolve, reject) => {
      http
        .get(url, { headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve(Buffer.concat(chunks)));
        })
        .on('error', reject);
    });
  const raw = await get({});
  const gzip = await get({ 'accept-encoding': 'gzip' });
  return { raw: raw.byteLength, gzip: gzip.byteLength, body: raw.toString('utf8') };
}

/**
 * What an article weighs: its lite page beside its full page, one fetch each (no load):
 * the HTML alone, and with the build files (scripts, styles, fonts) the full page loads.
 */
async function pageWeights(base: string, article: string): Promise<void> {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const full = await wireBytes(`${base}${article}`);
  const lite = await wireBytes(`${base}/lite${article}`);
  const assets = [...new Set([...full.body.matchAll(/(?:href|src)="(\/_next\/static\/[^"?#]+)"/gu)].map((m) => m[1]))];
  let assetsRaw = 0;
  let assetsGzip = 0;
  for (const asset of assets) {
    const weight = await wireBytes(`${base}${asset}`);
    assetsRaw += weight.raw;
    assetsGzip += weight.gzip;
  }
  console.log(
    `article weight (${article}), one fetch each: lite ${kb(lite.raw)} raw, ${kb(lite.gzip)} gzip (no other file); ` +
      `full HTML ${kb(full.raw)} raw, ${kb(full.gzip)} gzip, with its ${assets.length} build files ${kb(full.raw + assetsRaw)} raw, ${kb(full.gzip + assetsGzip)} gzip`,
  );
}

function startSite(port: number, env: Record<string, string>) {
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function stopSite(server: ReturnType<typeof spawn>): Promise<void> {
  if (server.exitCode !== null) return;
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
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
) {
  const db = await database();
  const slugs: string[] = [];
  try {
    await migrate(db.url);
    const pool = createPool(db.url, 'import');
    try {
      await importDocuments(pool, await readDocuments([corpus]));
      const { rows } = await pool.query<{ path: string }>(
        `SELECT s.slug || '/' || a.slug AS path FROM articles a JOIN sections s ON s.id = a.section_id ORDER BY random()`,
      );
      slugs.push(...rows.map((row) => row.path));
    } finally {
      await pool.end();
    }
  } finally {
    await db.close();
  }
  const port = 3951;
  const server = startSite(port, env);
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/`, 300_000);
    const seed = spawn(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', big], {
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
      `reads during a ${DURING_IMPORT.toLocaleString('en')}-article import, ${label}: ${times.length} uncached article pages ` +
        `while it ran (${seconds(importMs)}), median ${percentile(times, 50).toFixed(0)} ms, slowest ${(times.at(-1) ?? NaN).toFixed(0)} ms`,
    );
  } finally {
    await stopSite(server);
  }
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'));
  fs.chmodSync(work, 0o711); // the embedded server's own user must reach its data folders inside
  try {
    const corpus = path.join(work, 'corpus');
    generateCorpus(corpus);
    const sources = await readDocuments([corpus]);
    const megabytes = sources.reduce((sum, s) => sum + s.bytes.byteLength, 0) / 1024 / 1024;
    console.log(
      `corpus: ${ARTICLES.toLocaleString('en')} articles in ${sources.length} documents, ${megabytes.toFixed(1)} MiB`,
    );

    const parseStart = performance.now();
    for (const source of sources) parseListingDocument(source.bytes);
    const parseMs = performance.now() - parseStart;
    console.log(
      `parse: ${seconds(parseMs)} (${rate(ARTICLES, parseMs)} articles, ${(megabytes / (parseMs / 1000)).toFixed(1)} MiB/s)`,
    );

    if (PARTS.has('import')) await benchImport(work);
    if (PARTS.has('reads')) await benchReadsDuringImport(work, corpus);
    if (PARTS.has('pages')) await benchPages(work, sources);
    if (PARTS.has('uncached')) await benchUncached(work);
    if (PARTS.has('search')) await benchSearch(work);
    if (PARTS.has('scale')) await benchScale(work, sources);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Import speed: one document of BIG_IMPORT articles, into each engine. */
async function benchImport(work: string) {
  const bigCorpus = path.join(work, 'big');
  generateCorpus(bigCorpus, { first: 1_000_000, count: BIG_IMPORT, perDocument: BIG_IMPORT });
  const bigSources = await readDocuments([bigCorpus]);
  const bigMegabytes = bigSources.reduce((sum, s) => sum + s.bytes.byteLength, 0) / 1024 / 1024;
  console.log(
    `import corpus: ${BIG_IMPORT.toLocaleString('en')} articles in one document, ${bigMegabytes.toFixed(0)} MiB`,
  );
  const bigData = path.join(work, 'big-data');
  const bigEmbedded = await openEmbeddedDatabase(bigData);
  try {
    await timeImport('embedded PostgreSQL', bigEmbedded.url, bigSources);
  } finally {
    await bigEmbedded.close();
    fs.rmSync(bigData, { recursive: true, force: true });
  }
  const bigPostgres = await postgresDatabase('import');
  try {
    await timeImport('PostgreSQL server', bigPostgres.url, bigSources);
  } finally {
    await bigPostgres.drop();
  }
  bigSources.length = 0;
  fs.rmSync(bigCorpus, { recursive: true, force: true });
}

/** Readers while the editor imports, on each engine. */
async function benchReadsDuringImport(work: string, corpus: string) {
  const during = path.join(work, 'during');
  generateCorpus(during, { first: 2_000_000, count: DURING_IMPORT, perDocument: DURING_IMPORT });
  const duringFile = path.join(during, fs.readdirSync(during)[0] ?? '');
  const readsData = path.join(work, 'reads-data');
  await timeReadsDuringImport(
    'embedded PostgreSQL',
    { DATA_DIR: readsData, DATABASE_URL: '' },
    () => openEmbeddedDatabase(readsData),
    corpus,
    duringFile,
  );
  const readsPostgres = await postgresDatabase('reads');
  try {
    await timeReadsDuringImport(
      'PostgreSQL server',
      { DATABASE_URL: readsPostgres.url, DATA_DIR: path.join(work, 'reads-pg-site') },
      async () => ({ url: readsPostgres.url, close: async () => {} }),
      corpus,
      duringFile,
    );
  } finally {
    await readsPostgres.drop();
  }
}

/** Page response times: an embedded database that holds the corpus, served by the production build. */
async function benchPages(work: string, sources: SourceDocument[]) {
  const dataDir = path.join(work, 'data');
  await loadEmbedded(dataDir, sources);
  const floor = await startFloorApp();
  const port = 3950;
  const server = startSite(port, { DATA_DIR: dataDir, DATABASE_URL: '' });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/`, 300_000);
    const sectionHtml = await (await fetch(`${base}/world`)).text();
    const article = /href="(\/world\/[a-z0-9-]+)"/u.exec(sectionHtml)?.[1];
    if (!article) throw new Error('no article link on /world');
    // World holds every sixth generated article: its last page is the deepest OFFSET.
    const lastPage = Math.ceil(Math.ceil(ARTICLES / 6) / 20);
    await timePages(base, {
      front: '/',
      section: '/world',
      'last page': `/world/page/${lastPage}`,
      article,
      feed: '/feed.xml',
    });
    await pageWeights(base, article);
    console.log(
      `warm pages under load (${DURATION} s each, 20 connections), beside a bare Next.js app serving one cached page of the same size (the floor) and a plain Node server sending the same bytes;\n` +
        `  the three take turns, ${ROUNDS} rounds, and each figure is the median round (the machine is shared: single runs swing by a third):`,
    );
    for (const [kind, pathname] of [
      ['article', article],
      ['section', '/world'],
      ['front', '/'],
    ] as const) {
      const page = Buffer.from(await (await fetch(`${base}${pathname}`)).arrayBuffer());
      const floorUrl = await floor.pageOfSize(page.byteLength);
      for (const [label, headers] of [
        ['uncompressed', {}],
        ['gzip/br', { 'accept-encoding': 'gzip, deflate, br' }],
      ] as const) {
        const [ours, framework, plain] = (await inTurns([
          () => load(`${base}${pathname}`, headers),
          () => load(floorUrl, headers),
          () => withStaticServer(page, (url) => load(url)),
        ])) as [Load, Load, Load];
        console.log(
          `  ${kind.padEnd(8)} ${(page.byteLength / 1024).toFixed(1)} KiB, ${label.padEnd(12)}: ${describe(ours)}; floor ${describe(framework)}; static (uncompressed) ${describe(plain)}; ` +
            `ratio to floor ${(ours.rps / framework.rps).toFixed(2)}, to static ${(ours.rps / plain.rps).toFixed(2)}`,
        );
      }
    }
    console.log(
      'client JavaScript each page loads (the scripts its HTML names; uncompressed, and as sent to a browser that accepts Brotli):',
    );
    const floorPage = await floor.pageOfSize(40_000);
    for (const [kind, url] of [
      ['front', `${base}/`],
      ['section', `${base}/world`],
      ['article', `${base}${article}`],
      ['floor', floorPage],
    ] as const) {
      const js = await clientJavaScript(url);
      console.log(
        `  ${kind.padEnd(8)} ${js.files} files, ${(js.raw / 1024).toFixed(1)} KiB, ${(js.sent / 1024).toFixed(1)} KiB sent`,
      );
    }
    const serverPid = server.pid === undefined ? undefined : siteServerPid(server.pid);
    const rss = () => (serverPid === undefined ? 'unknown' : `${residentMb(serverPid).toFixed(0)} MB`);
    const rssBefore = rss();
    await spike(base, [article, '/world', '/']);
    const rssSpike = rss();
    await fuzzTimes(base);
    const rssFuzz = rss();
    await madeUpAddresses(base, article);
    console.log(
      `server RSS: ${rssBefore} before the spike, ${rssSpike} after it, ${rssFuzz} after the fuzz, ${rss()} after 10,000 made-up addresses (goal: within 50 MB of before)`,
    );
  } finally {
    await stopSite(server);
    await floor.stop();
  }
}

/** The scripts a page's HTML names, their size and what a Brotli-accepting browser is sent. */
async function clientJavaScript(pageUrl: string): Promise<{ files: number; raw: number; sent: number }> {
  const html = await (await fetch(pageUrl)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/gu)].map((match) => match[1]!))];
  let raw = 0;
  let sent = 0;
  for (const source of sources) {
    const url = new URL(source, pageUrl);
    raw += (await (await fetch(url)).arrayBuffer()).byteLength;
    sent += await new Promise<number>((resolve, reject) => {
      http
        .get(url, { headers: { 'accept-encoding': 'br, gzip' } }, (response) => {
          let bytes = 0;
          response.on('data', (chunk: Buffer) => (bytes += chunk.byteLength));
          response.on('end', () => resolve(bytes));
        })
        .on('error', reject);
    });
  }
  return { files: sources.length, raw, sent };
}

/**
 * A breaking story: 200 readers at once for 30 s on a mix of article, section and front
 * page (each warmed by one pass first), with the load generator on the same machine.
 */
async function spike(base: string, paths: string[]): Promise<void> {
  for (const pathname of paths) await fetch(`${base}${pathname}`);
  const result = await autocannon({
    url: base,
    connections: 200,
    duration: SPIKE_SECONDS,
    requests: paths.map((pathname) => ({ method: 'GET' as const, path: pathname })),
    headers: { 'accept-encoding': 'gzip, deflate, br' },
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  console.log(
    `spike: 200 concurrent clients for ${SPIKE_SECONDS} s on article, section and front page (compressed): ` +
      `${Math.round(result.requests.average).toLocaleString('en')} req/s, ${result.requests.total.toLocaleString('en')} requests, ` +
      `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms, ${errors} errors (goal: 0 errors, p99 ≤ 250 ms)`,
  );
}

/** What the fuzz test's 2,000 addresses cost, one at a time: every 4xx is a full page, and fast. */
async function fuzzTimes(base: string): Promise<void> {
  const times: number[] = [];
  const byStatus = new Map<string, number[]>();
  for (const { method, path: address } of fuzzRequests(2_000)) {
    const started = performance.now();
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${base}${address}`, { method, headers: { 'content-length': '0' } }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      request.on('error', reject);
      request.end();
    });
    const ms = performance.now() - started;
    times.push(ms);
    const group = `${String(status)[0]}xx`;
    byStatus.set(group, [...(byStatus.get(group) ?? []), ms]);
  }
  const summary = [...byStatus]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, list]) => {
      const sorted = list.sort((a, b) => a - b);
      return `${group} ${list.length} (p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms)`;
    })
    .join(', ');
  console.log(
    `fuzz: ${times.length.toLocaleString('en')} made-up and hostile addresses, one at a time: ${summary} (goal: no 5xx, 4xx p99 < 100 ms)`,
  );
}

/** 10,000 made-up addresses, as many of each kind, 16 at a time: what they get and how fast. */
async function madeUpAddresses(base: string, article: string): Promise<void> {
  const kinds = Object.values(madeUpAddressKinds(article, buildFileAddress(distDir(root))));
  const each = Math.ceil(10_000 / kinds.length);
  const statuses = new Map<string, number>();
  const started = performance.now();
  for (const kind of kinds) {
    for (const [status, count] of Object.entries(await sendMadeUp(base, kind, each)))
      statuses.set(status, (statuses.get(status) ?? 0) + count);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `made-up addresses: ${(each * kinds.length).toLocaleString('en')} of ${kinds.length} kinds in ${seconds.toFixed(1)} s ` +
      `(${Math.round((each * kinds.length) / seconds).toLocaleString('en')}/s), statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
}

/** Loads documents into a fresh embedded database in `dataDir` (and stops its server). */
async function loadEmbedded(dataDir: string, sources: SourceDocument[]): Promise<void> {
  const embedded = await openEmbeddedDatabase(dataDir);
  try {
    await migrate(embedded.url);
    const pool = createPool(embedded.url, 'import');
    await importDocuments(pool, sources);
    await pool.end();
  } finally {
    await embedded.close();
  }
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const describe = (run: Load) =>
  `${Math.round(run.rps).toLocaleString('en')} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms${run.errors ? `, ${run.errors} errors` : ''}`;

async function load(url: string, headers: Record<string, string> = {}, connections = 20): Promise<Load> {
  await autocannon({ url, headers, connections, duration: 1 }); // warm up
  const result = await autocannon({ url, headers, connections, duration: DURATION });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

/** Load runs of several servers taking turns; for each, the round with its median throughput. */
async function inTurns(runs: Array<() => Promise<Load>>): Promise<Load[]> {
  const results: Load[][] = runs.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, run] of runs.entries()) results[i]!.push(await run());
  }
  return results.map((rounds) => rounds.sort((a, b) => a.rps - b.rps)[Math.floor(rounds.length / 2)]!);
}

/** A plain Node.js server sending `body` for every request: what the machine can do at all. */
async function withStaticServer<T>(body: Buffer, run: (url: string) => Promise<T>): Promise<T> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.byteLength });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(3961, '127.0.0.1', resolve));
  try {
    return await run('http://127.0.0.1:3961/');
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/**
 * What a page costs to render with nothing cached, at 1,000 and at 100,000 articles:
 * before each request, the site is told that everything changed.
 */
async function benchUncached(work: string) {
  const kinds = ['front', 'section', 'last page', 'article', 'feed'] as const;
  const results = new Map<string, Map<string, number>>();
  const pageBytes = new Map<string, number>();
  for (const count of [1_000, 100_000]) {
    const corpus = path.join(work, `uncached-${count}`);
    generateCorpus(corpus, { first: 3_000_000, count, perDocument: 1_000 });
    const dataDir = path.join(work, `uncached-data-${count}`);
    await loadEmbedded(dataDir, await readDocuments([corpus]));
    fs.rmSync(corpus, { recursive: true, force: true });
    const secret = 'bench-secret';
    const port = 3952;
    const server = startSite(port, { DATA_DIR: dataDir, DATABASE_URL: '', REVALIDATE_SECRET: secret });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitFor(`${base}/`, 300_000);
      const sectionHtml = await (await fetch(`${base}/world`)).text();
      const articles = [...sectionHtml.matchAll(/href="(\/world\/[a-z0-9-]+)"/gu)].map((m) => m[1] ?? '');
      const lastPage = Math.ceil(Math.ceil(count / 6) / 20);
      const expireEverything = () => {
        const body = JSON.stringify({ tags: ['front', 'latest', 'sections', 'articles', 'section:world'] });
        return fetch(`${base}/api/revalidate`, {
          method: 'POST',
          headers: { authorization: signNotice(secret, body), 'content-type': 'application/json' },
          body,
        }).then((r) => r.arrayBuffer());
      };
      const times = new Map<string, number>();
      for (const kind of kinds) {
        const samples: number[] = [];
        for (let i = 0; i < UNCACHED_SAMPLES + 1; i++) {
          await expireEverything();
          const pathname = {
            front: '/',
            section: '/world',
            'last page': `/world/page/${lastPage}`,
            article: articles[i % articles.length] ?? '/',
            feed: '/feed.xml',
          }[kind];
          const started = performance.now();
          const response = await fetch(`${base}${pathname}`);
          const body = await response.arrayBuffer();
          if (!response.ok) throw new Error(`${pathname} answered ${response.status}`);
          if (i > 0) samples.push(performance.now() - started); // the first also warms the code paths
          if (kind !== 'feed') pageBytes.set(kind, body.byteLength);
        }
        times.set(
          kind,
          percentile(
            samples.sort((a, b) => a - b),
            50,
          ),
        );
      }
      results.set(String(count), times);
    } finally {
      await stopSite(server);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  console.log('uncached page, one request at a time (p50 of 20, everything expired before each):');
  for (const kind of kinds) {
    const small = results.get('1000')?.get(kind) ?? NaN;
    const large = results.get('100000')?.get(kind) ?? NaN;
    console.log(
      `  ${kind.padEnd(9)} 1,000 articles ${small.toFixed(1)} ms, 100,000 articles ${large.toFixed(1)} ms, ratio ${(large / small).toFixed(2)}`,
    );
  }
  // Next's own floor for the same thing: a bare app's page of the same size, rendered on its
  // first request (a size never asked for before), one request at a time.
  const floor = await startFloorApp();
  try {
    console.log('uncached page of a bare Next.js app (the floor), one request at a time, p50 of 20 first renders:');
    for (const [kind, bytes] of pageBytes) {
      const urls = await floor.uncachedPagesOfSize(bytes, UNCACHED_SAMPLES);
      const samples: number[] = [];
      for (const url of urls) {
        const started = performance.now();
        const response = await fetch(url);
        await response.arrayBuffer();
        samples.push(performance.now() - started);
      }
      const p50 = percentile(
        samples.sort((a, b) => a - b),
        50,
      );
      const ours = results.get('100000')?.get(kind) ?? NaN;
      console.log(
        `  ${kind.padEnd(9)} ${(bytes / 1024).toFixed(1)} KiB: floor ${p50.toFixed(1)} ms; ours at 100,000 articles ${ours.toFixed(1)} ms (${(ours / p50).toFixed(2)}× the floor)`,
      );
    }
  } finally {
    await floor.stop();
  }
}

const UNCACHED_SAMPLES = 20;

/** The kinds of query the search part times, each with a different query per sample. */
const SEARCH_KINDS = {
  // rareWord(k) is in 2 articles of every 500 (0.4%); the pair and the phrase in 1 (0.2%).
  'one word': (i: number) => rareWord(i * 7),
  'two words': (i: number) => `${rareWord(i * 7)} ${rareWord(i * 7 + 1)}`,
  'quoted phrase': (i: number) => `"${rareWord(i * 7)} ${rareWord(i * 7 + 1)}"`,
  'no match': (i: number) => `quorvex${i}`,
  // Every word of WORDS (stop words aside) is in every article.
  'every article': (i: number) => EVERY_ARTICLE_WORDS[i % EVERY_ARTICLE_WORDS.length]!,
} as const;
const EVERY_ARTICLE_WORDS = ['minister', 'talks', 'strikes', 'provinces', 'officials', 'capital', 'votes', 'northern'];

/**
 * Made-up phrases of words in every article: three of them in an order no article has (in the
 * generated text a word is followed only by the word 13 places on in WORDS), so that each phrase
 * is checked on the candidates and matches nothing.
 */
const MADE_UP_PHRASES = (() => {
  const common = [...EVERY_ARTICLE_WORDS, 'said', 'resume', 'week', 'counted'];
  const place = (word: string) => WORDS.indexOf(word);
  const follows = (a: string, b: string) => (place(a) + 13) % WORDS.length === place(b);
  const phrases: string[] = [];
  for (const a of common)
    for (const b of common)
      for (const c of common)
        if (a !== b && b !== c && a !== c && !follows(a, b) && !follows(b, c)) phrases.push(`"${a} ${b} ${c}"`);
  // Spread over the list rather than the first 400, which would all start with the same words.
  return Array.from({ length: 400 }, (_, i) => phrases[(i * 7919) % phrases.length]!);
})();

/** One article of at most 200,000 characters (MAX_ARTICLE_CHARS), newest of its archive, holding `vastreport`. */
function largestArticle(): string {
  const headline = 'Vast report on the northern provinces';
  const paragraphs = ['The vastreport opens with the talks.'];
  let chars = headline.length + paragraphs[0]!.length;
  for (let p = 0; ; p++) {
    const paragraph = `${Array.from({ length: 8 }, (_, s) => sentence(p * 8 + s, 40)).join('. ')}.`;
    if (chars + paragraph.length > 199_900) break;
    paragraphs.push(paragraph);
    chars += paragraph.length;
  }
  paragraphs.push('The vastreport ends.');
  return `${headline}\n\n${paragraphs.join('\n\n')}\n\n  • Published in World\nSubscribe to this RSS feed\n`;
}

/**
 * Search at 1,000 and 100,000 articles: the query itself (find, count, rank, highlight a page of
 * 20), with no cache in front, a different query each time; then the search page through the
 * production server (a word not searched before each time, so its results cache misses), and
 * the import speed with the search index in place, beside an import into a table without it.
 */
async function benchSearch(work: string) {
  const kinds = Object.keys(SEARCH_KINDS) as Array<keyof typeof SEARCH_KINDS>;
  const results = new Map<number, Map<string, { p50: number; p99: number; matches: string }>>();
  const pages = new Map<number, { p50: number; p99: number }>();
  const largeCases: string[] = [];
  for (const count of [1_000, 100_000]) {
    const corpus = path.join(work, `search-${count}`);
    generateCorpus(corpus, { first: 4_000_000, count, perDocument: count });
    // Read first, so newest: the largest article an import takes, among the 100,000.
    if (count === 100_000) fs.writeFileSync(path.join(corpus, '0000-largest.txt'), largestArticle());
    const sources = await readDocuments([corpus]);
    fs.rmSync(corpus, { recursive: true, force: true });
    const dataDir = path.join(work, `search-data-${count}`);
    const embedded = await openEmbeddedDatabase(dataDir);
    try {
      await migrate(embedded.url);
      const pool = createPool(embedded.url, 'import');
      const started = performance.now();
      const report = await importDocuments(pool, sources);
      const importMs = performance.now() - started;
      await pool.end();
      console.log(
        `search, ${count.toLocaleString('en')} articles: imported with the search index in ${seconds(importMs)} (${rate(report.totals.created, importMs)})`,
      );
      if (count === 100_000) await timeImportWithoutSearch(work, sources);
      const prisma = createPrismaClient(embedded.url);
      try {
        const times = new Map<string, { p50: number; p99: number; matches: string }>();
        for (const kind of kinds) {
          const query = SEARCH_KINDS[kind];
          for (let i = 0; i < 5; i++) await loadSearchResults(prisma, query(SEARCH_SAMPLES + i), 1); // warm up
          const samples: number[] = [];
          let matches = '';
          for (let i = 0; i < SEARCH_SAMPLES; i++) {
            const start = performance.now();
            const found = await loadSearchResults(prisma, query(i), 1);
            samples.push(performance.now() - start);
            if (i === 0) matches = `${found.total.toLocaleString('en')}${found.more ? '+' : ''}`;
          }
          samples.sort((a, b) => a - b);
          times.set(kind, { p50: percentile(samples, 50), p99: percentile(samples, 99), matches });
        }
        results.set(count, times);
        if (count === 100_000) {
          const timed = async (queries: readonly string[]) => {
            for (const query of queries.slice(0, 5)) await loadSearchResults(prisma, query, 1); // warm up
            const samples: number[] = [];
            let found = 0;
            for (const query of queries) {
              const start = performance.now();
              found += (await loadSearchResults(prisma, query, 1)).hits.length;
              samples.push(performance.now() - start);
            }
            samples.sort((a, b) => a - b);
            return { p50: percentile(samples, 50), p99: percentile(samples, 99), found };
          };
          const largest = await timed(Array.from({ length: SEARCH_SAMPLES }, () => 'vastreport'));
          const every = await timed(
            Array.from({ length: SEARCH_SAMPLES }, (_, i) => `vastreport or ${EVERY_ARTICLE_WORDS[i % 8]}`),
          );
          const phrases = await timed(MADE_UP_PHRASES);
          largeCases.push(
            `  one 200,000-character article among 100,000, a word only it holds (${SEARCH_SAMPLES} times): p50 ${largest.p50.toFixed(1)} ms, p99 ${largest.p99.toFixed(1)} ms`,
            `  the same article among 20 results of a word in every article (${SEARCH_SAMPLES} times): p50 ${every.p50.toFixed(1)} ms, p99 ${every.p99.toFixed(1)} ms`,
            `  ${MADE_UP_PHRASES.length} made-up phrases of words in every article (goal: each under 60 ms): p50 ${phrases.p50.toFixed(1)} ms, p99 ${phrases.p99.toFixed(1)} ms, ${phrases.found} results`,
          );
        }
      } finally {
        await prisma.$disconnect();
      }
    } finally {
      await embedded.close();
    }
    pages.set(count, await timeSearchPages(dataDir));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(
    `search, uncached: the query (find, count, rank, highlight 20), one at a time, ${SEARCH_SAMPLES} different queries per kind:`,
  );
  for (const kind of kinds) {
    const small = results.get(1_000)?.get(kind);
    const large = results.get(100_000)?.get(kind);
    if (!small || !large) continue;
    console.log(
      `  ${kind.padEnd(14)} 1,000 articles p50 ${small.p50.toFixed(1)} ms, p99 ${small.p99.toFixed(1)} ms (${small.matches} matches); ` +
        `100,000 articles p50 ${large.p50.toFixed(1)} ms, p99 ${large.p99.toFixed(1)} ms (${large.matches} matches); ratio of p50 ${(large.p50 / small.p50).toFixed(2)}`,
    );
  }
  for (const line of largeCases) console.log(line);
  const [smallPage, largePage] = [pages.get(1_000), pages.get(100_000)];
  if (smallPage && largePage) {
    console.log(
      `  search page, one word, through the server: 1,000 articles p50 ${smallPage.p50.toFixed(1)} ms, p99 ${smallPage.p99.toFixed(1)} ms; ` +
        `100,000 articles p50 ${largePage.p50.toFixed(1)} ms, p99 ${largePage.p99.toFixed(1)} ms; ratio of p50 ${(largePage.p50 / smallPage.p50).toFixed(2)}`,
    );
  }
}

/**
 * The same import into a database that makes no search vectors and has no search index: what
 * search costs an import. (The staging table's vector becomes a plain empty column, the trigger
 * that would compute it on `articles` goes, and so does the GIN index.)
 */
async function timeImportWithoutSearch(work: string, sources: SourceDocument[]) {
  const dataDir = path.join(work, 'search-data-without');
  const embedded = await openEmbeddedDatabase(dataDir);
  try {
    await migrate(embedded.url);
    const pool = createPool(embedded.url, 'import');
    await pool.query(`ALTER TABLE import_work.stage DROP COLUMN search;
      ALTER TABLE import_work.stage ADD COLUMN search tsvector;
      DROP TRIGGER articles_search_on_insert ON articles;
      DROP INDEX articles_search_idx`);
    const started = performance.now();
    const report = await importDocuments(pool, sources);
    const importMs = performance.now() - started;
    await pool.end();
    console.log(
      `search, the same import making no search vectors and no search index: ${seconds(importMs)} (${rate(report.totals.created, importMs)})`,
    );
  } finally {
    await embedded.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The search page through the production server, a one-word query not asked before each time. */
async function timeSearchPages(dataDir: string): Promise<{ p50: number; p99: number }> {
  const port = 3953;
  const server = startSite(port, { DATA_DIR: dataDir, DATABASE_URL: '' });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/`, 300_000);
    const ask = async (query: string) => {
      const response = await fetch(`${base}/search?q=${encodeURIComponent(query)}`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`/search?q=${query} answered ${response.status}`);
    };
    for (let i = 0; i < 5; i++) await ask(rareWord(400 + i)); // warms the code paths
    const samples: number[] = [];
    for (let i = 0; i < 100; i++) {
      const start = performance.now();
      await ask(rareWord(i * 3));
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
  } finally {
    await stopSite(server);
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

/**
 * Scale-out (deploy/): the article page through nginx's micro-cache beside the same nginx
 * sending the same bytes as a file; one instance beside two on the same database; one
 * instance with the shared cache on Redis beside one without. Needs the PostgreSQL server,
 * Redis (REDIS_URL, default the local one; keys under a prefix of the bench's own) and nginx.
 */
async function benchScale(work: string, sources: SourceDocument[]) {
  if (!buildIsCurrent(root)) build(root);
  const database = await postgresDatabase('scale');
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const prefix = `bench-scale-${process.pid}:`;
  const servers: ReturnType<typeof spawn>[] = [];
  let nginx: ReturnType<typeof spawn> | undefined;
  try {
    await migrate(database.url);
    const pool = createPool(database.url, 'import');
    await importDocuments(pool, sources);
    await pool.end();
    // The instances share the build's caches on disk: they must not hold the pages of the
    // databases earlier parts served.
    clearPageCaches(root);
    const start = async (port: number, env: Record<string, string> = {}) => {
      const server = spawn(process.execPath, [path.join(distDir(root), 'newsroom-server.mjs')], {
        cwd: root,
        env: {
          ...process.env,
          PORT: String(port),
          NODE_ENV: 'production',
          NEXT_TELEMETRY_DISABLED: '1',
          DATABASE_URL: database.url,
          REDIS_URL: '',
          ...env,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      servers.push(server);
      await waitFor(`http://127.0.0.1:${port}/robots.txt`, 60_000);
      return `http://127.0.0.1:${port}`;
    };
    const [one, two, shared] = [
      await start(3961),
      await start(3962),
      await start(3963, { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix }),
    ];
    const sectionHtml = await (await fetch(`${one}/world`)).text();
    const article = /href="(\/world\/[a-z0-9-]+)"/u.exec(sectionHtml)?.[1];
    if (!article) throw new Error('no article link on /world');
    for (const base of [one, two, shared]) await (await fetch(`${base}${article}`)).arrayBuffer();

    const prefixDir = path.join(work, 'nginx');
    const staticFile = path.join(prefixDir, 'article.html');
    const listen = 3964;
    fs.mkdirSync(prefixDir, { recursive: true });
    nginx = spawn(
      NGINX_BINARY,
      nginxArgs({
        prefix: prefixDir,
        port: listen,
        upstreams: ['127.0.0.1:3961'],
        extraLocations: `        location = /bench-static.html {\n            default_type text/html;\n            alias ${staticFile};\n        }`,
      }),
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const proxied = `http://127.0.0.1:${listen}${article}`;
    await waitFor(proxied, 15_000);
    fs.writeFileSync(
      staticFile,
      Buffer.from(await (await fetch(proxied, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer()),
    );
    console.log(
      `scale-out (article page ${article}, ${DURATION} s per run, 20 connections, ${ROUNDS} rounds taking turns, median round):`,
    );
    const [cached, file] = (await inTurns([
      () => load(proxied),
      () => load(`http://127.0.0.1:${listen}/bench-static.html`),
    ])) as [Load, Load];
    console.log(
      `  nginx micro-cache ${describe(cached)}; same nginx, same ${(fs.statSync(staticFile).size / 1024).toFixed(1)} KiB as a static file ${describe(file)}; ratio ${(cached.rps / file.rps).toFixed(2)} (goal ≥ 0.8)`,
    );
    const [single, pair] = (await inTurns([
      () => load(`${one}${article}`),
      async () => {
        const [a, b] = await Promise.all([load(`${one}${article}`, {}, 10), load(`${two}${article}`, {}, 10)]);
        return {
          rps: a.rps + b.rps,
          p50: Math.max(a.p50, b.p50),
          p99: Math.max(a.p99, b.p99),
          errors: a.errors + b.errors,
        };
      },
    ])) as [Load, Load];
    console.log(
      `  one instance ${describe(single)}; two instances on the same database (10 connections each, summed) ${describe(pair)}; ratio ${(pair.rps / single.rps).toFixed(2)} (the machine has ${os.cpus().length} cores, shared with the load generator)`,
    );
    const [withRedis, without] = (await inTurns([
      () => load(`${shared}${article}`),
      () => load(`${one}${article}`),
    ])) as [Load, Load];
    console.log(
      `  one instance with REDIS_URL ${describe(withRedis)}; without ${describe(without)}; ratio ${(withRedis.rps / without.rps).toFixed(2)}`,
    );
  } finally {
    if (nginx && nginx.exitCode === null) {
      nginx.kill('SIGQUIT');
      await new Promise((resolve) => nginx?.once('exit', resolve));
    }
    for (const server of servers) await stopSite(server);
    await database.drop();
    const redis = createClient({ url: redisUrl });
    redis.on('error', () => undefined);
    await redis.connect().then(
      async () => {
        for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 }))
          if (keys.length > 0) await redis.del(keys);
        await redis.close();
      },
      () => undefined,
    );
  }
}
