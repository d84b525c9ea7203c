import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createClient } from '@redis/client';
import { E2E_PORT } from '../playwright.config';
import {
  REDIS_TEST_URL,
  copyBuild,
  deleteRedisKeys,
  requireRedis,
  seededDatabase,
  startInstance,
  type Instance,
} from './support/instances';
import { SEED_ARTICLES } from './support/seed';

// A stranger's made-up addresses, thousands of each kind, against a server of the spec's own
// (its own copy of the build, so that its disk is measured alone): nothing they send may leave
// a file on disk, a key in Redis, or more than a little memory behind.
const ports = [E2E_PORT + 31, E2E_PORT + 32];
const prefix = `e2e-made-up-${ports[0]}:`;
const article = SEED_ARTICLES[2].path;

/** Each kind of made-up address: the i-th of its kind. */
const KINDS: Record<string, (i: number) => string> = {
  'under /_next/': (i) => `/_next/u${i}`,
  'a page route through /_next/%2e%2e': (i) => `/_next/%2e%2e/world/made-up-${i}`,
  'a page route through /_next/static/%2e%2e': (i) => `/_next/static/%2e%2e/%2e%2e/world/made-up-${i}`,
  'the image optimizer on a page route': (i) => `/_next/image?url=%2Fworld%2Fi${i}%2Fopengraph-image&w=1200&q=75`,
  'the image optimizer on a real image': (i) => `/_next/image?url=%2Flogo.png&w=${16 + (i % 3000)}&q=${1 + (i % 100)}`,
  'an article': (i) => `/world/made-up-${i}`,
  'a lite article': (i) => `/lite/world/made-up-${i}`,
  'a share image': (i) => `/world/made-up-${i}/opengraph-image`,
  'a section feed': (i) => `/made-up-${i}/feed.xml`,
  'a sitemap file': (i) => `/sitemaps/x${i}.xml`,
  'a listing page': (i) => `/world/page/${i + 2}`,
  'a feed archive': (i) => `/archive/${i + 5}/feed.xml`,
  'a real page with a made-up query': (i) => `${article}?v=${i}`,
};

const WARM_UP = 300;

function get(agent: http.Agent, base: string, address: string, headers: Record<string, string> = {}) {
  const url = new URL(base);
  return new Promise<number>((resolve, reject) => {
    const request = http.get({ host: url.hostname, port: url.port, path: address, agent, headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
  });
}

/** Sends `count` addresses of a kind, 16 at a time; returns how many got each status. */
async function flood(base: string, kind: (i: number) => string, count: number, from = 0) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const statuses = new Map<number, number>();
  let next = from;
  const worker = async () => {
    while (next < from + count) {
      const status = await get(agent, base, kind(next++));
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  agent.destroy();
  return Object.fromEntries(statuses);
}

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/u.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

/** Every file in a folder, with its size. */
function files(dir: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    found.set(file, fs.statSync(file).size);
  }
  return found;
}

async function redisKeys(): Promise<number> {
  const client = createClient({ url: REDIS_TEST_URL });
  client.on('error', () => undefined);
  await client.connect();
  try {
    let count = 0;
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) count += keys.length;
    return count;
  } finally {
    await client.close();
  }
}

test.describe.configure({ mode: 'serial' });

let instances: Instance[] = [];
let buildDirs: string[] = [];
const cleanup: (() => Promise<void> | void)[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await requireRedis();
  await deleteRedisKeys(prefix);
  const database = await seededDatabase(`e2e_made_up_${ports[0]}`);
  cleanup.push(database.drop);
  const builds = ports.map((port) => copyBuild(`.next-made-up-${port}`));
  for (const build of builds) cleanup.push(build.remove);
  buildDirs = builds.map((build) => build.dir);
  instances = await Promise.all([
    startInstance(builds[0]!.dir, ports[0]!, { DATABASE_URL: database.url }),
    startInstance(builds[1]!.dir, ports[1]!, {
      DATABASE_URL: database.url,
      REDIS_URL: REDIS_TEST_URL,
      REDIS_KEY_PREFIX: prefix,
    }),
  ]);
});

test.afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  for (const step of cleanup.reverse()) await step();
  await deleteRedisKeys(prefix).catch(() => undefined);
});

test('2,000 made-up addresses of each kind leave the disk as it was and the memory within 50 MB', async () => {
  test.setTimeout(600_000);
  const [instance] = instances;
  // A few hundred of every kind first: what a first request legitimately caches (the 404 page,
  // the article) is then there, and the server's heap has grown to its working size under load
  // (it settles at about the same RSS however many more follow), before anything is measured.
  for (const kind of Object.values(KINDS)) await flood(instance!.base, kind, WARM_UP);
  const diskBefore = files(buildDirs[0]!);
  const rssBefore = rssMb(instance!.pid);
  const report: string[] = [];
  for (const [name, kind] of Object.entries(KINDS)) {
    const statuses = await flood(instance!.base, kind, 2_000, 1_000);
    report.push(`${name}: ${JSON.stringify(statuses)}`);
    if (name !== 'a real page with a made-up query') expect(Object.keys(statuses), name).toEqual(['404']);
    else expect(Object.keys(statuses), name).toEqual(['200']);
  }
  const diskAfter = files(buildDirs[0]!);
  const rssAfter = rssMb(instance!.pid);
  console.log(`${report.join('\n')}\nRSS ${rssBefore.toFixed(0)} MB → ${rssAfter.toFixed(0)} MB`);
  const added = [...diskAfter.keys()].filter((file) => !diskBefore.has(file));
  expect(added).toEqual([]);
  const grown = [...diskAfter].reduce((sum, [file, size]) => sum + size - (diskBefore.get(file) ?? 0), 0);
  expect(grown).toBeLessThan(64 * 1024);
  expect(rssAfter - rssBefore).toBeLessThan(50);
});

test('on the shared cache (REDIS_URL), made-up addresses add no key to Redis and little memory', async () => {
  test.setTimeout(600_000);
  const instance = instances[1]!;
  for (const kind of Object.values(KINDS)) await flood(instance.base, kind, WARM_UP);
  const keysBefore = await redisKeys();
  expect(keysBefore).toBeGreaterThan(0); // the real pages are there: the spec reads the right keys
  const rssBefore = rssMb(instance.pid);
  for (const [name, kind] of Object.entries(KINDS)) {
    if (name === 'a real page with a made-up query') continue;
    expect(Object.keys(await flood(instance.base, kind, 500, 1_000)), name).toEqual(['404']);
  }
  const rssAfter = rssMb(instance.pid);
  console.log(
    `Redis keys ${keysBefore} → ${await redisKeys()}; RSS ${rssBefore.toFixed(0)} MB → ${rssAfter.toFixed(0)} MB`,
  );
  expect(await redisKeys()).toBe(keysBefore);
  expect(rssAfter - rssBefore).toBeLessThan(50);
});
