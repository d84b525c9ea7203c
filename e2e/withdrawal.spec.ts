import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { E2E_PORT } from '../playwright.config';
import { FEED_SIZE } from '../lib/feeds/channel';
import { ARCHIVE_SIZE } from '../lib/feeds/archive';
import { listingDocument, type DocumentArticle } from '../test/support/listing';
import { addressesOf } from './support/gone';
import { importArticles, plainSlug, uniqueWord } from './support/import';
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
import { axeViolations } from './support/reader';
import { PHONE } from './support/viewports';
import { runWithdraw } from './support/withdrawal';

// Withdrawal and legal removal as readers and machines see them: every address of the article
// answers 410 (or 451) at once, and it leaves every listing, feed, archive, sitemap, search result
// and related list; restoring brings it back. First on the browser tests' site, then on two
// instances sharing Redis, each with its own database.

const SITE_NAME = 'The Daily Dispatch';
const REASON = 'The report relied on a source who has since retracted their account.';
const BRIEF = 'public, max-age=5, s-maxage=5';

/** A story of a test's own, with a byline and a tag of its own, and the addresses it shows under. */
function story(word: string, name: string, section: string) {
  const headline = `${name}${word} harbour report`;
  const author = `Wren ${name}${word}`;
  const tag = `Tide ${name}${word}`;
  return {
    article: { headline, section, authors: [author], tags: [tag], paragraphs: [`${headline} text, ${word}.`] },
    headline,
    slug: plainSlug(headline),
    path: `/${plainSlug(section)}/${plainSlug(headline)}`,
    author: `/authors/${plainSlug(author)}`,
    tag: `/tags/${plainSlug(tag)}`,
    search: `/search?q=${name}${word}`,
  };
}
type Story = ReturnType<typeof story>;

const statusOf = async (base: string, pathname: string, method = 'GET') =>
  (await fetch(`${base}${pathname}`, { method, redirect: 'manual' })).status;

/** The listings and documents a public article shows in, on the site at `base`, that name it now. */
async function placesNaming(base: string, target: Story, extra: readonly string[] = []): Promise<string[]> {
  const section = target.path.split('/')[1] ?? '';
  const index = await (await fetch(`${base}/sitemap.xml`)).text();
  const sitemaps = [...index.matchAll(/<loc>[^<]*?(\/sitemaps\/[^<]+)<\/loc>/gu)].map((match) => match[1] ?? '');
  const places = [
    '/',
    '/lite',
    `/${section}`,
    `/lite/${section}`,
    ...['feed.xml', 'atom.xml', 'feed.json'].flatMap((file) => [
      `/${file}`,
      `/${section}/${file}`,
      `${target.author}/${file}`,
      `${target.tag}/${file}`,
    ]),
    target.author,
    target.tag,
    `/lite${target.author}`,
    target.search,
    '/llms.txt',
    '/news-sitemap.xml',
    ...sitemaps,
    ...extra,
  ];
  const naming: string[] = [];
  for (const place of places) {
    const text = await (await fetch(`${base}${place}`)).text();
    if (text.includes(target.slug)) naming.push(place);
  }
  return naming;
}

