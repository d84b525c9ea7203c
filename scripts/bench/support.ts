// What the bench's parts share: the generated corpus, databases, the site's start and stop, load and percentiles.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { openEmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { createPool } from '@/lib/db/pool';
import { POSTGRES_ADMIN_URL, createDatabase, dropDatabase } from '@/lib/db/server-databases';
import { parseListingDocument } from '@/lib/documents/parse';
import { readDocuments, type SourceDocument } from '@/lib/documents/read';
import { importDocuments } from '@/lib/importer/import-documents';
import { benchPort, startProcess, type BenchProcess } from './processes';

export const root = path.resolve(import.meta.dirname, '..', '..');

/** The command's flags (scripts/bench.ts), as numbers. */
export interface BenchOptions {
  articles: number;
  perDocument: number;
  requests: number;
  /** Articles in the one-document corpus whose import speed is measured. */
  bigImport: number;
  /** Articles of the import that runs while readers ask for pages. */
  duringImport: number;
  /** Queries timed per kind and archive size in the search part. */
  searchSamples: number;
  /** Articles of the search part's large archive (its small one is 1,000). */
  searchArticles: number;
  /** Seconds of load per page kind in the throughput runs. */
  duration: number;
  /** Seconds of the 200-client spike. */
  spikeSeconds: number;
  /** Rounds of the throughput runs (the median is printed). */
  rounds: number;
}

export const WORDS =
  'the minister said talks would resume after a week of strikes across the northern provinces while officials in the capital counted votes'.split(
    ' ',
  );
export const sentence = (seed: number, length: number, words: readonly string[] = WORDS, space = ' ') =>
  Array.from({ length }, (_, i) => words[(seed * 7 + i * 13) % words.length]).join(space);

/**
 * The same news in other languages, for the multilingual corpus (`languages`): article n is in
 * CORPUS_LANGUAGES[n % 8], its text drawn from that language's words (Chinese and Japanese
 * written without spaces, so the import splits them), its made-up names (rareSentence) as in English.
 */
export const LANGUAGE_WORDS: Record<string, { words: string[]; space: string }> = {
  en: { words: WORDS, space: ' ' },
  ru: {
    words:
      'министр заявил что переговоры возобновятся после недели забастовок в северных провинциях пока чиновники в столице подсчитывали голоса избирателей'.split(
        ' ',
      ),
    space: ' ',
  },
  es: {
    words:
      'el ministro dijo que las conversaciones continuarán después de una semana de huelgas en las provincias del norte mientras los funcionarios de la capital contaban los votos'.split(
        ' ',
      ),
    space: ' ',
  },
  el: {
    words:
      'ο υπουργός δήλωσε ότι οι συνομιλίες θα συνεχιστούν μετά από μια εβδομάδα απεργιών στις βόρειες επαρχίες ενώ οι αξιωματούχοι στην πρωτεύουσα μετρούσαν τις ψήφους'.split(
        ' ',
      ),
    space: ' ',
  },
  ar: {
    words:
      'قال الوزير إن المفاوضات ستستأنف بعد أسبوع من الإضرابات في المحافظات الشمالية بينما كان المسؤولون في العاصمة يفرزون الأصوات'.split(
        ' ',
      ),
    space: ' ',
  },
  de: {
    words:
      'der Minister sagte die Gespräche würden nach einer Woche der Streiks in den nördlichen Provinzen fortgesetzt während Beamte in der Hauptstadt Stimmen zählten'.split(
        ' ',
      ),
    space: ' ',
  },
  zh: { words: '部长 表示 谈判 将 在 罢工 一周 后 恢复 北方 各省 官员 在 首都 清点 选票'.split(' '), space: '' },
  ja: {
    words:
      '大臣 は 北部 の 州 で ストライキ が 一週間 続いた 後 協議 を 再開 する と 述べ 首都 の 当局者 は 票 を 数えた'.split(
        ' ',
      ),
    space: '',
  },
};
export const CORPUS_LANGUAGES = Object.keys(LANGUAGE_WORDS);
/**
 * Words the short list above lacks: each of RARE_WORDS made-up names (`kabedo`, `kabefu`, …) is
 * in 2 articles of every RARE_WORDS, and each pair `rareWord(k) rareWord(k + 1)` in 1 (the sentence
 * of article n names rareWord(n) and rareWord(n + 1) side by side), so that search has words
 * and phrases that match well under 1% of the articles, as most readers' words do.
 */
