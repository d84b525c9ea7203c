// The bench's uncached part: what a page costs with nothing cached, at two archive sizes, beside Next's floor.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { nameSlug } from '@/lib/slug';
import { readDocuments } from '@/lib/documents/read';
import { signNotice } from '@/lib/revalidate-notice';
import { startFloorApp, waitFor } from '../floor-app';
import { authorName, generateCorpus, loadEmbedded, percentile, startSite, stopSite, tagName } from './support';
import { benchPort, readyOrFailed } from './processes';

/**
 * What a page costs to render with nothing cached, at 1,000 and at 100,000 articles:
 * before each request, the site is told that everything changed.
 */
export async function benchUncached(work: string) {
  const kinds = ['front', 'section', 'last page', 'author', 'tag', 'article', 'feed'] as const;
  const results = new Map<string, Map<string, number>>();
  const pageBytes = new Map<string, number>();
  for (const count of [1_000, 100_000]) {
    const corpus = path.join(work, `uncached-${count}`);
    // With newsroom lines: every article has a byline (of 500 authors) and tags (of 2,000).
    generateCorpus(corpus, { first: 3_000_000, count, perDocument: 1_000, newsroom: true });
    const dataDir = path.join(work, `uncached-data-${count}`);
    await loadEmbedded(dataDir, await readDocuments([corpus]));
    fs.rmSync(corpus, { recursive: true, force: true });
    const secret = 'bench-secret';
    const port = benchPort(3952);
    const server = startSite(port, { DATA_DIR: dataDir, DATABASE_URL: '', REVALIDATE_SECRET: secret });
    try {
      const base = `http://127.0.0.1:${port}`;
      await readyOrFailed(server, waitFor(`${base}/`, 300_000));
      const sectionHtml = await (await fetch(`${base}/world`)).text();
      const articles = [...sectionHtml.matchAll(/href="(\/world\/[a-z0-9-]+)"/gu)].map((m) => m[1] ?? '');
      const lastPage = Math.ceil(Math.ceil(count / 6) / 20);
      const expireEverything = () => {
        const body = JSON.stringify({
          tags: ['front', 'latest', 'sections', 'articles', 'section:world', `author:${AUTHOR}`, `tag:${TAG}`],
        });
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
            author: `/authors/${AUTHOR}`,
            tag: `/tags/${TAG}`,
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
  // Goal: an author's or a tag's page costs at most 1.2× a section's, at 100,000 articles.
  const section = results.get('100000')?.get('section') ?? NaN;
  for (const kind of ['author', 'tag'] as const) {
    const ratio = (results.get('100000')?.get(kind) ?? NaN) / section;
    console.log(
      `  ${kind} page / section page at 100,000 articles: ${ratio.toFixed(2)}× (goal ≤ 1.20×${ratio <= 1.2 ? ', met' : ', NOT met'})`,
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

/** The author and the tag whose pages are timed: one of the generated corpus's pools (scripts/bench/support.ts). */
const AUTHOR = nameSlug(authorName(7));
const TAG = nameSlug(tagName(7));
