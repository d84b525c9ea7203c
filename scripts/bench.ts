// npm run bench: prints import and page-serving figures for a generated corpus.
// Figures, not assertions: machines here are shared and noisy, so compare ratios within one run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createPrismaClient } from '@/lib/db/client';
import { openEmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { parseListingDocument } from '@/lib/documents/parse';
import { readDocuments, type SourceDocument } from '@/lib/documents/read';
import { importDocuments } from '@/lib/importer/import-documents';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    'per-document': { type: 'string', default: '100' },
    requests: { type: 'string', default: '200' },
  },
});
const ARTICLES = Number(values.articles);
const PER_DOCUMENT = Number(values['per-document']);
const REQUESTS = Number(values.requests);
const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

const WORDS =
  'the minister said talks would resume after a week of strikes across the northern provinces while officials in the capital counted votes'.split(
    ' ',
  );
const sentence = (seed: number, length: number) =>
  Array.from({ length }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]).join(' ');

function generateCorpus(dir: string): void {
  const sections = ['World', 'Politics', 'Business', 'Science & Tech', 'Sport', 'Culture'];
  for (let doc = 0; doc * PER_DOCUMENT < ARTICLES; doc++) {
    const blocks: string[] = [];
    for (let i = 0; i < PER_DOCUMENT && doc * PER_DOCUMENT + i < ARTICLES; i++) {
      const n = doc * PER_DOCUMENT + i;
      const paragraphs = Array.from({ length: 8 }, (_, p) => `${sentence(n + p, 40)}.`);
      paragraphs.splice(4, 0, `Background ${n}`);
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

async function timeImport(label: string, url: string, embedded: boolean, sources: SourceDocument[]) {
  await migrate(url);
  const prisma = createPrismaClient({ url, embedded });
  try {
    let start = performance.now();
    const first = await importDocuments(prisma, sources);
    const firstMs = performance.now() - start;
    start = performance.now();
    const second = await importDocuments(prisma, sources);
    const secondMs = performance.now() - start;
    console.log(
      `import, ${label}: first load ${first.totals.created} articles in ${seconds(firstMs)} (${rate(first.totals.created, firstMs)}); ` +
        `re-import ${second.totals.unchanged} unchanged in ${seconds(secondMs)} (${rate(second.totals.unchanged, secondMs)})`,
    );
  } finally {
    await prisma.$disconnect();
  }
}

async function postgresDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `newsroom_bench_${process.pid}`;
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

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the site did not answer at ${url} within ${timeoutMs / 1000} s`);
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'));
  try {
    const corpus = path.join(work, 'corpus');
    fs.mkdirSync(corpus);
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

    const dataDir = path.join(work, 'data');
    const embedded = await openEmbeddedDatabase(dataDir);
    try {
      await timeImport('embedded PGlite', embedded.url, true, sources);
    } finally {
      await embedded.close();
    }

    const postgres = await postgresDatabase();
    if (postgres) {
      try {
        await timeImport('PostgreSQL server', postgres.url, false, sources);
      } finally {
        await postgres.drop();
      }
    } else {
      console.log(`import, PostgreSQL server: skipped (no server at ${POSTGRES_ADMIN_URL})`);
    }

    // Serve the embedded database that now holds the corpus from the production build.
    const port = 3950;
    const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
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
        'last page': `/world?page=${lastPage}`,
        article,
        feed: '/feed.xml',
      });
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
