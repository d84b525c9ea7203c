import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_PORT } from '../playwright.config';
import { signNotice } from '../lib/revalidate-notice';
import { startTcpProxy, type TcpProxy } from '../test/support/tcp-proxy';
import { listingDocument, uniqueWord, type DocumentArticle } from '../test/support/listing';
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
import { plainSlug } from './support/import';
import { SEED_ARTICLES } from './support/seed';

// Two instances of the site, as a deployment runs them: one build, one PostgreSQL
// database, one Redis (keys under a prefix of this spec's own), each instance on its port.
// Redis is reached through a proxy the spec can cut, so that "Redis went away" never
// touches the machine's own server.
const ports = [E2E_PORT + 21, E2E_PORT + 22];
const prefix = `e2e-scale-${ports[0]}:`;
const secret = 'scale-out-secret';
const article = SEED_ARTICLES[2];

test.describe.configure({ mode: 'serial' });

let proxy: TcpProxy | undefined;
let instances: Instance[] = [];
let cleanup: (() => Promise<void> | void)[] = [];
let databaseUrl = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await requireRedis();
  await deleteRedisKeys(prefix);
  const database = await seededDatabase(`e2e_scale_${ports[0]}`);
  cleanup.push(database.drop);
  databaseUrl = database.url;
  const build = copyBuild(`.next-scale-${ports[0]}`);
  cleanup.push(build.remove);
  const redis = new URL(REDIS_TEST_URL);
  proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
  redis.port = String(proxy.port);
  instances = await Promise.all(
    ports.map((port) =>
      startInstance(build.dir, port, {
        DATABASE_URL: database.url,
        REDIS_URL: redis.toString(),
        REDIS_KEY_PREFIX: prefix,
        REVALIDATE_SECRET: secret,
      }),
    ),
  );
});

test.afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await proxy?.close();
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
  if (
    await requireRedis().then(
      () => true,
      () => false,
    )
  )
    await deleteRedisKeys(prefix);
});

async function textOn(instance: Instance, pathname: string) {
  const response = await fetch(`${instance.base}${pathname}`);
  return { status: response.status, cache: response.headers.get('x-nextjs-cache'), text: await response.text() };
}

async function importArticles(articles: DocumentArticle[], env: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-scale-'));
  fs.writeFileSync(path.join(dir, 'listing.txt'), listingDocument(articles));
  const run = await runSeed([dir], { DATABASE_URL: databaseUrl, ...env });
  fs.rmSync(dir, { recursive: true, force: true });
  expect(run.status, run.stdout + run.stderr).toBe(0);
  return run.stdout;
}

const importCorrection = (paragraph: string, env: Record<string, string>) =>
  importArticles([{ headline: article.headline, section: 'World', paragraphs: [paragraph] }], env);

test('a page rendered by one instance is served from the shared cache by the other', async () => {
  const [first, second] = instances as [Instance, Instance];
  expect((await textOn(first, SEED_ARTICLES[1].path)).status).toBe(200);

  const other = await textOn(second, SEED_ARTICLES[1].path);

  expect(other.status).toBe(200);
  expect(other.cache).toBe('HIT');
  expect(other.text).toContain('Lavrov');
});

test('an import that tells one instance shows its new text on both at once', async () => {
  const [first, second] = instances as [Instance, Instance];
  for (const instance of instances) {
    await textOn(instance, article.path);
    expect((await textOn(instance, article.path)).cache, `${instance.port} warmed`).toBe('HIT');
  }

  const said = await importCorrection('Corrected once, and the site told through one instance.', {
    SITE_URL: first.base,
    REVALIDATE_SECRET: secret,
  });

  expect(said).toContain('was told');
  for (const instance of [second, first]) {
    const page = await textOn(instance, article.path);
    expect(page.status).toBe(200);
    expect(page.text, `${instance.port}`).toContain('Corrected once, and the site told through one instance.');
  }
});

