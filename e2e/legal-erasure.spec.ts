import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createClient, RESP_TYPES } from '@redis/client';
import { expect, test } from '@playwright/test';
import { E2E_DATA_DIR, E2E_PORT } from '../playwright.config';
import { listingDocument, uniqueWord, type DocumentArticle } from '../test/support/listing';
import { importArticles, plainSlug, SOON, writeDocuments } from './support/import';
import {
  REDIS_TEST_URL,
  copyBuild,
  deleteRedisKeys,
  requireRedis,
  runSeed,
  seededDatabase,
  startInstance,
  type Instance,
} from './support/instances';

// A legal removal, looked for from outside the site as a reader and an operator can: what the
// site serves, the files of Next's cache on disk, and every value in Redis. After it, none
// holds a sentence of the article (each holds it before: the search can find it).

/** `npm run withdraw -- …` with this environment. */
function runWithdraw(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/withdraw.ts', ...args], {
    env: { ...process.env, REDIS_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (status) => resolve({ status, stdout, stderr })),
  );
}

/** An article to remove, its sentences each marked with a word of its own, and one to keep beside it. */
function articles(word: string) {
  const section = `Erasure ${word}`;
  const secret = `Sealed${word}`;
  const removed: DocumentArticle = {
    headline: `${secret} witness named in the harbour inquiry`,
    section,
    paragraphs: [
      `${secret} the witness gave evidence to the inquiry behind closed doors on Monday.`,
      `Her name and address were read out in open court by mistake, ${secret} lawyers said.`,
    ],
  };
  const kept: DocumentArticle = { headline: `Kept ${word} report on the tides`, section };
  // Each holds the marked word: another test's article, written from the same words, is not this one.
  const sentences = [removed.headline, ...removed.paragraphs!, secret];
  return { section, sectionSlug: plainSlug(section), removed, kept, slug: plainSlug(removed.headline), sentences };
}

/** The addresses a reader could find the article at, or in. */
const addressesOf = (sectionSlug: string, slug: string) => ({
  own: [
    `/${sectionSlug}/${slug}`,
    `/lite/${sectionSlug}/${slug}`,
    `/${sectionSlug}/${slug}.md`,
    `/${sectionSlug}/${slug}/opengraph-image`,
    `/${sectionSlug}/${slug}/versions/1`,
    `/${sectionSlug}/${slug}/versions/1.md`,
  ],
  listing: [
    '/',
    '/lite',
    `/${sectionSlug}`,
    `/lite/${sectionSlug}`,
    '/feed.xml',
    '/atom.xml',
    '/feed.json',
    `/${sectionSlug}/feed.xml`,
    '/sitemap.xml',
    '/news-sitemap.xml',
    '/llms.txt',
  ],
});

/** Each file below `dir` that holds one of `needles` (as UTF-8, or as V8 keeps a two-byte string). */
function filesHolding(dir: string, needles: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(at, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && holds(fs.readFileSync(full), needles)) found.push(full);
    }
  };
  walk(dir);
  return found;
}

const holds = (bytes: Buffer, needles: readonly string[]) =>
  needles.some(
    (needle) => bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle, 'utf16le')),
  );

/** Every Redis key under `prefix` whose value (any field of a hash, or a string) holds one of `needles`. */
async function redisKeysHolding(prefix: string, needles: readonly string[]): Promise<string[]> {
  const client = createClient({ url: REDIS_TEST_URL });
  client.on('error', () => undefined);
  await client.connect();
  const found: string[] = [];
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      for (const key of keys) {
        const type = await client.type(key);
        const values: Buffer[] =
          type === 'hash'
            ? Object.values(
                (await client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).hGetAll(key)) as Record<
                  string,
                  Buffer
                >,
              )
            : type === 'string'
              ? [Buffer.from(((await client.get(key)) ?? '') as string)]
              : [];
        if (values.some((value) => holds(Buffer.from(value), needles))) found.push(key);
      }
    }
  } finally {
    await client.close();
  }
  return found;
}

