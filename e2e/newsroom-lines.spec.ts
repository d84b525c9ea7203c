import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import { E2E_PORT } from '../playwright.config';
import { createDatabase, dropDatabase } from '../lib/db/server-databases';
import { articleIdentity, slugFor } from '../lib/slug';
import { formatPublishedDate } from '../lib/time-zone';
import { writeDocuments } from './support/import';
import { POSTGRES_ADMIN_URL, copyBuild, runSeed, startInstance, type Instance } from './support/instances';
import { jsonLdBlocks } from './support/machine-readable';
import { axeViolations, rememberChoices, sidewaysOverflow } from './support/reader';
import { DESKTOP, PHONE } from './support/viewports';

// An article's byline, date, tags and notes as a reader meets them, in every copy of it, on a
// site whose time zone is London's, on a summer date (British Summer Time, +01:00). The server is
// the spec's own, on a database of its own, and the article comes in as the newsroom writes it: a
// first version with only a date line, then the same article later that day with a byline, a
// correction and tags (so that "What changed" has something to tell).
const port = E2E_PORT + 41;
const name = `e2e_newsroom_lines_${port}`;
const ZONE = { SITE_TIME_ZONE: 'Europe/London' };

const HEADLINE = 'Storehouses of ammunition found in Aleppo';
const PATH = '/world/storehouses-of-ammunition-found-in-aleppo';
const CORRECTION = 'An earlier version of this article gave the wrong number of depots.';
/** The start of the article's first paragraph (after its dateline). */
const FIRST_PARAGRAPH = 'The Russian Ministry of Defense denounced';
const BODY = [
  `Moscow, Jul 01 (Prensa Latina) ${FIRST_PARAGRAPH} the finding of seven storehouses of ammunition.`,
  'Inside those facilities there were huge amounts of weapons, said a general.',
];
const FIRST_VERSION = `Wednesday, 1 July 2026 09:00\n${HEADLINE}\n\n${BODY.join('\n\n')}\n\n• Published in World\n`;
// 15:00 in London, 14:00 UTC.
const SECOND_VERSION = `Wednesday, 1 July 2026 15:00
${HEADLINE}

Written by Zoe Adams and Ben Okri

${BODY.join('\n\n')}

Correction: ${CORRECTION}

• Published in World
Tagged under Syria, Aleppo
`;

// Headlines of scripts with no ASCII transliteration: their addresses are u- and hex digits.
const OWN_SCRIPT_HEADLINES = ['阿斯塔纳谈判结束', 'שיחות השלום חודשו בז׳נבה'];
const OWN_SCRIPTS = OWN_SCRIPT_HEADLINES.map(
  (headline) => `${headline}\n\n${headline}: the first paragraph of the report.\n\n• Published in World\n`,
).join('');
const ownScriptPath = (headline: string) => `/world/${slugFor(headline, articleIdentity(headline))}`;

let site: Instance;
/** The day of the import that first carried the correction, in London: the note's date. */
let noteDay = '';
const cleanup: Array<() => Promise<void> | void> = [];

test.describe.configure({ mode: 'serial' });

async function importDocument(url: string, text: string): Promise<void> {
  const dir = writeDocuments({ 'listing.txt': text });
  try {
    const run = await runSeed([dir], { DATABASE_URL: url, ...ZONE });
    if (run.status !== 0) throw new Error(`the import failed:\n${run.stdout}\n${run.stderr}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const url = await createDatabase(POSTGRES_ADMIN_URL, name);
  cleanup.push(() => dropDatabase(POSTGRES_ADMIN_URL, name));
  const seeded = await runSeed([], { DATABASE_URL: url, ...ZONE });
  if (seeded.status !== 0) throw new Error(`seeding failed:\n${seeded.stdout}\n${seeded.stderr}`);
  await importDocument(url, FIRST_VERSION);
  await importDocument(url, SECOND_VERSION);
  await importDocument(url, OWN_SCRIPTS);
  noteDay = formatPublishedDate(new Date(), ZONE.SITE_TIME_ZONE);
  const build = copyBuild(`.next-newsroom-lines-${port}`);
  cleanup.push(build.remove);
  site = await startInstance(build.dir, port, { DATABASE_URL: url, SITE_URL: `http://127.0.0.1:${port}`, ...ZONE });
  cleanup.push(() => site.stop());
});

test.afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

const at = (path: string) => `${site.base}${path}`;
const article = (page: Page) => page.getByRole('main').getByRole('article');

test.describe('articles in scripts with no ASCII transliteration', () => {
  test.use({ viewport: DESKTOP });

  for (const headline of OWN_SCRIPT_HEADLINES) {
    test(`"${headline}" is published at its u- address, headed by its headline`, async ({ page }) => {
      const path = ownScriptPath(headline);
      expect(path).toMatch(/^\/world\/u-[0-9a-f]{12}$/u);
      const response = await page.goto(at(path));
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
      await expect(article(page)).toContainText(`${headline}: the first paragraph of the report.`);
    });
  }

  test('a made-up u- address is not found, like any other', async ({ page }) => {
    const response = await page.goto(at('/world/u-0123456789ab'));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/not found/iu);
  });
});