test('a notice one instance took is refused by the other', async () => {
  const [first, second] = instances as [Instance, Instance];
  const body = JSON.stringify({ tags: ['front'] });
  const notice = signNotice(secret, body);
  const send = (instance: Instance) =>
    fetch(`${instance.base}/api/revalidate`, {
      method: 'POST',
      headers: { authorization: notice, 'content-type': 'application/json' },
      body,
    });

  const taken = await send(first);
  expect(taken.status).toBe(200);
  expect(await taken.json()).toEqual({ expired: 1, reach: 'every instance' });
  expect((await send(second)).status).toBe(401);
  expect((await send(first)).status).toBe(401);
});

test('an import told to one instance shows in the other’s search results at once, though it had them cached', async () => {
  const [first, second] = instances as [Instance, Instance];
  const word = uniqueWord();
  const search = `/search?q=${encodeURIComponent(`${word} lighthouse`)}`;
  const headline = `Keepers of the ${word} lighthouse hand over the lamp`;
  // A result links to the article (its headline is marked up where the words matched).
  const result = `href="/world/${plainSlug(headline)}"`;
  // The other instance searches first: it finds nothing, and keeps that for a minute.
  const before = await textOn(second, search);
  expect(before.status).toBe(200);
  expect(before.text).not.toContain(result);

  const said = await importArticles([{ headline, section: 'World' }], {
    SITE_URL: first.base,
    REVALIDATE_SECRET: secret,
  });

  expect(said).toContain('was told');
  // Heard through Redis's expiry channel: a moment, not the minute the results were kept for.
  const told = Date.now();
  await expect(async () => expect((await textOn(second, search)).text).toContain(result)).toPass({
    timeout: 5_000,
  });
  expect(Date.now() - told).toBeLessThan(5_000);
  expect((await textOn(first, search)).text).toContain(result);
});

test('an import that reaches Redis itself shows its new text on both, though no instance was told', async () => {
  for (const instance of instances) await textOn(instance, article.path);

  const said = await importCorrection('Corrected again, with no instance told.', {
    REDIS_URL: REDIS_TEST_URL,
    REDIS_KEY_PREFIX: prefix,
  });

  expect(said).toContain('expired the change for every instance');
  for (const instance of instances) {
    expect((await textOn(instance, article.path)).text, `${instance.port}`).toContain(
      'Corrected again, with no instance told.',
    );
  }
});

test('with Redis gone (refusing, then hanging) both instances still answer, and say so once per outage, not per request', async () => {
  test.setTimeout(120_000);
  const pages = ['/', '/world', article.path];
  for (const instance of instances) for (const pathname of pages) await textOn(instance, pathname);

  const before = instances.map((instance) => instance.output().length);
  for (const mode of ['refuse', 'hang'] as const) {
    proxy?.setMode(mode);
    for (let round = 0; round < 3; round++) {
      for (const instance of instances) {
        for (const pathname of [...pages, SEED_ARTICLES[0].path]) {
          const started = Date.now();
          const page = await textOn(instance, pathname);
          expect(page.status, `${mode}: ${instance.port} ${pathname}`).toBe(200);
          expect(Date.now() - started, `${mode}: ${instance.port} ${pathname}`).toBeLessThan(3_000);
        }
      }
    }
    expect((await textOn(instances[0]!, article.path)).text).toContain('Corrected again, with no instance told.');
  }
  // Said once per outage (a refusing Redis, then one that accepts and never answers, which an
  // instance may briefly take for one that is back), never once per request: each instance
  // answered 24 requests meanwhile.
  for (const [i, instance] of instances.entries()) {
    const said =
      instance
        .output()
        .slice(before[i])
        .match(/Shared cache: Redis at [^\n]* does not answer/gu) ?? [];
    expect(said.length, instance.output()).toBeGreaterThanOrEqual(1);
    expect(said.length, instance.output()).toBeLessThanOrEqual(2);
  }

  proxy?.setMode('forward');
  for (const instance of instances) {
    await expect(async () => expect(instance.output()).toContain('answers again')).toPass({ timeout: 15_000 });
    expect((await textOn(instance, article.path)).status).toBe(200);
  }
});
