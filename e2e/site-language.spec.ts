import fs from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { listingDocument, writeDocuments } from './support/import';
import { copyBuild, freePort, runSeed, seededDatabase, startInstance, type Instance } from './support/instances';
import { axeViolations, keepScreenshot, rememberChoices } from './support/reader';
import { DESKTOP, PHONE } from './support/viewports';

/**
 * The site's own words in the site's language (SITE_LANGUAGE, docs/languages.md): a server
 * per language, from the same build, on one database holding the reference documents and a
 * section of Arabic reports long enough for three pages.
 */
test.describe.configure({ mode: 'serial' });

const SECTION = 'الشرق الأوسط';
const REPORTS = 45;
const reports = Array.from({ length: REPORTS }, (_, index) => ({
  headline: `تقرير قصير رقم ${index + 1}`,
  section: SECTION,
  paragraphs: [
    `القاهرة، 3 ديسمبر (وكالة الأنباء) هذا هو نص التقرير رقم ${index + 1}، وهو قصير.`,
    'وأضاف المتحدث أن المفاوضات ستستمر الأسبوع المقبل في العاصمة.',
  ],
}));

let database: { url: string; drop(): Promise<void> };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await seededDatabase(`e2e_site_language_${process.env.E2E_PORT || 3100}`);
  const dir = writeDocuments({ 'arabic.txt': listingDocument([...reports].reverse()) });
  try {
    const run = await runSeed([dir], { DATABASE_URL: database.url });
    if (run.status !== 0) throw new Error(`the import exited with ${run.status}:\n${run.stdout}\n${run.stderr}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test.afterAll(async () => {
  await database?.drop();
});

/** A server of the site in `language`, for the tests of one describe block. */
function siteIn(language: string): () => Instance {
  let instance: Instance | undefined;
  let build: ReturnType<typeof copyBuild> | undefined;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const port = await freePort();
    build = copyBuild(`.next-language-${language}-${port}`);
    instance = await startInstance(build.dir, port, { DATABASE_URL: database.url, SITE_LANGUAGE: language });
  });
  test.afterAll(async () => {
    await instance?.stop();
    build?.remove();
  });
  return () => instance!;
}

/** The address of the Arabic section's page `n`, as the site links it from its navigation. */
async function sectionPage(page: Page, base: string, n: number): Promise<string> {
  await page.goto(`${base}/`);
  const href = await page.getByRole('banner').getByRole('link', { name: SECTION, exact: true }).getAttribute('href');
  return `${base}${href}${n > 1 ? `/page/${n}` : ''}`;
}

/** Where a block's text sits inside its box: its left and right edges, and the box's. */
const textEdges = (locator: Locator) =>
  locator.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const text = range.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    return { textLeft: text.left, textRight: text.right, boxLeft: box.left, boxRight: box.right };
  });

/** Text laid out from the right: it starts at its box's right edge and stops short of the left. */
async function expectRightToLeft(locator: Locator, what: string) {
  const edges = await textEdges(locator);
  expect(Math.abs(edges.boxRight - edges.textRight), `${what}: text starts at the right edge`).toBeLessThan(2);
  expect(edges.textLeft - edges.boxLeft, `${what}: room left on the left`).toBeGreaterThan(20);
}

test.describe('SITE_LANGUAGE=ar', () => {
  const site = siteIn('ar');

  test('the page is Arabic, right to left, its navigation and footer in Arabic', async ({ page }) => {
    const { base } = site();
    await page.setViewportSize(DESKTOP);
    await page.goto(`${base}/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const navigation = page.getByRole('navigation', { name: 'الأقسام' });
    await expect(navigation.getByRole('link', { name: 'الصفحة الأولى' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('search', { name: 'البحث في الموقع' }).getByRole('button')).toHaveText('بحث');
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'التصحيحات' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'النسخة الخفيفة من هذه الصفحة' })).toBeVisible();
    // The date in the masthead, in Arabic.
    const today = new Intl.DateTimeFormat('ar', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    await expect(page.getByRole('banner').locator('time')).toHaveText(today.format(new Date()));
    // Nothing of the site's own English is left on the page's chrome.
    const chrome = `${await page.getByRole('banner').innerText()}\n${await page.getByRole('contentinfo').innerText()}`;
    for (const english of ['Front page', 'Search', 'Corrections', 'RSS feed', 'World news, reported plainly'])
      expect(chrome).not.toContain(english);
  });

  test('the masthead reads from the right: the date at the start, the display settings at the end', async ({
    page,
  }) => {
    const { base } = site();
    await page.setViewportSize(DESKTOP);
    await page.goto(`${base}/`);
    const banner = page.getByRole('banner');
    const date = (await banner.locator('time').boundingBox())!;
    const name = (await banner.getByRole('link', { name: 'The Daily Dispatch' }).boundingBox())!;
    const controls = (await banner.getByLabel('إعدادات العرض').boundingBox())!;
    expect(date.x, 'the date is right of the name').toBeGreaterThan(name.x + name.width);
    expect(controls.x + controls.width, 'the display settings are left of the name').toBeLessThan(name.x);
    // The first link of the section bar is the rightmost.
    const links = page.getByRole('navigation', { name: 'الأقسام' }).getByRole('link');
    const first = (await links.first().boundingBox())!;
    const second = (await links.nth(1).boundingBox())!;
    expect(first.x).toBeGreaterThan(second.x);
    // The display settings open in Arabic, their panel inside the screen.
    await banner.getByLabel('إعدادات العرض').click();
    await expect(page.getByRole('group', { name: 'المظهر' }).getByRole('radio', { name: 'داكن' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'حجم النص' }).getByRole('radio', { name: 'الأكبر' })).toBeVisible();
    const panel = (await page.getByRole('group', { name: 'المظهر' }).boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(0);
  });

  test('pagination: Arabic words, newer on the right, older on the left, the arrows pointing their way', async ({
    page,
  }, testInfo) => {
    const { base } = site();
    await page.setViewportSize(DESKTOP);
    await page.goto(await sectionPage(page, base, 2));
    const pages = page.getByRole('navigation', { name: 'الصفحات' });
    const newer = pages.getByRole('link', { name: 'مقالات أحدث' });
    const older = pages.getByRole('link', { name: 'مقالات أقدم' });
    await expect(newer).toHaveAttribute('rel', 'prev');
    await expect(older).toHaveAttribute('rel', 'next');
    await expect(pages).toContainText('الصفحة 2 من 3');
    const [newerBox, olderBox] = [(await newer.boundingBox())!, (await older.boundingBox())!];
    expect(newerBox.x, 'newer is on the right').toBeGreaterThan(olderBox.x + olderBox.width);
    // Each arrow is drawn mirrored: "←" points right, towards the newer page, at the start.
    for (const link of [newer, older]) {
      const scale = await link.locator('[aria-hidden="true"]').evaluate((arrow) => getComputedStyle(arrow).scale);
      expect(scale).toBe('-1 1');
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SECTION);
    await expect(page.getByText('دقيقة قراءة').first()).toBeVisible();
    await keepScreenshot(page, testInfo, 'ar-section-page-2-desktop');
  });

  test('an article reads right to left: headline, byline line, dateline and paragraphs', async ({ page }, testInfo) => {
    const { base } = site();
    await page.setViewportSize(DESKTOP);
    await page.goto(await sectionPage(page, base, 1));
    await page.getByRole('link', { name: reports.at(-1)!.headline, exact: true }).click();
    const article = page.getByRole('article');
    await expect(article.getByRole('heading', { level: 1 })).toHaveText(reports.at(-1)!.headline);
    await expectRightToLeft(article.getByRole('heading', { level: 1 }), 'the headline');
    await expectRightToLeft(article.locator('[data-article-body] p').first(), 'the first paragraph (its dateline)');
    await expectRightToLeft(article.locator('[data-article-body] p').nth(1), 'the second paragraph');
    await expect(article.getByText('نُشر في')).toBeVisible();
    await keepScreenshot(page, testInfo, 'ar-article-desktop');
  });

  test('search counts in Arabic, with the 1,000+ rule’s words and Arabic plural forms', async ({ page }) => {
    const { base } = site();
    await page.goto(`${base}/search?q=${encodeURIComponent('التقرير')}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('بحث');
    await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('45 مقالةً تطابق «التقرير»');
    await expect(page).toHaveTitle(/^45 مقالةً تطابق «التقرير»، الصفحة 1 من 3: بحث/u);
    await page.goto(`${base}/search?q=qwxyzzy`);
    await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('لا توجد مقالات تطابق «qwxyzzy»');
    await expect(page.getByRole('heading', { name: 'اقتراحات' })).toBeVisible();
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds nothing on a phone in the ${theme} theme: front page, section page, article, search`, async ({
      page,
    }, testInfo) => {
      const { base } = site();
      await page.setViewportSize(PHONE);
      await rememberChoices(page, { theme });
      const section = await sectionPage(page, base, 2);
      for (const [name, address] of [
        ['front-page', `${base}/`],
        ['section-page-2', section],
        ['article', `${base}${await articlePathOf(page, section)}`],
        ['search', `${base}/search?q=${encodeURIComponent('المفاوضات')}`],
      ] as const) {
        await page.goto(address);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        expect(await page.locator('html').getAttribute('dir'), name).toBe('rtl');
        expect(await axeViolations(page), `${name}, ${theme}`).toEqual([]);
        await keepScreenshot(page, testInfo, `ar-${name}-phone-${theme}`);
      }
    });
  }

  // The 404 page is the one the build prerendered, in the build's language (docs/languages.md):
  // these servers run the English build.
  test('the lite pages are in Arabic too, right to left', async ({ request }) => {
    const { base } = site();
    const lite = await request.get(`${base}/lite`);
    const html = await lite.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('الصفحة الأولى');
    expect(html).toContain('النسخة الكاملة من هذه الصفحة');
  });
});

