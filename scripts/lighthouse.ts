// npm run lighthouse -- [--runs N] [--url URL] [--pages PATH,PATH,...] [--floor]
//
// Lighthouse (mobile emulation, simulated slow 4G) on the front page, a section page,
// an article and (when its byline and tags link to them) an author's and a tag's page of the
// production build with the bundled documents loaded. Prints the
// four category scores, LCP, TBT, CLS, total and JavaScript bytes per page and run,
// then the medians. Without --url it starts its own production server, the way the
// browser tests do: its own port (LIGHTHOUSE_PORT, default 3700) and a fresh data dir.
// With --floor it also audits, in the same runs, a bare Next.js app's page of the size of the
// last page audited (scripts/floor-app.ts): what the framework itself scores on this machine.
// Exits 1 when accessibility, best practices or SEO is below 100 on any of the site's pages.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium';
import { startFloorApp } from './floor-app';
import { benchPort } from './bench/processes';

const root = path.resolve(import.meta.dirname, '..');

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
/** The categories that must score 100; performance depends on the machine's load, so it is reported only. */
export const REQUIRED_CATEGORIES: readonly Category[] = ['accessibility', 'best-practices', 'seo'];

export interface PageAudit {
  url: string;
  scores: Partial<Record<Category, number>>;
  lcpMs?: number;
  tbtMs?: number;
  cls?: number;
  totalBytes?: number;
  jsBytes?: number;
  /** What cost points: "category: audit title (score)". */
  shortfalls: string[];
}

export const CHROME_FLAGS = ['--headless', ...CHROMIUM_FLAGS];

export async function launchChrome(): Promise<chromeLauncher.LaunchedChrome> {
  return chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROME_FLAGS,
  });
}

function numeric(result: Result, audit: string): number | undefined {
  return result.audits[audit]?.numericValue;
}

function scriptBytes(result: Result): number | undefined {
  const details = result.audits['network-requests']?.details;
  if (!details || details.type !== 'table') return undefined;
  return details.items
    .filter((item) => item.resourceType === 'Script')
    .reduce((sum, item) => sum + (typeof item.transferSize === 'number' ? item.transferSize : 0), 0);
}

function shortfalls(result: Result): string[] {
  const found: string[] = [];
  for (const [id, category] of Object.entries(result.categories)) {
    for (const ref of category.auditRefs) {
      const audit = result.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
        found.push(`${id}: ${audit.title} (${Math.round(audit.score * 100)})`);
    }
  }
  return found;
}

/**
 * One Lighthouse run (mobile, the default config) on one page, in an already running Chrome.
 * `errorStatus`: the page answers a 4xx on purpose (a withdrawn article's 410), and is audited all the same.
 */