/**
 * The addresses whose answer holds a sentence of the article, each with where. A search page
 * says what was asked (the marked word) and marks the words it found (which splits the
 * sentences): there, a result is a link to the article.
 */
function leaks(served: Map<string, { body: Buffer }>, sentences: readonly string[], address: string): string[] {
  return [...served]
    .filter(([path, { body }]) => holds(body, path.startsWith('/search') ? [`href="${address}"`] : sentences))
    .map(([path, { body }]) => {
      const at = Math.max(0, ...[...sentences, address].map((needle) => body.indexOf(needle)));
      return `${path}: …${body.subarray(Math.max(0, at - 200), at + 100).toString()}…`;
    });
}

/** Reads each address, as a reader would: the caches now hold what it served. */
async function readAll(base: string, paths: readonly string[]): Promise<Map<string, { status: number; body: Buffer }>> {
  const served = new Map<string, { status: number; body: Buffer }>();
  for (const address of paths) {
    const response = await fetch(`${base}${address}`, { redirect: 'manual' });
    served.set(address, { status: response.status, body: Buffer.from(await response.arrayBuffer()) });
  }
  return served;
}

test.describe('a legal removal, on the site as it runs (Next’s own cache, on disk)', () => {
  test('leaves no sentence of the article in any page, feed or file of the cache', async ({ baseURL }) => {
    test.setTimeout(120_000);
    const { removed, kept, sectionSlug, slug, sentences } = articles(uniqueWord());
    importArticles([removed, kept]);
    const { own, listing } = addressesOf(sectionSlug, slug);
    const search = `/search?q=${encodeURIComponent(sentences.at(-1)!)}`;
    const before = await readAll(baseURL!, [...own, ...listing, search]);
    expect(before.get(own[0]!)?.status).toBe(200);
    expect(leaks(before, sentences, own[0]!)).toEqual(
      expect.arrayContaining(
        [own[0], `/${sectionSlug}`, '/feed.xml', search].map((a) => expect.stringContaining(`${a}:`)),
      ),
    );
    const build = path.resolve(process.env.NEXT_DIST_DIR || '.next');
    // The cache kept what was read: the search below can find it.
    await expect.poll(() => filesHolding(path.join(build, 'server'), sentences).length, SOON).toBeGreaterThan(0);

    const run = await runWithdraw([`${baseURL}/${sectionSlug}/${slug}`, '--legal', '--reason', 'Court order 2026/7'], {
      DATA_DIR: E2E_DATA_DIR,
      DATABASE_URL: '',
      SITE_URL: baseURL!,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('was told and shows the change now');
    expect(run.stdout).toContain(`${baseURL}/${sectionSlug}/${slug}/opengraph-image`);

    const after = await readAll(baseURL!, [...own, ...listing, search]);
    for (const address of own) expect(after.get(address)?.status, address).not.toBe(200);
    expect(leaks(after, sentences, own[0]!)).toEqual([]);
    expect(holds(after.get(`/${sectionSlug}`)!.body, [kept.headline])).toBe(true);
    expect(filesHolding(path.join(build, 'server'), sentences)).toEqual([]);
    expect(filesHolding(path.join(build, 'cache'), sentences)).toEqual([]);
  });
});

test.describe('withdrawal and legal removal on two instances sharing Redis', () => {
  test.describe.configure({ mode: 'serial' });
  const ports = [E2E_PORT + 51, E2E_PORT + 52];
  const prefix = `e2e-erasure-${ports[0]}:`;
  const secret = 'erasure-secret';
  let instances: Instance[] = [];
  const cleanup: (() => Promise<void> | void)[] = [];
  let env: Record<string, string> = {};

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await requireRedis();
    await deleteRedisKeys(prefix);
    const database = await seededDatabase(`e2e_erasure_${ports[0]}`);
    cleanup.push(database.drop);
    const build = copyBuild(`.next-erasure-${ports[0]}`);
    cleanup.push(build.remove);
    const shared = { DATABASE_URL: database.url, REDIS_URL: REDIS_TEST_URL, REDIS_KEY_PREFIX: prefix };
    instances = await Promise.all(
      ports.map((port) => startInstance(build.dir, port, { ...shared, REVALIDATE_SECRET: secret })),
    );
    cleanup.push(() => Promise.all(instances.map((instance) => instance.stop())).then(() => undefined));
    env = {
      ...shared,
      SITE_URL: instances[0]!.base,
      REVALIDATE_SECRET: secret,
      DATA_DIR: path.resolve('.tmp/e2e-nobody-runs-here'),
    };
  });

  test.afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
    await deleteRedisKeys(prefix);
  });

  test('a withdrawal leaves every listing of both instances at once, and a restore brings it back', async () => {
    const word = uniqueWord();
    const { removed, kept, sectionSlug, slug } = articles(word);
    const dir = writeDocuments({ 'listing.txt': listingDocument([removed, kept]) });
    const seeded = await runSeed([dir], env);
    expect(seeded.status, seeded.stderr).toBe(0);
    for (const instance of instances) await readAll(instance.base, [`/${sectionSlug}`, `/${sectionSlug}/${slug}`]);

    const withdrawn = await runWithdraw([slug, '--reason', 'The inquiry asked us to wait.'], env);
    expect(withdrawn.status, withdrawn.stderr).toBe(0);
    for (const instance of instances) {
      const [listing, own] = [
        ...(await readAll(instance.base, [`/${sectionSlug}`, `/${sectionSlug}/${slug}`])).values(),
      ];
      expect(holds(listing!.body, [removed.headline])).toBe(false);
      expect(holds(listing!.body, [kept.headline])).toBe(true);
      expect(own!.status).not.toBe(200);
    }

    const restored = await runWithdraw(['--restore', slug], env);
    expect(restored.status, restored.stderr).toBe(0);
    for (const instance of instances) {
      const served = await readAll(instance.base, [`/${sectionSlug}`, `/${sectionSlug}/${slug}`]);
      expect(holds(served.get(`/${sectionSlug}`)!.body, [removed.headline])).toBe(true);
      expect(served.get(`/${sectionSlug}/${slug}`)!.status).toBe(200);
    }
  });

  test('a legal removal leaves no sentence in any page of either instance, nor in any value in Redis', async () => {
    const { removed, kept, sectionSlug, slug, sentences } = articles(uniqueWord());
    const dir = writeDocuments({ 'listing.txt': listingDocument([removed, kept]) });
    const seeded = await runSeed([dir], env);
    expect(seeded.status, seeded.stderr).toBe(0);
    const { own, listing } = addressesOf(sectionSlug, slug);
    const search = `/search?q=${encodeURIComponent(sentences.at(-1)!)}`;
    for (const instance of instances) {
      const served = await readAll(instance.base, [...own, ...listing, search]);
      expect(leaks(served, sentences, own[0]!)).toEqual(
        expect.arrayContaining([expect.stringContaining(`${search}:`)]),
      );
      expect(holds(served.get(own[0]!)!.body, sentences)).toBe(true);
    }
    // Redis holds what both read: the search below can find it.
    await expect.poll(async () => (await redisKeysHolding(prefix, sentences)).length, SOON).toBeGreaterThan(0);

    const run = await runWithdraw([`/${sectionSlug}/${slug}`, '--legal', '--reason', 'Court order 2026/8'], env);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/The shared cache \(Redis\) deleted \d+ entr/u);

    for (const instance of instances) {
      const served = await readAll(instance.base, [...own, ...listing, search]);
      for (const address of own) expect(served.get(address)?.status, `${instance.base}${address}`).not.toBe(200);
      expect(leaks(served, sentences, own[0]!), instance.base).toEqual([]);
      expect(holds(served.get(`/${sectionSlug}`)!.body, [kept.headline])).toBe(true);
    }
    expect(await redisKeysHolding(prefix, sentences)).toEqual([]);
  });
});