/** The first article linked from a listing page. */
async function articlePathOf(page: Page, listing: string): Promise<string> {
  await page.goto(listing);
  return (await page
    .getByRole('main')
    .getByRole('heading', { level: 2 })
    .first()
    .getByRole('link')
    .getAttribute('href'))!;
}

for (const { language, words } of [
  {
    language: 'es',
    words: {
      sections: 'Secciones',
      front: 'Portada',
      pages: 'Páginas',
      newer: 'Artículos más recientes',
      older: 'Artículos anteriores',
      pageOf: 'Página 2 de 3',
      search: 'Buscar',
      count: '45 artículos coinciden con «التقرير»',
    },
  },
  {
    language: 'ru',
    words: {
      sections: 'Разделы',
      front: 'Главная',
      pages: 'Страницы',
      newer: 'Более новые статьи',
      older: 'Более ранние статьи',
      pageOf: 'Страница 2 из 3',
      search: 'Поиск',
      count: 'По запросу «التقرير» найдено 45 статей',
    },
  },
]) {
  test.describe(`SITE_LANGUAGE=${language}`, () => {
    const site = siteIn(language);

    test('the page says its language, left to right, and the site’s words are translated', async ({ page }) => {
      const { base } = site();
      await page.goto(`${base}/`);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
      await expect(
        page.getByRole('navigation', { name: words.sections }).getByRole('link', { name: words.front }),
      ).toBeVisible();
      await page.goto(await sectionPage(page, base, 2));
      const pages = page.getByRole('navigation', { name: words.pages });
      await expect(pages.getByRole('link', { name: words.newer })).toHaveAttribute('rel', 'prev');
      await expect(pages.getByRole('link', { name: words.older })).toHaveAttribute('rel', 'next');
      await expect(pages).toContainText(words.pageOf);
      const [newer, older] = [
        (await pages.getByRole('link', { name: words.newer }).boundingBox())!,
        (await pages.getByRole('link', { name: words.older }).boundingBox())!,
      ];
      expect(newer.x, 'left to right: newer on the left').toBeLessThan(older.x);
      await page.goto(`${base}/search?q=${encodeURIComponent('التقرير')}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.search);
      await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(words.count);
    });
  });
}
