import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FRAMEWORK_DATA_HEADERS } from '../lib/http/framework-data';
import { E2E_PORT } from '../playwright.config';
import { NGINX_BINARY, nginxArgs } from '../scripts/nginx-recipe';
import { listingDocument } from '../test/support/listing';
import {
  copyBuild,
  freePort,
  runSeed,
  seededDatabase,
  startInstance,
  stopProcess,
  type Instance,
} from './support/instances';
import { SEED_ARTICLES } from './support/seed';
import { runWithdraw } from './support/withdrawal';
import { ARTICLE_ROUTER_STATE } from '../test/support/router-states';

// deploy/nginx.conf as written, on a free port, in front of one instance of the site
// (its own database): what the recipe promises, checked through nginx itself.
const port = E2E_PORT + 23;
const secret = 'nginx-secret';
const article = SEED_ARTICLES[1];
const MICRO_CACHE_SECONDS = 5;

test.describe.configure({ mode: 'serial' });

let instance: Instance | undefined;
let nginx: ChildProcess | undefined;
let base = '';
let databaseUrl = '';
const cleanup: (() => Promise<void> | void)[] = [];

/** The recipe is tested for real: without nginx the test fails, saying how to get it. */
function requireNginx(): void {
  if (!fs.existsSync(NGINX_BINARY))
    throw new Error(`These tests need nginx at ${NGINX_BINARY} (apt-get install nginx; .ci/run installs it).`);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  requireNginx();
  const database = await seededDatabase(`e2e_nginx_${port}`);
  cleanup.push(database.drop);
  databaseUrl = database.url;
  const build = copyBuild(`.next-nginx-${port}`);
  cleanup.push(build.remove);
  instance = await startInstance(build.dir, port, { DATABASE_URL: database.url, REVALIDATE_SECRET: secret });

  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-nginx-'));
  cleanup.push(() => fs.rmSync(prefix, { recursive: true, force: true }));
  const listen = await freePort();
  base = `http://127.0.0.1:${listen}`;
  nginx = spawn(NGINX_BINARY, nginxArgs({ prefix, port: listen, upstreams: [`127.0.0.1:${port}`] }), {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let said = '';
  nginx.stderr?.on('data', (chunk: Buffer) => (said += chunk.toString()));
  await expect(async () => {
    expect(nginx?.exitCode, said).toBeNull();
    expect((await fetch(`${base}/robots.txt`)).status).toBe(200);
  }).toPass({ timeout: 15_000 });
});

test.afterAll(async () => {
  await stopProcess(nginx, 'SIGQUIT');
  await instance?.stop();
  for (const step of cleanup.reverse()) await step();
});

const get = async (pathname: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${base}${pathname}`, { headers });
  return { status: response.status, cache: response.headers.get('x-cache-status'), text: await response.text() };
};

test('a page comes through nginx, which keeps it: the next reader gets nginx’s copy', async () => {
  const first = await get(article.path);
  expect(first.status).toBe(200);
  expect(first.text).toContain('Lavrov');
  expect(first.cache).toBe('MISS');

  const second = await get(article.path);

  expect(second.status).toBe(200);
  expect(second.cache).toBe('HIT');
  expect(second.text).toBe(first.text);
});

test('each encoding is kept apart: a gzip reader never gets Brotli, a plain one never gets either', async () => {
  const plain = await fetch(`${base}${article.path}`, { headers: { 'accept-encoding': 'identity' } });
  const gzip = await fetch(`${base}${article.path}`, { headers: { 'accept-encoding': 'gzip' } });
  const brotli = await fetch(`${base}${article.path}`, { headers: { 'accept-encoding': 'br' } });
  expect(plain.headers.get('content-encoding')).toBeNull();
  expect(gzip.headers.get('content-encoding')).toBe('gzip');
  expect(brotli.headers.get('content-encoding')).toBe('br');
  expect(await gzip.text()).toContain('Lavrov');
});

test('the import’s notice passes through nginx, and the new text shows behind nginx within its few seconds', async () => {
  await get(SEED_ARTICLES[2].path);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-nginx-docs-'));
  fs.writeFileSync(
    path.join(dir, 'correction.txt'),
    listingDocument([
      { headline: SEED_ARTICLES[2].headline, section: 'World', paragraphs: ['Corrected behind nginx.'] },
    ]),
  );
  const started = Date.now();

  const run = await runSeed([dir], { DATABASE_URL: databaseUrl, SITE_URL: base, REVALIDATE_SECRET: secret });
  fs.rmSync(dir, { recursive: true, force: true });

  expect(run.status, run.stdout + run.stderr).toBe(0);
  expect(run.stdout).toContain(`The site at ${base} was told`);
  await expect(async () => expect((await get(SEED_ARTICLES[2].path)).text).toContain('Corrected behind nginx.')).toPass(
    {
      timeout: (MICRO_CACHE_SECONDS + 3) * 1000,
    },
  );
  expect(Date.now() - started).toBeLessThan((MICRO_CACHE_SECONDS + 3) * 1000 + 10_000);
  const refused = await fetch(`${base}/api/revalidate`, { method: 'POST', body: '{"tags":["front"]}' });
  expect(refused.status, 'the notice reaches the site, which checks its secret').toBe(401);
  expect(refused.headers.get('x-cache-status')).toBeNull();
});

/** The finding's request: a prefetch of the route tree, without `RSC`. */
const TREE_PREFETCH = { 'next-router-prefetch': '1', 'next-router-segment-prefetch': '/_tree' };

test('a prefetch of an article, even without RSC, is never served by nginx to the article’s next reader', async () => {
  const target = SEED_ARTICLES[0];
  const prefetches: (string | null)[] = [];
  for (let i = 0; i < 3; i++) {
    const prefetch = await fetch(`${base}${target.path}`, { headers: TREE_PREFETCH });
    await prefetch.arrayBuffer();
    prefetches.push(prefetch.headers.get('x-cache-status'));
  }

  const reader = await fetch(`${base}${target.path}`);

  expect(reader.headers.get('content-type')).toMatch(/^text\/html/u);
  expect(prefetches).toEqual(['BYPASS', 'BYPASS', 'BYPASS']);
  expect(await reader.text()).toContain(target.headline);
  const again = await fetch(`${base}${target.path}`);
  expect(again.headers.get('x-cache-status')).toBe('HIT');
  expect(again.headers.get('content-type')).toMatch(/^text\/html/u);
});

/** A value of each kind Next's client sends (a made-up router state gets the 400 page: abuse.spec.ts). */
const FRAMEWORK_DATA_VALUES: Record<string, string> = {
  rsc: '1',
  'next-router-segment-prefetch': '/_tree',
  'next-router-state-tree': ARTICLE_ROUTER_STATE,
};

test('every header the site takes for framework data skips nginx’s cache, and the site’s answer is nobody’s to share', async () => {
  const target = SEED_ARTICLES[1];
  await get(target.path);
  expect((await get(target.path)).cache).toBe('HIT');
  const origin = instance?.base ?? '';

  for (const name of FRAMEWORK_DATA_HEADERS) {
    const headers = { [name]: FRAMEWORK_DATA_VALUES[name] ?? '0' };
    const proxied = await fetch(`${base}${target.path}`, { headers });
    await proxied.arrayBuffer();
    expect(proxied.headers.get('x-cache-status'), name).toBe('BYPASS');

    const direct = await fetch(`${origin}${target.path}`, { headers });
    await direct.arrayBuffer();
    expect(direct.headers.get('cache-control'), name).toBe('private, no-store');
    const vary = (direct.headers.get('vary') ?? '').toLowerCase().split(/\s*,\s*/u);
    for (const listed of FRAMEWORK_DATA_HEADERS) expect(vary, name).toContain(listed);
  }

  const finding = await fetch(`${origin}${target.path}`, { headers: TREE_PREFETCH });
  await finding.arrayBuffer();
  expect(finding.headers.get('cache-control')).not.toMatch(/s-maxage|public/u);
  const plain = await fetch(`${origin}${target.path}`);
  expect(plain.headers.get('cache-control')).toMatch(/s-maxage=60/u);
});

test('a withdrawn article answers 410 behind nginx within its few seconds, and no later reader gets the old page', async () => {
  test.setTimeout(60_000);
  const target = SEED_ARTICLES[0];
  const slug = target.path.split('/').at(-1) ?? '';
  const site = { DATABASE_URL: databaseUrl, SITE_URL: base, REVALIDATE_SECRET: secret };
  await get(target.path);
  expect((await get(target.path)).cache).toBe('HIT');

  await runWithdraw([slug, '--reason', 'Withdrawn behind nginx.'], site);
  // No reader until well past the micro-cache's seconds: the first then must not get its old copy
  // (served stale while nginx fetched the new answer, it would be, however late they came).
  await new Promise((resolve) => setTimeout(resolve, (MICRO_CACHE_SECONDS + 2) * 1000));
  const late = await get(target.path);

  expect(late.status).toBe(410);
  expect(late.cache).not.toMatch(/STALE|UPDATING/u);
  expect(late.text).toContain('Withdrawn behind nginx.');
  // nginx keeps the 410 as it kept the page.
  const kept = await get(target.path);
  expect(kept.status).toBe(410);
  expect(kept.cache).toBe('HIT');

  await runWithdraw(['--restore', slug], site);
  await expect(async () => expect((await get(target.path)).status).toBe(200)).toPass({
    timeout: (MICRO_CACHE_SECONDS + 3) * 1000,
  });
});

test('a reader who trickles a request to nginx is let go within 10 s', async () => {
  test.setTimeout(30_000);
  const { port: listen } = new URL(base);
  const socket = net.connect({ host: '127.0.0.1', port: Number(listen) });
  const timer = setInterval(() => socket.writable && socket.write('X-Slow: still typing\r\n'), 1_000);
  socket.on('connect', () => socket.write(`GET ${article.path} HTTP/1.1\r\nHost: 127.0.0.1\r\n`));
  socket.on('error', () => undefined);
  socket.resume();
  const closed = new Promise((resolve) => socket.once('close', resolve));
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 12_000))]);
  clearInterval(timer);

  expect(socket.destroyed, 'nginx closed the connection within 12 s').toBe(true);
  socket.destroy();
});

test('when no instance answers, nginx serves the pages it kept, stale', async () => {
  test.setTimeout(60_000);
  const kept = await get(article.path);
  expect(kept.status).toBe(200);
  await instance?.stop();
  await new Promise((resolve) => setTimeout(resolve, (MICRO_CACHE_SECONDS + 1) * 1000));

  const stale = await get(article.path);

  expect(stale.status).toBe(200);
  expect(stale.cache).toBe('STALE');
  expect(stale.text).toContain('Lavrov');
  expect((await get('/world/never-asked-for-before')).status).toBe(502);
});