test.describe('the article page', () => {
  test.use({ viewport: DESKTOP });

  test('says who wrote it, each name linking to the author’s page', async ({ page }) => {
    await page.goto(at(PATH));
    const byline = article(page).getByText(/^By /u);
    await expect(byline).toHaveText('By Zoe Adams and Ben Okri');
    await expect(byline.getByRole('link', { name: 'Zoe Adams' })).toHaveAttribute('href', '/authors/zoe-adams');
    await expect(byline.getByRole('link', { name: 'Ben Okri' })).toHaveAttribute('href', '/authors/ben-okri');
    await byline.getByRole('link', { name: 'Ben Okri' }).click();
    await expect(page).toHaveURL(at('/authors/ben-okri'));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Ben Okri');
    await expect(page.getByRole('main').getByRole('link', { name: HEADLINE })).toHaveAttribute('href', PATH);
  });

  test('shows the date and time in the site’s zone, and the datetime carries its offset', async ({ page }) => {
    await page.goto(at(PATH));
    const time = article(page).locator('time').first();
    await expect(time).toHaveText('Wednesday 1 July 2026, 15:00 BST');
    await expect(time).toHaveAttribute('datetime', '2026-07-01T15:00:00+01:00');
  });

  test('shows the correction once, at the top, as a labelled note with its day', async ({ page }) => {
    await page.goto(at(PATH));
    const note = page.getByRole('note', { name: 'Correction' });
    await expect(note).toHaveCount(1);
    await expect(note).toContainText(CORRECTION);
    await expect(note).not.toContainText('Correction:');
    // Dated by the import that first carried it: today, in London.
    const noted = new Date((await note.locator('time').getAttribute('datetime')) ?? '');
    expect(Date.now() - noted.getTime()).toBeLessThan(15 * 60_000);
    await expect(note.locator('time')).toHaveText(formatPublishedDate(noted, ZONE.SITE_TIME_ZONE));
    await expect(article(page).getByText(CORRECTION)).toHaveCount(1);
    // Above the text: the note comes before the first paragraph in the page's order.
    const noteTop = (await note.boundingBox())!.y;
    const bodyTop = (await page.locator('[data-article-body] p').first().boundingBox())!.y;
    expect(noteTop).toBeLessThan(bodyTop);
  });

  test('lists its tags, linking to their pages', async ({ page }) => {
    await page.goto(at(PATH));
    const tags = page.getByRole('navigation', { name: 'Tags' });
    await expect(tags.getByRole('link')).toHaveText(['Syria', 'Aleppo']);
    await expect(tags.getByRole('link', { name: 'Aleppo' })).toHaveAttribute('href', '/tags/aleppo');
    await tags.getByRole('link', { name: 'Aleppo' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Aleppo');
  });

  test('What changed tells the new date, the byline and the tags added, and the correction', async ({ page }) => {
    await page.goto(at(PATH));
    await page.getByText(/^What changed/u).click();
    const changes = article(page).locator('details li li');
    await expect(changes).toContainText([
      'Date changed to Wednesday 1 July 2026, 15:00 BST',
      'Byline added',
      'Tags added',
      'Correction added',
    ]);
  });

  test('the section’s cards show the byline and keep the date', async ({ page }) => {
    await page.goto(at('/world'));
    const card = page.getByRole('main').getByRole('article').filter({ hasText: HEADLINE });
    await expect(card).toContainText('By Zoe Adams and Ben Okri · 1 Jul 2026 · ');
    await expect(card.locator('time')).toHaveAttribute('datetime', '2026-07-01T15:00:00+01:00');
  });

  test('a search result shows the byline and the date', async ({ page }) => {
    await page.goto(at(`/search?q=${encodeURIComponent('storehouses ammunition Aleppo')}`));
    const result = page.getByRole('main').getByRole('article').filter({ hasText: HEADLINE });
    await expect(result).toContainText('By Zoe Adams and Ben Okri · 1 Jul 2026');
  });

  test('its JSON-LD names the authors as people with their pages, the tags as keywords, the date with its offset', async ({
    page,
  }) => {
    await page.goto(at(PATH));
    const data = jsonLdBlocks(await page.content()).find(
      (block) => (block as { '@type'?: string })['@type'] === 'NewsArticle',
    ) as Record<string, unknown>;
    expect(data.author).toEqual([
      { '@type': 'Person', name: 'Zoe Adams', url: at('/authors/zoe-adams') },
      { '@type': 'Person', name: 'Ben Okri', url: at('/authors/ben-okri') },
    ]);
    expect(data.keywords).toEqual(['Syria', 'Aleppo']);
    expect(data.datePublished).toBe('2026-07-01T15:00:00+01:00');
  });
});

test.describe('without JavaScript, on a phone', () => {
  test.use({ viewport: PHONE, isMobile: true, javaScriptEnabled: false });

  test('the byline, the note and the tags are all there, and nothing scrolls sideways', async ({ page }) => {
    await page.goto(at(PATH));
    await expect(article(page).getByText(/^By /u)).toHaveText('By Zoe Adams and Ben Okri');
    await expect(page.getByRole('note', { name: 'Correction' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Tags' }).getByRole('link')).toHaveCount(2);
    expect(await sidewaysOverflow(page)).toBe(0);
  });
});

for (const [screen, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds no problem with the byline, note and tags on a ${screen} in the ${theme} theme`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await rememberChoices(page, { theme });
      await page.goto(at(PATH));
      await expect(page.getByRole('note', { name: 'Correction' })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

test.describe('the other copies', () => {
  test('the lite page has the byline, the note first, the tags, and the time with its offset', async ({ request }) => {
    const html = await (await request.get(at(`/lite${PATH}`))).text();
    expect(html).toContain(
      'By <a href="/lite/authors/zoe-adams">Zoe Adams</a> and <a href="/lite/authors/ben-okri">Ben Okri</a>',
    );
    expect(html).toContain('<time datetime="2026-07-01T15:00:00+01:00">Wednesday 1 July 2026, 15:00 BST</time>');
    expect(html.indexOf('aria-label="Correction"')).toBeGreaterThan(0);
    // (The first paragraph is the page's description too: looked for in the article.)
    expect(html.indexOf('aria-label="Correction"')).toBeLessThan(
      html.indexOf(FIRST_PARAGRAPH, html.indexOf('<article')),
    );
    expect(html.split(CORRECTION)).toHaveLength(2);
    expect(html).toContain('<nav aria-label="Tags">');
    // The lite byline and tag links reach their lite pages.
    for (const path of ['/lite/authors/zoe-adams', '/lite/tags/aleppo']) {
      const response = await request.get(at(path));
      expect(response.status(), path).toBe(200);
      expect(await response.text()).toContain(HEADLINE);
    }
  });

  test('the Markdown copy has the byline and tags as links, the note first, the date with its offset', async ({
    request,
  }) => {
    const markdown = await (await request.get(at(`${PATH}.md`))).text();
    expect(markdown).toContain(
      `By [Zoe Adams](${at('/authors/zoe-adams')}) and [Ben Okri](${at('/authors/ben-okri')})`,
    );
    expect(markdown).toContain(`Tags: [Syria](${at('/tags/syria')}), [Aleppo](${at('/tags/aleppo')})`);
    expect(markdown).toContain('Published: 2026-07-01T15:00:00+01:00');
    expect(markdown).toContain(`> **Correction, ${noteDay}:** ${CORRECTION}`);
    expect(markdown.split(CORRECTION)).toHaveLength(2);
  });

  test('the feeds name the authors and tags, and open the entry with the note', async ({ request }) => {
    const rss = parseRssFeed(await (await request.get(at('/world/feed.xml'))).text());
    const rssItem = rss.items?.find((entry) => entry.link === at(PATH));
    expect(rssItem?.dc?.creators).toEqual(['Zoe Adams', 'Ben Okri']);
    expect(rssItem?.categories?.map((category) => [category.name, category.domain])).toEqual([
      ['World', at('/world')],
      ['Syria', at('/tags/syria')],
      ['Aleppo', at('/tags/aleppo')],
    ]);
    const atom = parseAtomFeed(await (await request.get(at('/world/atom.xml'))).text());
    const atomEntry = atom.entries?.find((entry) => entry.links?.[0]?.href === at(PATH));
    expect(atomEntry?.authors).toEqual([
      { name: 'Zoe Adams', uri: at('/authors/zoe-adams') },
      { name: 'Ben Okri', uri: at('/authors/ben-okri') },
    ]);
    const json = (await (await request.get(at('/world/feed.json'))).json()) as {
      items: Array<{ url: string; authors?: unknown; tags: string[]; content_html: string }>;
    };
    const item = json.items.find((entry) => entry.url === at(PATH));
    expect(item?.authors).toEqual([
      { name: 'Zoe Adams', url: at('/authors/zoe-adams') },
      { name: 'Ben Okri', url: at('/authors/ben-okri') },
    ]);
    expect(item?.tags).toEqual(['World', 'Syria', 'Aleppo']);
    expect(item?.content_html.startsWith(`<p><strong>Correction, ${noteDay}:</strong>`)).toBe(true);
  });
});
