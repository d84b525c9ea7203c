import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page, type WebSocket } from '@playwright/test';
import { E2E_PORT } from '../playwright.config';
import { sourceHash } from '../scripts/build-stamp';
import { SEED_ARTICLES } from './support/seed';

// `npm run dev`, as a developer runs it on a fresh clone: in a copy of the project (the
// files git would commit, as they are now, with node_modules linked in), so that the edit
// below never touches this checkout, whose sources other specs' servers hash to know their
// build is current. On a port and an embedded database of its own, stopped with Ctrl-C
// (SIGINT to its process group, as a terminal sends it). Development compiles each page on
// its first visit, which on a loaded machine (two cores, other specs beside this one) may
// take a minute or two: each is allowed three, and every wait polls for what it waits for.
test.describe.configure({ mode: 'serial' });

const port = E2E_PORT + 12;
const base = `http://localhost:${port}`;
const dataDir = path.resolve(`.tmp/e2e-dev-${port}`);
const project = path.join(os.tmpdir(), `newsroom-e2e-dev-${port}`);
const FIRST_COMPILE_MS = 180_000;
/** Migrations and the seed loaded into a new embedded database, then Next prepared. */
const READY_MS = 300_000;
const HOT_RELOAD_PATH = '/_next/hmr';
const ARTICLE = SEED_ARTICLES[2];

// The component the fast-refresh test edits (a server component on every page), and how.
const COMPONENT = path.join(project, 'components', 'SiteFooter.tsx');
const SHOWN = 'RSS feed of all articles';
/** Where the component says it: the words come from the site's dictionary (lib/i18n/en.ts). */
const SHOWN_IN_COMPONENT = '{footer.rssAll}';
const EDIT_MARK = '(edited while the server ran)';

/** The project as a fresh clone has it, with what is not committed yet, its generated client and its packages. */
function copyProject(): void {
  fs.rmSync(project, { recursive: true, force: true });
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    encoding: 'utf8',
  });
  for (const file of files.split('\0')) {
    if (!file || !fs.existsSync(file)) continue; // deleted, not committed yet
    fs.mkdirSync(path.join(project, path.dirname(file)), { recursive: true });
    fs.copyFileSync(file, path.join(project, file));
  }
  fs.cpSync(path.join('lib', 'generated'), path.join(project, 'lib', 'generated'), { recursive: true });
  // Hard links when the copy is on the same disk (a few seconds), a copy otherwise.
  const packages = path.join(project, 'node_modules');
  if (spawnSync('cp', ['-al', 'node_modules', packages]).status !== 0) {
    fs.rmSync(packages, { recursive: true, force: true });
    fs.cpSync('node_modules', packages, { recursive: true, verbatimSymlinks: true });
  }
}

/** Where the embedded database keeps its cluster (lib/db/embedded.ts): DATA_DIR/pgdata, or where cluster.json says. */
function clusterDir(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(dataDir, 'cluster.json'), 'utf8')) as { cluster: string }).cluster;
  } catch {
    return path.join(dataDir, 'pgdata');
  }
}

let dev: ChildProcess | undefined;
let output = '';
let sourcesBefore = '';

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Signals the whole process group (npm, tsx, Next's workers, PostgreSQL), as a terminal does. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Waits until every process of the group has exited (npm itself exits at once on SIGINT,
 * while what it ran is still stopping); true when they all did within `ms`.
 */
async function waitForGroupExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (!child.pid) return true;
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      process.kill(-child.pid, 0);
    } catch {
      return true;
    }
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const portIsOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** The Content-Security-Policy refusals the page reports in its console. */
function refusals(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/iu.test(message.text())) refused.push(message.text());
  });
  return refused;
}

/**
 * The page's hot-reload socket, once the server has spoken on it (Next says so as the socket
 * connects): from then on the page hears of edits. Listened for from before the page loads.
 */
