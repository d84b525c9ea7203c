import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_PORT } from '../playwright.config';
import { NGINX_BINARY, nginxArgs } from '../scripts/nginx-recipe';
import { uniqueWord } from '../test/support/listing';
import { plainSlug } from './support/import';
import {
  REDIS_TEST_URL,
  copyBuild,
  deleteRedisKeys,
  freePort,
  requireRedis,
  seededDatabase,
  startInstance,
  stopProcess,
  type Instance,
} from './support/instances';
import { scheduleArticles, sleepUntil } from './support/release';

// A scheduled article as a reader sees it, on instances of the site's own (their own database on
// the PostgreSQL server): nothing of it before its time, then, with no request, restart or import
// to trigger it, everywhere within a second of its time (docs/scheduling.md).
const secret = 'release-secret';
/** The goal: a release shows this long after its time, at most. */
const WITHIN_MS = 1_000;

test.describe.configure({ mode: 'serial' });

const get = async (base: string, pathname: string) => {
  const response = await fetch(`${base}${pathname}`);
  return {
    status: response.status,
    cache: response.headers.get('x-nextjs-cache'),
    proxyCache: response.headers.get('x-cache-status'),
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
};

/** The paths of every article sitemap file the sitemap index lists. */
async function sitemapFiles(base: string): Promise<string[]> {
  const index = await get(base, '/sitemap.xml');
  return [...index.text.matchAll(/<loc>([^<]+)<\/loc>/gu)]
    .map((match) => new URL(match[1]!).pathname)
    .filter((pathname) => pathname.startsWith('/sitemaps/'));
}

test.describe('one instance, without Redis', () => {
  const port = E2E_PORT + 2;
  let instance: Instance;
  let databaseUrl = '';
  const cleanup: (() => Promise<void> | void)[] = [];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const database = await seededDatabase(`e2e_release_${port}`);
    cleanup.push(database.drop);
    databaseUrl = database.url;
    const build = copyBuild(`.next-release-${port}`);
    cleanup.push(build.remove);
    instance = await startInstance(build.dir, port, { DATABASE_URL: database.url, REVALIDATE_SECRET: secret });
  });
  test.afterAll(async () => {
    await instance?.stop();
    for (const step of cleanup.reverse()) await step();
  });

  test('before its time nothing of it is public; at its time it is on every listing within a second, with no request', async () => {
    test.setTimeout(120_000);
    const word = uniqueWord();
    const headline = `${word} embargo lifts on the harbour report`;
    const aloneHeadline = `${word} first word from the new desk`;
    const newSection = `Desk ${word}`;
    const slug = plainSlug(headline);
    const articlePath = `/world/${slug}`;
    const madeUpPath = `/world/${plainSlug(`${word} nothing by this name`)}`;
    const { releaseAt, said } = await scheduleArticles(
      databaseUrl,
      [
        { headline, section: 'World', paragraphs: [`The ${word} report, kept until its time.`] },
        { headline: aloneHeadline, section: newSection, paragraphs: [`The ${word} desk opens.`] },
      ],
      25,
      { base: instance.base, secret },
    );
    // The import says so, and tells the site (whose release clock looks again).
    expect(said).toContain('2 scheduled');
    expect(said).toContain('was told of the schedule');
    const base = instance.base;

    // Its page and every copy of it answer the site's 404, as an address that names nothing does.
    for (const [pathname, madeUp] of [
      [articlePath, madeUpPath],
      [`/lite${articlePath}`, `/lite${madeUpPath}`],
      [`${articlePath}.md`, `${madeUpPath}.md`],
      [`${articlePath}/opengraph-image`, `${madeUpPath}/opengraph-image`],
      [`/${plainSlug(newSection)}`, `/${plainSlug(`Desk ${word} nowhere`)}`],
    ] as const) {
      const [scheduled, nothing] = [await get(base, pathname), await get(base, madeUp)];
      expect(scheduled.status, pathname).toBe(404);
      expect(scheduled.type, pathname).toBe(nothing.type);
      expect(scheduled.text.replaceAll(pathname, madeUp), pathname).toBe(nothing.text);
    }
    // A page cached before: the front page, served from the cache the second time.
    await get(base, '/');
    expect((await get(base, '/')).cache).toBe('HIT');
    const listings = ['/', '/world', '/feed.xml', '/world/feed.xml', `/search?q=${word}`];
    const everywhere = [
      ...listings,
      '/atom.xml',
      '/feed.json',
      '/news-sitemap.xml',
      '/llms.txt',
      '/sitemap.xml',
      ...(await sitemapFiles(base)),
    ];
    const aloneSlug = plainSlug(aloneHeadline);
    for (const pathname of everywhere) {
      const page = await get(base, pathname);
      expect(page.status, pathname).toBe(200);
      const shows = [slug, aloneSlug, headline, aloneHeadline].filter((text) => page.text.includes(text));
      expect(shows, `${pathname} shows nothing of them`).toEqual([]);
    }
    expect((await get(base, '/')).cache, 'the front page is still served from the cache').toBe('HIT');
    expect(Date.now(), 'the checks before its time took too long').toBeLessThan(releaseAt - 1_000);

    // No request until a second after its time.
    await sleepUntil(releaseAt + WITHIN_MS);
    for (const pathname of [...listings, '/news-sitemap.xml', '/llms.txt']) {
      const page = await get(base, pathname);
      expect(page.text.includes(slug), `${pathname} shows it ${WITHIN_MS} ms after its time`).toBe(true);
    }
    const front = await get(base, '/');
    expect(front.text).toContain(headline);
    expect(front.text).toContain(aloneHeadline);
    expect((await get(base, articlePath)).status).toBe(200);
    expect((await get(base, `${articlePath}.md`)).text).toContain(`The ${word} report, kept until its time.`);
    expect((await get(base, `/lite${articlePath}`)).status).toBe(200);
    expect((await get(base, `/${plainSlug(newSection)}`)).text).toContain(aloneHeadline);
    expect(instance.output()).toContain(`Released `);
  });
});

