import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_PORT } from '../playwright.config';
import { leakedInternals } from './support/html';

// A second server from a copy of the same build, pointed at a database that refuses
// connections. The copy leaves out the caches (data and pages), which could otherwise answer for it.
const port = E2E_PORT + 7;
const base = `http://localhost:${port}`;
const build = process.env.NEXT_DIST_DIR || '.next';
const copy = `.next-database-down-${port}`;
let server: ChildProcess;

test.beforeAll(async () => {
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(build, copy, {
    recursive: true,
    filter: (source) => !['cache', 'route-cache'].includes(path.basename(source)),
  });
  // The server `npm start` runs (bundled by the build), without the database steps before it.
  server = spawn(process.execPath, [path.join(copy, 'newsroom-server.mjs')], {
    env: {
      ...process.env,
      PORT: String(port),
      NEXT_DIST_DIR: copy,
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/unreachable',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: 'ignore',
  });
  await expect(async () => {
    await fetch(`${base}/robots.txt`);
  }).toPass({ timeout: 30_000 });
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(copy, { recursive: true, force: true });
  fs.rmSync(`tsconfig.${copy}.json`, { force: true });
});

for (const pathname of ['/', '/world', '/world/mass-graves-in-aleppo', '/feed.xml', '/sitemap.xml']) {
  test(`with the database down, ${pathname} says the site is temporarily unavailable, without a stack trace`, async ({
    page,
  }) => {
    const response = await page.goto(`${base}${pathname}`);
    expect(response?.status()).toBe(503);
    expect(response?.headers()['retry-after']).toBe('60');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Temporarily unavailable');
    await expect(page.getByRole('link', { name: 'Go to the front page' })).toHaveAttribute('href', '/');
    expect(leakedInternals(await page.content())).toBeNull();
  });
}