test.describe('on the site', () => {
  const word = uniqueWord();
  const section = `Recall ${word}`;
  const target = story(word, 'Target', section);
  const removed = story(word, 'Sealed', section);
  const older = story(word, 'Older', section);

  // Newest first: each one's page links the next beside it.
  const stable = (target: Story, beside: string) => [`/${plainSlug(section)}`, target.author, target.tag, beside];

  test.beforeAll(() => {
    importArticles([target.article, removed.article, older.article]);
  });

  test('a withdrawn article answers 410 at every address, with a page that says when and why, and comes back when restored', async ({
    page,
    baseURL,
  }) => {
    const base = baseURL ?? '';
    await page.goto(target.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.headline);
    expect(await placesNaming(base, target, [removed.path])).toEqual(
      expect.arrayContaining(stable(target, removed.path)),
    );

    const said = await runWithdraw([target.slug, '--reason', REASON]);

    for (const address of addressesOf(target.path)) {
      for (const method of ['GET', 'HEAD']) {
        const response = await fetch(`${base}${address}`, { method });
        expect(response.status, `${method} ${address}`).toBe(410);
        expect(response.headers.get('cache-control'), address).toBe(BRIEF);
        expect(response.headers.get('content-security-policy'), address).toContain("default-src 'self'");
      }
    }
    const markdown = await fetch(`${base}${target.path}.md`);
    expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await markdown.text()).toContain(REASON);

    const logged: string[] = [];
    page.on('console', (message) => logged.push(message.text()));
    const answer = await page.goto(target.path);
    expect(answer?.status()).toBe(410);
    // Nothing refused by the policy, nothing failed: the browser notes the page's own status, no more.
    expect(logged).toEqual(['Failed to load resource: the server responded with a status of 410 (Gone)']);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.headline);
    await expect(page.getByRole('note', { name: 'Withdrawn' })).toContainText(REASON);
    await expect(page.getByRole('note', { name: 'Withdrawn' })).toContainText(/^Withdrawn · \w+day \d+ \w+ \d{4}/u);
    await expect(page.getByRole('main')).toContainText('This article was withdrawn and is no longer published.');
    await expect(page.getByRole('main')).toContainText(/Published \w+day \d+ \w+ \d{4}/u);
    await page.getByRole('link', { name: SITE_NAME }).click();
    await expect(page).toHaveURL(`${base}/`);

    expect(await placesNaming(base, target, [removed.path]), said).toEqual([]);

    await runWithdraw(['--restore', target.slug]);
    expect(await statusOf(base, target.path)).toBe(200);
    expect(await placesNaming(base, target, [removed.path])).toEqual(
      expect.arrayContaining(stable(target, removed.path)),
    );
  });

  test('a legally removed article answers 451 at every address with a notice that says nothing of it', async ({
    page,
    baseURL,
  }) => {
    const base = baseURL ?? '';
    const beside = [older.path, target.path];
    expect(await placesNaming(base, removed, beside)).toEqual(expect.arrayContaining(stable(removed, older.path)));

    await runWithdraw([removed.slug, '--reason', 'Court order', '--legal']);

    for (const address of [...addressesOf(removed.path), `/some-other-section/${removed.slug}`]) {
      for (const method of ['GET', 'HEAD']) {
        const response = await fetch(`${base}${address}`, { method });
        expect(response.status, `${method} ${address}`).toBe(451);
        expect(response.headers.get('link'), address).toBe(`<${new URL(base).origin}>; rel="blocked-by"`);
        expect(response.headers.get('cache-control'), address).toBe(BRIEF);
        if (method === 'GET') expect(await response.text(), address).not.toContain(removed.headline);
      }
    }
    const answer = await page.goto(removed.path);
    expect(answer?.status()).toBe(451);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unavailable for legal reasons');
    await expect(page.getByRole('main')).toHaveText(
      'Unavailable for legal reasonsThis article has been removed for legal reasons.',
    );
    expect(await placesNaming(base, removed, beside)).toEqual([]);
  });
});

test.describe('saved on a phone', () => {
  test.use({ viewport: PHONE });

  async function saveForOffline(page: Page, pathname: string): Promise<void> {
    await page.goto(pathname);
    await page.getByRole('button', { name: 'Save for offline' }).click();
    await expect(page.getByText('Saved on this device.')).toBeVisible({ timeout: 20_000 });
  }

  const keptPages = (page: Page) =>
    page.evaluate(async () => {
      const cache = await caches.open('saved-pages-v1');
      return (await cache.keys())
        .map((request) => new URL(request.url).pathname)
        .filter((p) => !p.startsWith('/_next/'));
    });

  test('a saved article that is withdrawn, or removed, leaves /saved, which says so instead of opening it', async ({
    page,
  }) => {
    const word = uniqueWord();
    const section = `Saved ${word}`;
    const withdrawn = story(word, 'Kept', section);
    const removed = story(word, 'Barred', section);
    importArticles([withdrawn.article, removed.article]);
    await saveForOffline(page, withdrawn.path);
    await saveForOffline(page, removed.path);
    await page.goto('/saved');
    await expect(page.getByRole('link', { name: withdrawn.headline })).toBeVisible();
    expect((await keptPages(page)).sort()).toEqual([withdrawn.path, removed.path, '/saved'].sort());

    await runWithdraw([withdrawn.slug, '--reason', REASON]);
    await runWithdraw([removed.slug, '--reason', 'Court order', '--legal']);
    await page.goto('/saved');

    const list = page.getByRole('main').getByRole('listitem');
    await expect(list.filter({ hasText: withdrawn.headline })).toContainText(
      `Withdrawn${withdrawn.headline}This article was withdrawn and is no longer published.`,
    );
    await expect(page.getByRole('link', { name: withdrawn.headline })).toHaveCount(0);
    await expect(list.filter({ hasText: 'Removed for legal reasons' })).toContainText(
      'An article saved here has been removed for legal reasons.',
    );
    await expect(page.getByRole('main')).not.toContainText(removed.headline);
    expect(await axeViolations(page)).toEqual([]);
    await expect.poll(() => keptPages(page)).toEqual(['/saved']);
    const stored = await page.evaluate(() => localStorage.getItem('saved-articles') ?? '');
    expect(stored).toContain(withdrawn.headline);
    expect(stored).not.toContain(removed.headline);

    await page.getByRole('button', { name: `Remove “${withdrawn.headline}” from saved articles` }).click();
    await expect(list.filter({ hasText: withdrawn.headline })).toHaveCount(0);
  });
});