test.describe('two instances on Redis', () => {
  const ports = [E2E_PORT + 3, E2E_PORT + 4];
  const prefix = `e2e-release-${ports[0]}:`;
  let instances: Instance[] = [];
  let databaseUrl = '';
  const cleanup: (() => Promise<void> | void)[] = [];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await requireRedis();
    await deleteRedisKeys(prefix);
    const database = await seededDatabase(`e2e_release_${ports[0]}`);
    cleanup.push(database.drop);
    databaseUrl = database.url;
    const build = copyBuild(`.next-release-${ports[0]}`);
    cleanup.push(build.remove);
    instances = await Promise.all(
      ports.map((port) =>
        startInstance(build.dir, port, {
          DATABASE_URL: database.url,
          REDIS_URL: REDIS_TEST_URL,
          REDIS_KEY_PREFIX: prefix,
          REVALIDATE_SECRET: secret,
        }),
      ),
    );
  });
  test.afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    for (const step of cleanup.reverse()) await step();
    await deleteRedisKeys(prefix).catch(() => undefined);
  });

  test('both show it within a second of its time, from pages both had cached', async () => {
    test.setTimeout(90_000);
    const word = uniqueWord();
    const headline = `${word} both instances publish at once`;
    const slug = plainSlug(headline);
    // The import tells one instance; Redis tells the other.
    const { releaseAt, said } = await scheduleArticles(databaseUrl, [{ headline, section: 'World' }], 12, {
      base: instances[0]!.base,
      secret,
    });
    expect(said).toContain('was told of the schedule');
    for (const instance of instances) {
      await get(instance.base, '/');
      const again = await get(instance.base, '/');
      expect(again.cache, `${instance.port}`).toBe('HIT');
      expect(again.text.includes(headline)).toBe(false);
      expect((await get(instance.base, `/search?q=${word}`)).text.includes(slug)).toBe(false);
    }
    expect(Date.now()).toBeLessThan(releaseAt - 1_000);

    await sleepUntil(releaseAt + WITHIN_MS);
    for (const instance of instances) {
      // The article's address (search results mark the words found inside the headline).
      for (const pathname of ['/', '/world', `/search?q=${word}`])
        expect((await get(instance.base, pathname)).text.includes(slug), `${instance.port}${pathname}`).toBe(true);
    }
    // Each instance's own clock heard of the schedule (through Redis, for the one not told) and released it.
    for (const instance of instances)
      expect(instance.output(), `${instance.port} released it itself`).toContain(`Released ${slug}`);
  });
});

test.describe('behind nginx', () => {
  const port = E2E_PORT + 5;
  const MICRO_CACHE_MS = 5_000;
  let instance: Instance | undefined;
  let nginx: ChildProcess | undefined;
  let base = '';
  let databaseUrl = '';
  const cleanup: (() => Promise<void> | void)[] = [];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    if (!fs.existsSync(NGINX_BINARY))
      throw new Error(`These tests need nginx at ${NGINX_BINARY} (apt-get install nginx; .ci/run installs it).`);
    const database = await seededDatabase(`e2e_release_${port}`);
    cleanup.push(database.drop);
    databaseUrl = database.url;
    const build = copyBuild(`.next-release-${port}`);
    cleanup.push(build.remove);
    instance = await startInstance(build.dir, port, { DATABASE_URL: database.url, REVALIDATE_SECRET: secret });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-release-nginx-'));
    cleanup.push(() => fs.rmSync(folder, { recursive: true, force: true }));
    const listen = await freePort();
    base = `http://127.0.0.1:${listen}`;
    nginx = spawn(NGINX_BINARY, nginxArgs({ prefix: folder, port: listen, upstreams: [`127.0.0.1:${port}`] }), {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await expect(async () => {
      expect(nginx?.exitCode).toBeNull();
      expect((await fetch(`${base}/robots.txt`)).status).toBe(200);
    }).toPass({ timeout: 15_000 });
  });
  test.afterAll(async () => {
    await stopProcess(nginx, 'SIGQUIT');
    await instance?.stop();
    for (const step of cleanup.reverse()) await step();
  });

  test('the front page behind nginx shows it within the micro-cache’s 5 s of its time', async () => {
    test.setTimeout(90_000);
    const word = uniqueWord();
    const headline = `${word} nginx readers get it too`;
    const { releaseAt, said } = await scheduleArticles(databaseUrl, [{ headline, section: 'World' }], 12, {
      base,
      secret,
    });
    expect(said).toContain('was told of the schedule');
    await get(base, '/');
    const cached = await get(base, '/');
    expect(cached.proxyCache).toBe('HIT');
    expect(cached.text.includes(headline)).toBe(false);
    expect(Date.now()).toBeLessThan(releaseAt - 1_000);

    // A reader just before its time: nginx keeps that copy its 5 s, past the release.
    await sleepUntil(releaseAt - 500);
    expect((await get(base, '/')).text.includes(headline)).toBe(false);
    await sleepUntil(releaseAt);
    let seenAt = 0;
    await expect(async () => {
      expect((await get(base, '/')).text.includes(headline)).toBe(true);
      seenAt = Date.now();
    }).toPass({ timeout: MICRO_CACHE_MS + WITHIN_MS, intervals: [100] });
    expect(seenAt - releaseAt).toBeLessThanOrEqual(MICRO_CACHE_MS + WITHIN_MS);
  });
});
