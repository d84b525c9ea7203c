import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_PORT } from '../playwright.config';
import { listingDocument, writeDocuments } from './support/import';
import { stopProcess } from './support/instances';
import { SEED_ARTICLES } from './support/seed';

// A site of its own (a copy of the build, its own database), stopped and started again.
const port = E2E_PORT + 8;
const base = `http://localhost:${port}`;
const copy = `.next-restart-${port}`;
const dataDir = path.resolve(`.tmp/e2e-restart-${port}`);
const article = SEED_ARTICLES[2];

function startSite(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'start.ts')], {
    env: {
      ...process.env,
      PORT: String(port),
      NEXT_DIST_DIR: copy,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SITE_URL: base,
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: 'ignore',
    detached: true,
  });
}

let site: ChildProcess | undefined;

test.beforeAll(() => {
  fs.rmSync(copy, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.cpSync(process.env.NEXT_DIST_DIR || '.next', copy, {
    recursive: true,
    filter: (source) => !['cache', 'route-cache'].includes(path.basename(source)),
  });
});

test.afterAll(async () => {
  if (site) await stopProcess(site);
  fs.rmSync(copy, { recursive: true, force: true });
  fs.rmSync(`tsconfig.${copy}.json`, { force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a site restarted after an import made while it was down shows the new text on the pages it had cached', async ({
  request,
}) => {
  test.setTimeout(120_000);
  site = startSite();
  await expect(async () => expect((await request.get(`${base}${article.path}`)).status()).toBe(200)).toPass({
    timeout: 60_000,
  });
  expect((await request.get(`${base}${article.path}`)).headers()['x-nextjs-cache']).toBe('HIT');
  await stopProcess(site);

  const dir = writeDocuments({
    'correction.txt': listingDocument([
      { headline: article.headline, section: 'World', paragraphs: ['Corrected while the site was down.'] },
    ]),
  });
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', dir], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
  });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain('No running site found to tell');

  site = startSite();
  await expect(async () => expect((await request.get(`${base}${article.path}`)).status()).toBe(200)).toPass({
    timeout: 60_000,
  });
  const text = await (await request.get(`${base}${article.path}`)).text();
  expect(text.includes('Corrected while the site was down.')).toBe(true);
});