// Two instances of one build, one database and one Redis (keys under this spec's prefix): what one
// is told, both show at once, and so does every listing and archive.
test.describe('on two instances sharing Redis', () => {
  test.describe.configure({ mode: 'serial' });
  const ports = [E2E_PORT + 51, E2E_PORT + 52];
  const prefix = `e2e-withdrawal-${ports[0]}:`;
  const secret = 'withdrawal-secret';
  const word = uniqueWord();
  const section = `Archive ${word}`;
  const newest = story(word, 'Newest', section);
  const sealed = story(word, 'Legal', section);
  // Enough for the section's feed to have two archives: FEED_SIZE in the feed, a full first archive and some.
  const fillers: DocumentArticle[] = Array.from({ length: FEED_SIZE + ARCHIVE_SIZE + 2 }, (_, i) => ({
    headline: `Filler ${word} number ${i + 1}`,
    section,
  }));
  // The fifth oldest: in the first archive.
  const archived = fillers.at(-5)!;
  const archivedSlug = plainSlug(archived.headline);
  let instances: Instance[] = [];
  const cleanup: (() => Promise<void> | void)[] = [];
  let env: Record<string, string> = {};

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    await requireRedis();
    await deleteRedisKeys(prefix);
    const database = await seededDatabase(`e2e_withdrawal_${ports[0]}`);
    cleanup.push(database.drop);
    const build = copyBuild(`.next-withdrawal-${ports[0]}`);
    cleanup.push(build.remove);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-withdrawal-'));
    fs.writeFileSync(path.join(dir, 'desk.txt'), listingDocument([newest.article, sealed.article, ...fillers]));
    const seeded = await runSeed([dir], { DATABASE_URL: database.url });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(seeded.status, seeded.stdout + seeded.stderr).toBe(0);
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
    env = {
      DATABASE_URL: database.url,
      REDIS_URL: REDIS_TEST_URL,
      REDIS_KEY_PREFIX: prefix,
      SITE_URL: instances[0]!.base,
      REVALIDATE_SECRET: secret,
    };
  });

  test.afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    for (const step of cleanup.reverse()) await step();
    await deleteRedisKeys(prefix).catch(() => undefined);
  });

  async function archives(base: string) {
    const read = async (number: number) => {
      const response = await fetch(`${base}/${plainSlug(section)}/archive/${number}/feed.xml`);
      return { etag: response.headers.get('etag'), text: await response.text() };
    };
    return [await read(1), await read(2)];
  }

  test('withdrawn: 410 at every address on both instances at once, gone from every listing, archives shifted; restored: all back', async () => {
    test.setTimeout(120_000);
    const [first, second] = instances.map((instance) => instance.base) as [string, string];
    // Every instance has the pages in its caches (and Redis) before.
    const listed = await placesNaming(first, newest);
    expect(await placesNaming(second, newest)).toEqual(listed);
    expect(listed).toEqual(
      expect.arrayContaining([
        '/',
        `/${plainSlug(section)}`,
        '/feed.xml',
        `/${plainSlug(section)}/feed.json`,
        newest.author,
        newest.tag,
        newest.search,
        '/llms.txt',
        '/news-sitemap.xml',
      ]),
    );
    const before = await archives(first);
    expect(before[0]?.text).toContain(archivedSlug);

    await runWithdraw([newest.slug, '--reason', REASON], env);
    await runWithdraw([archivedSlug, '--reason', REASON], env);

    for (const base of [first, second]) {
      await expect(async () => {
        for (const address of addressesOf(newest.path)) expect(await statusOf(base, address), address).toBe(410);
      }).toPass({ timeout: 2_000 });
      expect(await placesNaming(base, newest), base).toEqual([]);
      const after = await archives(base);
      expect(after[0]?.text).not.toContain(archivedSlug);
      // The oldest of the second archive moved into the first: the archives after the entry shifted.
      expect(after[0]?.text).toContain(plainSlug(fillers[FEED_SIZE + 1]!.headline));
      expect(after[0]?.etag).not.toBe(before[0]?.etag);
      expect(after[1]?.etag).not.toBe(before[1]?.etag);
    }

    await runWithdraw(['--restore', newest.slug], env);
    await runWithdraw(['--restore', archivedSlug], env);
    for (const base of [first, second]) {
      expect(await statusOf(base, newest.path)).toBe(200);
      expect(await placesNaming(base, newest)).toEqual(listed);
      const [restored] = await archives(base);
      expect(restored?.text).toContain(archivedSlug);
      expect(restored?.text).not.toContain(plainSlug(fillers[FEED_SIZE + 1]!.headline));
    }
  });

  test('removed for legal reasons: 451 at every address on both instances, gone from every listing', async () => {
    test.setTimeout(120_000);
    const bases = instances.map((instance) => instance.base);
    for (const base of bases) expect(await placesNaming(base, sealed)).toContain('/feed.xml');

    await runWithdraw([sealed.slug, '--reason', 'Court order', '--legal'], env);

    for (const base of bases) {
      await expect(async () => {
        for (const address of addressesOf(sealed.path)) expect(await statusOf(base, address), address).toBe(451);
      }).toPass({ timeout: 2_000 });
      expect(await placesNaming(base, sealed), base).toEqual([]);
    }
  });
});
