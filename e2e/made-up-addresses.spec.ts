import fs from 'node:fs';
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
import {
  REAL_ADDRESS_KINDS,
  buildFileAddress,
  madeUpAddressKinds,
  residentMb as rssMb,
  sendMadeUp as flood,
} from '../test/support/made-up-addresses';

// A stranger's made-up addresses, thousands of each kind, against a server of the spec's own
// (its own copy of the build, so that its disk is measured alone): nothing they send may leave
// a file on disk, a key in Redis, or more than a little memory behind.
const ports = [E2E_PORT + 31, E2E_PORT + 32];
const prefix = `e2e-made-up-${ports[0]}:`;
const article = SEED_ARTICLES[2].path;

/** Made-up addresses of each kind sent before anything is measured, and then measured. */
const ROUND = 2_000;
const REDIS_ROUND = 500;
let KINDS: ReturnType<typeof madeUpAddressKinds> = {};

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
  KINDS = madeUpAddressKinds(article, buildFileAddress(buildDirs[0]!));
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
  // As many of every kind first, other addresses of the same kinds: what a first request
  // legitimately caches (the 404 page, the article) is then there, and the server's heap has
  // grown to its working size under this load (V8 keeps what it grew to; on a loaded machine a
  // first round alone grows it by 30-60 MB, a second by a few). Anything kept per address would
  // grow again with the measured round: at 2 KB an address, by 52 MB.
  for (const kind of Object.values(KINDS)) await flood(instance!.base, kind, ROUND);
  const diskBefore = files(buildDirs[0]!);
  const rssBefore = rssMb(instance!.pid);
  const report: string[] = [];
  for (const [name, kind] of Object.entries(KINDS)) {
    const statuses = await flood(instance!.base, kind, ROUND, ROUND);
    report.push(`${name}: ${JSON.stringify(statuses)}`);
    expect(Object.keys(statuses), name).toEqual([REAL_ADDRESS_KINDS.has(name) ? '200' : '404']);
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
  for (const kind of Object.values(KINDS)) await flood(instance.base, kind, REDIS_ROUND);
  const keysBefore = await redisKeys();
  expect(keysBefore).toBeGreaterThan(0); // the real pages are there: the spec reads the right keys
  const rssBefore = rssMb(instance.pid);
  for (const [name, kind] of Object.entries(KINDS)) {
    if (REAL_ADDRESS_KINDS.has(name)) continue;
    expect(Object.keys(await flood(instance.base, kind, REDIS_ROUND, REDIS_ROUND)), name).toEqual(['404']);
  }
  const rssAfter = rssMb(instance.pid);
  console.log(
    `Redis keys ${keysBefore} → ${await redisKeys()}; RSS ${rssBefore.toFixed(0)} MB → ${rssAfter.toFixed(0)} MB`,
  );
  expect(await redisKeys()).toBe(keysBefore);
  expect(rssAfter - rssBefore).toBeLessThan(50);
});