export async function auditPage(
  url: string,
  chromePort: number,
  categories: readonly Category[] = CATEGORIES,
  { errorStatus = false } = {},
): Promise<PageAudit> {
  const flags: Flags = {
    port: chromePort,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...categories],
    ...(errorStatus && { ignoreStatusCode: true }),
  };
  let result: Result | undefined;
  // A load that Chrome itself abandons (an error page on a busy machine) is not a measurement: try once more.
  for (let attempt = 1; attempt <= 2; attempt++) {
    result = (await lighthouse(url, flags))?.lhr;
    if (result && !result.runtimeError) break;
    if (attempt === 2 || !result)
      throw new Error(`Lighthouse could not audit ${url}: ${result?.runtimeError?.message ?? 'no result'}`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const scores: PageAudit['scores'] = {};
  for (const category of categories) {
    const score = result.categories[category]?.score;
    if (typeof score === 'number') scores[category] = Math.round(score * 100);
  }
  return {
    url,
    scores,
    lcpMs: numeric(result, 'largest-contentful-paint'),
    tbtMs: numeric(result, 'total-blocking-time'),
    cls: numeric(result, 'cumulative-layout-shift'),
    totalBytes: numeric(result, 'total-byte-weight'),
    jsBytes: scriptBytes(result),
    shortfalls: shortfalls(result),
  };
}

/** The site-relative links of a page, of one or two segments. */
const linksOf = async (url: string) =>
  [...(await (await fetch(url)).text()).matchAll(/href="(\/[a-z0-9-]+(?:\/[a-z0-9-]+)?)"/gu)].map(
    (match) => match[1] ?? '',
  );

/**
 * The front page, its first section and its lead article, found from the front page's own links,
 * then the first author's and tag's pages the article links to (when its byline and tags name some),
 * and the corrections page.
 */
export async function findPages(baseUrl: string): Promise<string[]> {
  const paths = await linksOf(baseUrl);
  const isByline = (href: string) => /^\/(?:authors|tags)\//u.test(href);
  const section = paths.find((href) => /^\/[a-z0-9-]+$/u.test(href));
  const article = paths.find((href) => /^\/[a-z0-9-]+\/[a-z0-9-]+$/u.test(href) && !isByline(href));
  if (!section || !article) throw new Error(`The front page at ${baseUrl} links to no section or no article`);
  const fromArticle = await linksOf(`${baseUrl}${article}`);
  const bylines = ['/authors/', '/tags/'].flatMap(
    (prefix) => fromArticle.find((href) => href.startsWith(prefix)) ?? [],
  );
  // The corrections page is a page even with nothing on it: the bundled documents have no notes.
  return ['/', section, article, ...bylines, '/corrections'];
}

async function waitForServer(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs / 1000} s`);
}

/** `npm start` on its own port and a fresh embedded database: builds if needed, loads the bundled documents. */
async function startServer(port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = path.join(root, '.tmp', `lighthouse-data-${port}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  spawnSync(process.execPath, ['scripts/prisma-generate.mjs'], { cwd: root, stdio: 'inherit' });
  const url = `http://localhost:${port}`;
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      SITE_URL: url,
      DATABASE_URL: '',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForServer(url, server, 600_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

const median = (values: number[]): number | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const kib = (bytes?: number) => (bytes === undefined ? '–' : `${(bytes / 1024).toFixed(1)} KiB`);
const ms = (value?: number) => (value === undefined ? '–' : `${Math.round(value)} ms`);
const score = (value?: number) => (value === undefined ? '–' : String(value));

export function formatTable(audits: PageAudit[], label: (audit: PageAudit) => string): string {
  const header = ['page', 'perf', 'a11y', 'best pr.', 'SEO', 'LCP', 'TBT', 'CLS', 'total', 'JS'];
  const rows = audits.map((audit) => [
    label(audit),
    score(audit.scores.performance),
    score(audit.scores.accessibility),
    score(audit.scores['best-practices']),
    score(audit.scores.seo),
    ms(audit.lcpMs),
    ms(audit.tbtMs),
    audit.cls === undefined ? '–' : audit.cls.toFixed(3),
    kib(audit.totalBytes),
    kib(audit.jsBytes),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** "category: audit (score)" of every run, as one line per audit with each run's score. */
function groupShortfalls(runs: PageAudit[]): string[] {
  const scores = new Map<string, string[]>();
  for (const item of runs.flatMap((audit) => audit.shortfalls)) {
    const [, name = item, value = '?'] = /^(.*) \((\d+)\)$/u.exec(item) ?? [];
    scores.set(name, [...(scores.get(name) ?? []), value]);
  }
  return [...scores].map(
    ([name, values]) => `${name} (${values.join(', ')} in ${values.length} of ${runs.length} runs)`,
  );
}

function medianAudit(runs: PageAudit[]): PageAudit {
  const pick = (get: (audit: PageAudit) => number | undefined) =>
    median(runs.map(get).filter((value): value is number => value !== undefined));
  const scores: PageAudit['scores'] = {};
  for (const category of CATEGORIES) {
    const value = pick((audit) => audit.scores[category]);
    if (value !== undefined) scores[category] = value;
  }
  return {
    url: runs[0]?.url ?? '',
    scores,
    lcpMs: pick((audit) => audit.lcpMs),
    tbtMs: pick((audit) => audit.tbtMs),
    cls: pick((audit) => audit.cls),
    totalBytes: pick((audit) => audit.totalBytes),
    jsBytes: pick((audit) => audit.jsBytes),
    shortfalls: groupShortfalls(runs),
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '1' },
      url: { type: 'string' },
      pages: { type: 'string' },
      floor: { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new Error('--runs must be a whole number from 1 to 20');

  const server = values.url ? null : await startServer(Number(process.env.LIGHTHOUSE_PORT || 3700));
  const baseUrl = (values.url ?? server?.url ?? '').replace(/\/+$/u, '');
  const floor = values.floor ? await startFloorApp(benchPort(3961)) : null;
  const chrome = await launchChrome();
  try {
    const paths = values.pages ? values.pages.split(',') : await findPages(baseUrl);
    const urls = paths.map((pagePath) => `${baseUrl}${pagePath}`);
    if (floor) {
      const last = await fetch(urls.at(-1) ?? baseUrl);
      urls.push(await floor.pageOfSize((await last.arrayBuffer()).byteLength));
    }
    // One unmeasured visit per page, so that the first run does not measure the server's cold start.
    for (const url of urls) await fetch(url);
    const byPage = new Map<string, PageAudit[]>(urls.map((url) => [url, []]));
    const label = (audit: PageAudit) =>
      `${audit.url.startsWith(baseUrl) ? '' : 'bare Next.js (floor) '}${new URL(audit.url).pathname}`;
    for (let run = 1; run <= runs; run++) {
      const audits: PageAudit[] = [];
      for (const url of urls) {
        const audit = await auditPage(url, chrome.port);
        byPage.get(url)?.push(audit);
        audits.push(audit);
      }
      console.log(`\nLighthouse, mobile, run ${run} of ${runs} (${baseUrl})\n`);
      console.log(formatTable(audits, label));
    }
    const medians = urls.map((url) => medianAudit(byPage.get(url) ?? []));
    if (runs > 1) {
      console.log(`\nMedian of ${runs} runs\n`);
      console.log(formatTable(medians, label));
    }
    const lost = medians.flatMap((audit) => audit.shortfalls.map((item) => `  ${label(audit)}  ${item}`));
    if (lost.length > 0) console.log(`\nWhat cost points:\n${lost.join('\n')}`);
    // The floor's bare page has no title or description: only the site's own pages must score 100.
    const failing = medians
      .slice(0, paths.length)
      .filter((audit) => REQUIRED_CATEGORIES.some((category) => (audit.scores[category] ?? 0) < 100));
    return failing.length > 0 ? 1 : 0;
  } finally {
    chrome.kill();
    await server?.stop();
    await floor?.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`lighthouse: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
