// npm run bench: prints import and page-serving figures for a generated corpus.
// Figures, not assertions: machines here are shared and noisy, so compare ratios within one run.
// Each part is a file of scripts/bench/; what they share is in scripts/bench/support.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchImport } from './bench/import';
import { benchPages } from './bench/pages';
import { benchReadsDuringImport } from './bench/reads';
import { benchRelease } from './bench/release';
import { stopEverythingOnExit } from './bench/processes';
import { benchScale } from './bench/scale';
import { benchSearch } from './bench/search';
import { mainCorpus, type BenchOptions } from './bench/support';
import { benchUncached } from './bench/uncached';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    'per-document': { type: 'string', default: '100' },
    requests: { type: 'string', default: '200' },
    'big-import': { type: 'string', default: '100000' },
    'during-import': { type: 'string', default: '60000' },
    /** Which parts to run: any of import, reads, pages, uncached, search, scale, release (comma-separated). */
    parts: { type: 'string', default: 'import,reads,pages,uncached,search,scale,release' },
    /** Queries timed per kind and archive size in the search part. */
    'search-samples': { type: 'string', default: '200' },
    /** Articles of the search part's large archive, in eight languages (its small one is 1,000). */
    'search-articles': { type: 'string', default: '100000' },
    /** Seconds of load per page kind in the throughput runs. */
    duration: { type: 'string', default: '5' },
    /** Seconds of the 200-client spike. */
    'spike-seconds': { type: 'string', default: '30' },
    /** Rounds of the throughput runs (the median is printed). */
    rounds: { type: 'string', default: '3' },
  },
});
const PARTS = new Set(values.parts.split(','));
const options: BenchOptions = {
  articles: Number(values.articles),
  perDocument: Number(values['per-document']),
  requests: Number(values.requests),
  bigImport: Number(values['big-import']),
  duringImport: Number(values['during-import']),
  searchSamples: Number(values['search-samples']),
  searchArticles: Number(values['search-articles']),
  duration: Number(values.duration),
  spikeSeconds: Number(values['spike-seconds']),
  rounds: Number(values.rounds),
};

async function main() {
  stopEverythingOnExit();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'));
  fs.chmodSync(work, 0o711); // the embedded server's own user must reach its data folders inside
  try {
    const { corpus, sources } = await mainCorpus(work, options);
    if (PARTS.has('import')) await benchImport(work, options);
    if (PARTS.has('reads')) await benchReadsDuringImport(work, corpus, options);
    if (PARTS.has('pages')) await benchPages(work, sources, options);
    if (PARTS.has('uncached')) await benchUncached(work);
    if (PARTS.has('search')) await benchSearch(work, options);
    if (PARTS.has('scale')) await benchScale(work, sources, options);
    if (PARTS.has('release')) await benchRelease(sources);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
