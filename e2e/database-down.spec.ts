import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_PORT } from '../playwright.config';
import { startTcpProxy, type TcpProxy } from '../test/support/tcp-proxy';
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
  for (const server of servers) {
    if (server.exitCode !== null) continue;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
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