const RARE_WORDS = 500;
export const rareWord = (n: number) => {
  const k = n % RARE_WORDS;
  const syllable = (i: number) => 'bdfgklmnprstvz'[i % 14]! + 'aeiou'[Math.floor(i / 14) % 5]!;
  return syllable(k % 70) + syllable(Math.floor(k / 70) + 7) + syllable(k % 13);
};
const rareSentence = (n: number) => `The ${rareWord(n)} ${rareWord(n + 1)} inquiry heard from witnesses.`;

/** Authors and tags the generated newsroom lines name: pools the size of a newsroom's. */
export const AUTHOR_POOL = 500;
export const TAG_POOL = 2_000;
const FIRST_NAMES =
  'Ada Ben Cleo Dev Esra Femi Gita Hugo Iris Jon Kemal Lena Mira Nils Oona Pia Quinn Rui Sana Tariq'.split(' ');
const LAST_NAMES =
  'Abbott Bauer Costa Dubois Eriksen Fischer Garcia Haddad Ivanova Jensen Kowalski Larsen Moreau Nakamura Okafor Petrov Quispe Rossi Silva Tanaka Uddin Varga Weber Xu Yilmaz'.split(
    ' ',
  );
/** The `i`th author of the pool: 20 first names by 25 last names. */
export const authorName = (i: number) =>
  `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]}`;
/** The `i`th tag of the pool: a made-up word (rareWord's 500) and one of four kinds. */
export const tagName = (i: number) =>
  `${rareWord(i)} ${['affairs', 'policy', 'trade', 'weather'][Math.floor(i / 500) % 4]}`;
/** Where generated dates start, going back a minute an article: all of them past, so public. */
const NEWSROOM_EPOCH = Date.UTC(2026, 0, 1);

