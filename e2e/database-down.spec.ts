import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_PORT } from '../playwright.config';
import { POSTGRES_ADMIN_URL, createDatabase, dropDatabase } from '../lib/db/server-databases';
import { startTcpProxy, type TcpProxy } from '../test/support/tcp-proxy';
import { stopProcess } from './support/instances';
import { SEED_ARTICLES } from './support/seed';
import { leakedInternals } from './support/html';

// Two more servers from a copy of the same build: one pointed at a database that refuses
// connections, one at a database that accepts them and then never answers. The copy
// leaves out the caches (data and pages), which could otherwise answer for them.
const build = process.env.NEXT_DIST_DIR || '.next';
const copy = `.next-database-down-${E2E_PORT + 7}`;
const DOWN = [
  { state: 'refusing connections', port: E2E_PORT + 7 },
  { state: 'not answering', port: E2E_PORT + 9 },
] as const;
const servers: ChildProcess[] = [];
let hung: TcpProxy;

test.beforeAll(async () => {
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(build, copy, {
    recursive: true,
    filter: (source) => !['cache', 'route-cache'].includes(path.basename(source)),
  });
  hung = await startTcpProxy({ host: '127.0.0.1', port: 1 });
  hung.setMode('hang');
  const databases = [
    'postgresql://postgres@127.0.0.1:1/unreachable',
    `postgresql://postgres@127.0.0.1:${hung.port}/hung`,
  ];
  for (const [i, { port }] of DOWN.entries()) {
    // The server `npm start` runs (bundled by the build), without the database steps before it.
    const server = spawn(process.execPath, [path.join(copy, 'newsroom-server.mjs')], {
      env: {
        ...process.env,
        PORT: String(port),
        NEXT_DIST_DIR: copy,
        NODE_ENV: 'production',
        DATABASE_URL: databases[i],
        NEXT_TELEMETRY_DISABLED: '1',
      },
      stdio: 'ignore',
    });
    servers.push(server);
    await expect(async () => {
      await fetch(`http://localhost:${port}/robots.txt`);
    }).toPass({ timeout: 30_000 });
  }
});

test.afterAll(async () => {
  for (const server of servers) await stopProcess(server);
  await hung?.close();
  fs.rmSync(copy, { recursive: true, force: true });
  fs.rmSync(`tsconfig.${copy}.json`, { force: true });
});

for (const { state, port } of DOWN) {
  for (const pathname of ['/', '/world', '/world/mass-graves-in-aleppo', '/feed.xml', '/sitemap.xml']) {
    test(`with the database ${state}, ${pathname} says within 5 s that the site is temporarily unavailable, without a stack trace`, async ({
      page,
    }) => {
      const started = Date.now();
      const response = await page.goto(`http://localhost:${port}${pathname}`);
      const waited = Date.now() - started;

      expect(response?.status()).toBe(503);
      expect(response?.headers()['retry-after']).toBe('60');
      expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'self'/u);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Temporarily unavailable');
      await expect(page.getByRole('link', { name: 'Go to the front page' })).toHaveAttribute('href', '/');
      expect(leakedInternals(await page.content())).toBeNull();
      expect(waited).toBeLessThan(5_000);
    });
  }
}

