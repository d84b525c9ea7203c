import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/**
 * Each kind of address a stranger can make up, as the i-th of its kind: the browser test of
 * made-up addresses (e2e/made-up-addresses.spec.ts) and the bench send thousands of each.
 * `article` is the address of a real article, for the kind that dresses one up; `buildFile`
 * the address of one of the build's files (buildFileAddress), for the kind that spells it
 * another way (left out without it). The kinds in REAL_ADDRESS_KINDS name something real (200).
 */
export function madeUpAddressKinds(article: string, buildFile?: string): Record<string, (i: number) => string> {
  return {
    'under /_next/': (i) => `/_next/u${i}`,
    'a page route through /_next/%2e%2e': (i) => `/_next/%2e%2e/world/made-up-${i}`,
    'a page route through /_next/static/%2e%2e': (i) => `/_next/static/%2e%2e/%2e%2e/world/made-up-${i}`,
    'the image optimizer on a page route': (i) => `/_next/image?url=%2Fworld%2Fi${i}%2Fopengraph-image&w=1200&q=75`,
    'the image optimizer on a real image': (i) =>
      `/_next/image?url=%2Flogo.png&w=${16 + (i % 3000)}&q=${1 + (i % 100)}`,
    'an article': (i) => `/world/made-up-${i}`,
    'a lite article': (i) => `/lite/world/made-up-${i}`,
    'a share image': (i) => `/world/made-up-${i}/opengraph-image`,
    'a section feed': (i) => `/made-up-${i}/feed.xml`,
    'a sitemap file': (i) => `/sitemaps/x${i}.xml`,
    // Numbers past any archive the tests and the bench make (100,000 articles: World's 5,000 pages).
    'a listing page': (i) => `/world/page/${i + 100_000}`,
    'a feed archive': (i) => `/archive/${i + 100_000}/feed.xml`,
    'a corrections page': (i) => `/corrections/page/${i + 100_000}`,
    'a real page with a made-up query': (i) => `${article}?v=${i}`,
    ...(buildFile && { 'a build file spelt another way': (i: number) => spelt(buildFile, i + 1) }),
  };
}

/** The kinds of madeUpAddressKinds whose addresses name something real: they are answered 200. */
export const REAL_ADDRESS_KINDS: ReadonlySet<string> = new Set([
  'a real page with a made-up query',
  'a build file spelt another way',
]);

/** The address of the build's largest script (under /_next/static/), in the build folder `buildDir`. */
export function buildFileAddress(buildDir: string): string {
  const chunks = path.join(buildDir, 'static', 'chunks');
  const [largest] = fs
    .readdirSync(chunks)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, size: fs.statSync(path.join(chunks, name)).size }))
    .sort((a, b) => b.size - a.size);
  if (!largest) throw new Error(`no script in ${chunks}`);
  return `/_next/static/chunks/${largest.name}`;
}

/**
 * The i-th spelling of an address below /_next/static/: each letter and digit as it is, or
 * percent-encoded in lower or upper case, as the base-3 digits of i say (i > 0: never as it is).
 */
function spelt(address: string, i: number): string {
  const prefix = '/_next/static/';
  let n = i;
  let rest = '';
  for (const character of address.slice(prefix.length)) {
    if (!/[a-z0-9]/iu.test(character)) {
      rest += character;
      continue;
    }
    const hex = character.charCodeAt(0).toString(16);
    rest += [character, `%${hex}`, `%${hex.toUpperCase()}`][n % 3];
    n = Math.floor(n / 3);
  }
  return prefix + rest;
}

/** Sends `count` addresses of a kind (the from-th on), 16 at a time; returns how many got each status. */
export async function sendMadeUp(
  base: string,
  kind: (i: number) => string,
  count: number,
  from = 0,
): Promise<Record<number, number>> {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const statuses = new Map<number, number>();
  const get = (address: string) =>
    new Promise<number>((resolve, reject) => {
      const request = http.get({ host: url.hostname, port: url.port, path: address, agent }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      request.on('error', reject);
    });
  let next = from;
  const worker = async () => {
    while (next < from + count) {
      const status = await get(kind(next++));
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  try {
    await Promise.all(Array.from({ length: 16 }, worker));
  } finally {
    agent.destroy();
  }
  return Object.fromEntries(statuses);
}

/** A process's resident memory in MB (Linux). */
export function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/u.exec(status)?.[1] ?? NaN) / 1024;
}

/** The site's server process that `npm start` (process `startPid`) runs as its child, if it runs yet. */
export function siteServerPid(startPid: number): number | undefined {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== startPid) continue;
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('newsroom-server.mjs')) return Number(entry);
    } catch {
      // the process ended meanwhile
    }
  }
  return undefined;
}