/** `2025-12-31 23:59`: article n's date line, ISO 8601 without an offset (the site's time zone). */
function dateLine(n: number): string {
  return new Date(NEWSROOM_EPOCH - n * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The newsroom lines of generated article n: a date line, a byline of one to three authors
 * from AUTHOR_POOL, and one to four tags from TAG_POOL (docs/document-format.md, "Newsroom lines").
 */
export function newsroomLines(n: number): { date: string; byline: string; tags: string } {
  const authors = Array.from({ length: 1 + (n % 3) }, (_, i) => authorName((n * 7 + i * 131) % AUTHOR_POOL));
  const tags = Array.from({ length: 1 + (n % 4) }, (_, i) => tagName((n * 13 + i * 389) % TAG_POOL));
  return {
    date: dateLine(n),
    byline: `Written by ${authors.length > 1 ? `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}` : authors[0]}`,
    tags: `Tagged under ${tags.join(', ')}`,
  };
}

export interface CorpusOptions {
  /** Number of the first article (articles are numbered, so that corpora never share a headline). */
  first?: number;
  count: number;
  perDocument: number;
  /** Give every article a date line, a byline and tags (`newsroomLines`). */
  newsroom?: boolean;
  /** Write article n in CORPUS_LANGUAGES[n % 8] (LANGUAGE_WORDS) rather than in English. */
  languages?: boolean;
}

/** Writes `count` generated articles (numbered from `first`), `perDocument` to a document, into `dir`. */
export function generateCorpus(
  dir: string,
  { first = 0, count, perDocument, newsroom = false, languages = false }: CorpusOptions,
): void {
  fs.mkdirSync(dir, { recursive: true });
  const sections = ['World', 'Politics', 'Business', 'Science & Tech', 'Sport', 'Culture'];
  for (let doc = 0; doc * perDocument < count; doc++) {
    const blocks: string[] = [];
    for (let i = 0; i < perDocument && doc * perDocument + i < count; i++) {
      const n = first + doc * perDocument + i;
      const { words, space } = LANGUAGE_WORDS[languages ? CORPUS_LANGUAGES[n % CORPUS_LANGUAGES.length]! : 'en']!;
      const paragraphs = Array.from({ length: 8 }, (_, p) => `${sentence(n + p, 40, words, space)}.`);
      paragraphs.splice(4, 0, `Background ${n}`);
      paragraphs.splice(2, 0, rareSentence(n));
      const lines = newsroom ? newsroomLines(n) : null;
      blocks.push(
        (lines ? `${lines.date}\n` : '') +
          `Generated report number ${n} on ${sentence(n, 6, words, space)}\n\n` +
          (lines ? `${lines.byline}\n\n` : '') +
          `London, Mar ${(n % 28) + 1} (Bench Wire) ${paragraphs.join('\n\n')}\n\n  • Published in ${sections[n % sections.length]}\n` +
          (lines ? `${lines.tags}\n` : ''),
      );
    }
    fs.writeFileSync(
      path.join(dir, `${String(doc).padStart(4, '0')}.txt`),
      `${blocks.join('\n')}Subscribe to this RSS feed\n`,
    );
  }
}

export const rate = (count: number, ms: number) => `${Math.round((count / ms) * 1000).toLocaleString('en')}/s`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** A fresh database on the PostgreSQL server: the bench compares both engines, so it needs one. */
export async function postgresDatabase(purpose: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `newsroom_bench_${purpose}_${process.pid}`;
  let url: string;
  try {
    url = await createDatabase(POSTGRES_ADMIN_URL, name);
  } catch (error) {
    throw new Error(
      `the bench needs a PostgreSQL server at ${POSTGRES_ADMIN_URL} (TEST_POSTGRES_URL): ${(error as Error).message}`,
    );
  }
  return { url, drop: () => dropDatabase(POSTGRES_ADMIN_URL, name) };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export function startSite(port: number, env: Record<string, string>) {
  return startProcess(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function stopSite(server: BenchProcess): Promise<void> {
  if (server.exitCode !== null) return;
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
}

/** Loads documents into a fresh embedded database in `dataDir` (and stops its server). */
export async function loadEmbedded(dataDir: string, sources: SourceDocument[]): Promise<void> {
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

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

export const describe = (run: Load) =>
  `${Math.round(run.rps).toLocaleString('en')} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms${run.errors ? `, ${run.errors} errors` : ''}`;

export async function load(
  duration: number,
  url: string,
  headers: Record<string, string> = {},
  connections = 20,
): Promise<Load> {
  await autocannon({ url, headers, connections, duration: 1 }); // warm up
  const result = await autocannon({ url, headers, connections, duration });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

/** Load runs of several servers taking turns; for each, the round with its median throughput. */
export async function inTurns(rounds: number, runs: Array<() => Promise<Load>>): Promise<Load[]> {
  const results: Load[][] = runs.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, run] of runs.entries()) results[i]!.push(await run());
  }
  return results.map((rounds) => rounds.sort((a, b) => a.rps - b.rps)[Math.floor(rounds.length / 2)]!);
}

/** A plain Node.js server sending `body` for every request: what the machine can do at all. */
export async function withStaticServer<T>(body: Buffer, run: (url: string) => Promise<T>): Promise<T> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.byteLength });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(benchPort(3961), '127.0.0.1', resolve));
  try {
    return await run(`http://127.0.0.1:${benchPort(3961)}/`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** The corpus every part but import starts from, generated into `work`, and what parsing it costs. */
export async function mainCorpus(
  work: string,
  options: BenchOptions,
): Promise<{ corpus: string; sources: SourceDocument[] }> {
  const corpus = path.join(work, 'corpus');
  // With bylines and tags, so that the author and tag pages have listings to time.
  generateCorpus(corpus, { count: options.articles, perDocument: options.perDocument, newsroom: true });
  const sources = await readDocuments([corpus]);
  const megabytes = sources.reduce((sum, s) => sum + s.bytes.byteLength, 0) / 1024 / 1024;
  console.log(
    `corpus: ${options.articles.toLocaleString('en')} articles in ${sources.length} documents, ${megabytes.toFixed(1)} MiB`,
  );

  const parseStart = performance.now();
  for (const source of sources) parseListingDocument(source.bytes);
  const parseMs = performance.now() - parseStart;
  console.log(
    `parse: ${seconds(parseMs)} (${rate(options.articles, parseMs)} articles, ${(megabytes / (parseMs / 1000)).toFixed(1)} MiB/s)`,
  );
  return { corpus, sources };
}