// A server whose database goes through a proxy the test can cut: pages it served while
// the database answered keep being served when it stops answering.
test.describe('a database that fails after pages were cached', () => {
  const port = E2E_PORT + 11;
  const base = `http://localhost:${port}`;
  const database = `e2e_database_down_${port}`;
  const cachedCopy = `.next-database-down-${port}`;
  let proxy: TcpProxy;
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const direct = new URL(await createDatabase(POSTGRES_ADMIN_URL, database));
    const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], {
      // Its own DATA_DIR: no running site of another test is told about this import.
      env: {
        ...process.env,
        DATABASE_URL: direct.toString(),
        DATA_DIR: path.resolve(`.tmp/e2e-database-down-${port}`),
        NEXT_TELEMETRY_DISABLED: '1',
      },
      encoding: 'utf8',
    });
    expect(seeded.status, seeded.stderr).toBe(0);

    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(direct);
    viaProxy.port = String(proxy.port);
    fs.rmSync(cachedCopy, { recursive: true, force: true });
    fs.cpSync(build, cachedCopy, {
      recursive: true,
      filter: (source) => !['cache', 'route-cache'].includes(path.basename(source)),
    });
    server = spawn(process.execPath, [path.join(cachedCopy, 'newsroom-server.mjs')], {
      env: {
        ...process.env,
        PORT: String(port),
        NEXT_DIST_DIR: cachedCopy,
        NODE_ENV: 'production',
        DATABASE_URL: viaProxy.toString(),
        NEXT_TELEMETRY_DISABLED: '1',
      },
      stdio: 'ignore',
    });
    await expect(async () => {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    }).toPass({ timeout: 30_000 });
  });

  test.afterAll(async () => {
    await stopProcess(server);
    await proxy?.close();
    fs.rmSync(cachedCopy, { recursive: true, force: true });
    fs.rmSync(`tsconfig.${cachedCopy}.json`, { force: true });
    await dropDatabase(POSTGRES_ADMIN_URL, database);
  });

  const WARMED = ['/', '/world', SEED_ARTICLES[2].path, '/feed.xml'];

  test('pages and feeds already served stay readable while the database refuses or hangs; the rest is a 503 within 5 s; /healthz says what is wrong; all recovers by itself', async ({
    request,
  }) => {
    test.setTimeout(120_000);
    const health = await (await request.get(`${base}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok', database: 'ok', articles: SEED_ARTICLES.length });
    const served = new Map<string, string>();
    for (const pathname of WARMED) {
      const response = await request.get(`${base}${pathname}`);
      expect(response.status(), pathname).toBe(200);
      served.set(pathname, await response.text());
    }
    // Never asked for while the database answered.
    const neverServed = [SEED_ARTICLES[0].path, '/world/atom.xml'];

    for (const mode of ['refuse', 'hang'] as const) {
      proxy.setMode(mode);
      for (const pathname of WARMED) {
        const response = await request.get(`${base}${pathname}`);
        expect(response.status(), `${mode}: ${pathname}`).toBe(200);
        const text = await response.text();
        if (pathname === SEED_ARTICLES[2].path)
          expect(text, `${mode}: ${pathname}`).toContain(SEED_ARTICLES[2].headline);
        else expect(text.length, `${mode}: ${pathname}`).toBeGreaterThan(served.get(pathname)!.length * 0.9);
      }
      for (const pathname of neverServed) {
        const started = Date.now();
        const response = await request.get(`${base}${pathname}`);
        expect(response.status(), `${mode}: ${pathname}`).toBe(503);
        expect(await response.text()).toContain('Temporarily unavailable');
        expect(Date.now() - started, `${mode}: ${pathname}`).toBeLessThan(5_000);
      }
      const started = Date.now();
      const check = await request.get(`${base}/healthz`);
      expect(check.status()).toBe(503);
      const body = await check.json();
      expect(body.status).toBe('unavailable');
      expect(body.database, 'says what is wrong').toMatch(
        mode === 'hang' ? /did not answer|timeout|timed out/iu : /ECONNRESET|ECONNREFUSED|closed|terminated|connect/iu,
      );
      expect(JSON.stringify(body)).not.toMatch(/postgres(ql)?:\/\/[^…]/u);
      expect(Date.now() - started).toBeLessThan(5_000);
    }

    proxy.setMode('forward');
    await expect(async () => {
      expect((await request.get(`${base}/healthz`)).status()).toBe(200);
      const response = await request.get(`${base}${SEED_ARTICLES[0].path}`);
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain(SEED_ARTICLES[0].headline);
    }).toPass({ timeout: 30_000 });
  });
});