function hotReloadHeard(page: Page, timeout: number): Promise<WebSocket> {
  const heard = new Promise<WebSocket>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the hot-reload socket heard nothing within ${timeout / 1000} s`)),
      timeout,
    );
    page.on('websocket', (socket) => {
      if (new URL(socket.url()).pathname !== HOT_RELOAD_PATH) return;
      socket.once('framereceived', () => {
        clearTimeout(timer);
        resolve(socket);
      });
    });
  });
  // A test that failed before it awaited this leaves no unhandled rejection behind.
  heard.catch(() => undefined);
  return heard;
}

/** Not the npm settings of a run that started this one (npm test): the copy is a project of its own. */
function withoutNpmSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const kept = { ...env };
  for (const name of Object.keys(kept)) if (name.startsWith('npm_')) delete kept[name];
  return kept;
}

test.beforeAll(async () => {
  test.setTimeout(READY_MS + 120_000);
  fs.rmSync(dataDir, { recursive: true, force: true });
  copyProject();
  sourcesBefore = sourceHash(project);
  output = '';
  dev = spawn('npm', ['run', 'dev'], {
    cwd: project,
    env: {
      ...withoutNpmSettings(process.env),
      NEXT_DIST_DIR: '',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      DATABASE_OWNER_URL: '',
      REDIS_URL: '',
      REVALIDATE_SECRET: '',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  dev.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const started = Date.now();
  while (!output.includes(`Development server ready on http://localhost:${port}`)) {
    if (exited(dev)) throw new Error(`npm run dev exited:\n${output}`);
    if (Date.now() - started > READY_MS)
      throw new Error(`npm run dev was not ready within ${READY_MS / 1000} s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  if (dev && !(await waitForGroupExit(dev, 0))) {
    signalGroup(dev, 'SIGINT');
    if (!(await waitForGroupExit(dev, 60_000))) signalGroup(dev, 'SIGKILL');
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(project, { recursive: true, force: true });
});

test('the development server serves the front page at /, with no script refused and its hot-reload socket open', async ({
  page,
}) => {
  test.setTimeout(FIRST_COMPILE_MS + 120_000);
  const refused = refusals(page);
  const hotReload = hotReloadHeard(page, FIRST_COMPILE_MS + 60_000);
  const response = await page.goto(`${base}/`, { timeout: FIRST_COMPILE_MS });
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('link', { name: SEED_ARTICLES[0].headline }).first()).toBeVisible();
  const socket = await hotReload;
  // React hydrated the page: the display settings open.
  await page.getByLabel('Display settings').click({ timeout: FIRST_COMPILE_MS });
  await expect(page.locator('details:has(> [aria-label="Display settings"])')).toHaveAttribute('open', '');
  expect(socket.isClosed(), 'the hot-reload socket stays open').toBe(false);
  expect(refused).toEqual([]);
});

test('the development server serves a section page and an article page', async ({ page }) => {
  test.setTimeout(2 * FIRST_COMPILE_MS + 30_000);
  const section = await page.goto(`${base}/world`, { timeout: FIRST_COMPILE_MS });
  expect(section?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('World');
  await expect(page.getByRole('link', { name: ARTICLE.headline }).first()).toBeVisible();

  const article = await page.goto(`${base}${ARTICLE.path}`, { timeout: FIRST_COMPILE_MS });
  expect(article?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARTICLE.headline);
});

test('the development server serves the lite front page, and a made-up address gets the 404 page', async ({ page }) => {
  test.setTimeout(2 * FIRST_COMPILE_MS + 30_000);
  const lite = await page.goto(`${base}/lite`, { timeout: FIRST_COMPILE_MS });
  expect(lite?.status()).toBe(200);
  await expect(page.getByRole('link', { name: SEED_ARTICLES[0].headline }).first()).toBeVisible();

  for (const madeUp of ['/world/no-such-article-anywhere', '/no-such-section/page/2', '/_next/no-such-file']) {
    const response = await page.goto(`${base}${madeUp}`, { timeout: FIRST_COMPILE_MS });
    expect(response?.status(), madeUp).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/not found/iu);
  }
});

test('an edit to a component shows on the open page without a reload or a restart', async ({ page }) => {
  test.setTimeout(3 * FIRST_COMPILE_MS + 60_000);
  const footer = page.getByRole('contentinfo');
  const hotReload = hotReloadHeard(page, FIRST_COMPILE_MS + 60_000);
  await page.goto(`${base}${ARTICLE.path}`, { timeout: FIRST_COMPILE_MS });
  await expect(footer).toContainText(SHOWN);
  // Hydrated, and the hot-reload socket connected: only then does the page hear of edits.
  await page.getByLabel('Display settings').click({ timeout: FIRST_COMPILE_MS });
  await hotReload;
  await page.evaluate(() => ((window as unknown as { notReloaded?: boolean }).notReloaded = true));

  const original = fs.readFileSync(COMPONENT, 'utf8');
  const edited = original.replace(SHOWN_IN_COMPONENT, `${SHOWN_IN_COMPONENT} ${EDIT_MARK}`);
  expect(edited, 'the component holds what the test edits').not.toBe(original);
  fs.writeFileSync(COMPONENT, edited);
  await expect(footer).toContainText(`${SHOWN} ${EDIT_MARK}`, { timeout: FIRST_COMPILE_MS });
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  // And undone: the page follows again.
  fs.writeFileSync(COMPONENT, original);
  await expect(footer).not.toContainText(EDIT_MARK, { timeout: FIRST_COMPILE_MS });
  expect(dev && exited(dev), 'the server still runs').toBe(false);
});

test('Ctrl-C stops the development server and its embedded database; it wrote only its own build folder', async () => {
  test.setTimeout(90_000);
  if (!dev) throw new Error('the development server did not start');
  signalGroup(dev, 'SIGINT');
  expect(await waitForGroupExit(dev, 60_000), 'npm run dev and everything it started exit').toBe(true);
  expect(await portIsOpen(port), 'the port is free').toBe(false);
  expect(fs.existsSync(path.join(clusterDir(), 'postmaster.pid')), 'PostgreSQL stopped').toBe(false);
  expect(fs.readFileSync(path.join(dataDir, 'postgres.log'), 'utf8')).toContain('database system is shut down');
  expect(fs.existsSync(path.join(dataDir, 'site.json')), 'no running site left for imports to tell').toBe(false);
  // Nothing the production build is made from changed (npm start's build stays current), and
  // the development build lives in the dev folder of the build folder, beside the production one.
  expect(sourceHash(project)).toBe(sourcesBefore);
  expect(fs.readdirSync(path.join(project, '.next'))).toEqual(['dev']);
});
