// The bench's pages part: warm pages one at a time and under load beside Next's floor, their
// weight, the client JavaScript, a spike, the fuzz addresses and made-up ones.
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { SourceDocument } from '@/lib/documents/read';
import { fuzzRequests } from '../../test/support/fuzz';
import {
  buildFileAddress,
  madeUpAddressKinds,
  residentMb,
  sendMadeUp,
  siteServerPid,
} from '../../test/support/made-up-addresses';
import { distDir } from '../build-stamp';
import { startFloorApp, waitFor } from '../floor-app';
import {
  describe,
  inTurns,
  load,
  loadEmbedded,
  percentile,
  root,
  startSite,
  stopSite,
  withStaticServer,
  type BenchOptions,
  type Load,
} from './support';
import { benchPort, readyOrFailed } from './processes';

/** Page response times: an embedded database that holds the corpus, served by the production build. */
export async function benchPages(work: string, sources: SourceDocument[], options: BenchOptions) {
  const dataDir = path.join(work, 'data');
  await loadEmbedded(dataDir, sources);
  const floor = await startFloorApp();
  const port = benchPort(3950);
  const server = startSite(port, { DATA_DIR: dataDir, DATABASE_URL: '' });
  try {
    const base = `http://127.0.0.1:${port}`;
    await readyOrFailed(server, waitFor(`${base}/`, 300_000));
    const sectionHtml = await (await fetch(`${base}/world`)).text();
    const article = /href="(\/world\/[a-z0-9-]+)"/u.exec(sectionHtml)?.[1];
    if (!article) throw new Error('no article link on /world');
    // World holds every sixth generated article: its last page is the deepest OFFSET.
    const lastPage = Math.ceil(Math.ceil(options.articles / 6) / 20);
    await timePages(options.requests, base, {
      front: '/',
      section: '/world',
      'last page': `/world/page/${lastPage}`,
      article,
      feed: '/feed.xml',
    });
    await pageWeights(base, article);
    console.log(
      `warm pages under load (${options.duration} s each, 20 connections), beside a bare Next.js app serving one cached page of the same size (the floor) and a plain Node server sending the same bytes;\n` +
        `  the three take turns, ${options.rounds} rounds, and each figure is the median round (the machine is shared: single runs swing by a third):`,
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
        const [ours, framework, plain] = (await inTurns(options.rounds, [
          () => load(options.duration, `${base}${pathname}`, headers),
          () => load(options.duration, floorUrl, headers),
          () => withStaticServer(page, (url) => load(options.duration, url)),
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
    await spike(options.spikeSeconds, base, [article, '/world', '/']);
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

async function timePages(requests: number, baseUrl: string, paths: Record<string, string>) {
  for (const [label, pathname] of Object.entries(paths)) {
    const url = `${baseUrl}${pathname}`;
    const warm = await fetch(url); // also warms the cache
    if (!warm.ok) throw new Error(`${url} answered ${warm.status}`);
    await warm.arrayBuffer();
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < requests; i++) {
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
async function spike(spikeSeconds: number, base: string, paths: string[]): Promise<void> {
  for (const pathname of paths) await fetch(`${base}${pathname}`);
  const result = await autocannon({
    url: base,
    connections: 200,
    duration: spikeSeconds,
    requests: paths.map((pathname) => ({ method: 'GET' as const, path: pathname })),
    headers: { 'accept-encoding': 'gzip, deflate, br' },
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  console.log(
    `spike: 200 concurrent clients for ${spikeSeconds} s on article, section and front page (compressed): ` +
      `${Math.round(result.requests.average).toLocaleString('en')} req/s, ${result.requests.total.toLocaleString('en')} requests, ` +
      `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms, ${errors} errors ` +
      `(${result.timeouts} timed out, ${result.non2xx} not 2xx, ${result.errors} failed) (goal: 0 errors, p99 ≤ 250 ms)`,
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
