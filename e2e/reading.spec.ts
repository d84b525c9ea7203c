import { expect, test } from '@playwright/test';
import { importArticles, plainSlug, uniqueWord } from './support/import';
import {
  PAGE_KINDS,
  chooseTextSize,
  chooseTheme,
  displayButton,
  keepScreenshot,
  luminance,
  openPage,
  pageBackground,
  rememberChoices,
  sidewaysOverflow,
} from './support/reader';
import { SCREENS } from './support/viewports';
import { importBylineArticles } from './support/bylines';
import { importCorrectionArticles } from './support/corrections';

// The page kinds include an author's and a tag's pages and the corrections' (support/reader.ts).
test.beforeAll(() => {
  importBylineArticles();
  importCorrectionArticles();
});

// One small newsroom for this file: a section of four articles, and one article elsewhere
// that shares words with the second. Every headline carries the word, so no other test's
// articles share these pages.
const word = uniqueWord();
const harbour = `Harbour ${word}`;
const coast = `Coast ${word}`;
const article = (headline: string, section: string, paragraphs?: string[]) => ({
  headline,
  section,
  paragraphs,
  path: `/${plainSlug(section)}/${plainSlug(headline)}`,
});
const newest = article(`${word} cranes return to the quay`, harbour);
const middle = article(`${word} ferry timetable changes for winter`, harbour);
const oldest = article(`${word} lighthouse keeper retires after forty years`, harbour);
const archive = article(`${word} harbour archive opens to the public`, harbour);
const elsewhere = article(`${word} ferry operators meet over the winter timetable`, coast, [
  `Valletta, Nov 12 (Harbour Wire) The ${word} ferry operators met on Tuesday.`,
  'They agreed.',
]);

test.beforeAll(() => {
  importArticles([newest, middle, oldest, archive, elsewhere]);
});

for (const [screen, viewport] of SCREENS) {
  test.describe(`on a ${screen} screen`, () => {
    test.use({ viewport, isMobile: screen === 'phone', hasTouch: screen === 'phone' });

    for (const theme of ['light', 'dark'] as const) {
      test(`every kind of page reads well in the ${theme} theme (screenshots attached)`, async ({ page }, testInfo) => {
        await rememberChoices(page, { theme });
        for (const { kind, path } of [...PAGE_KINDS, { kind: 'article with related reading', path: middle.path }]) {
          await openPage(page, path);
          const background = luminance(await pageBackground(page));
          if (theme === 'light') expect(background, kind).toBeGreaterThan(0.8);
          else expect(background, kind).toBeLessThan(0.2);
          await keepScreenshot(page, testInfo, `${screen}-${theme}-${kind.replaceAll(' ', '-')}`);
        }
      });
    }

    test('the theme a reader picks is still there after a reload', async ({ page }) => {
      await openPage(page, '/');
      await chooseTheme(page, 'Dark');
      expect(luminance(await pageBackground(page))).toBeLessThan(0.2);
      await page.reload();
      expect(luminance(await pageBackground(page))).toBeLessThan(0.2);
      await chooseTheme(page, 'Light');
      await page.reload();
      expect(luminance(await pageBackground(page))).toBeGreaterThan(0.8);
    });

    test('the text size a reader picks is still there after a reload, on every page', async ({ page }) => {
      await openPage(page, middle.path);
      const paragraph = page.getByRole('article').locator('p').filter({ hasText: 'the first paragraph' });
      const before = await paragraph.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
      await chooseTextSize(page, 'Largest');
      await page.reload();
      const after = await paragraph.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
      expect(after).toBeCloseTo(before * 1.5, 0);
      await openPage(page, '/');
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('24px');
    });

    test('nothing on any page scrolls sideways at 320 px, at the default and the largest text size', async ({
      page,
    }) => {
      await page.setViewportSize({ width: 320, height: 640 });
      for (const textSize of ['md', 'xxl']) {
        await rememberChoices(page, { textSize });
        for (const { kind, path } of [...PAGE_KINDS, { kind: 'article with related reading', path: middle.path }]) {
          await openPage(page, path);
          expect(await sidewaysOverflow(page), `${kind} at text size ${textSize}`).toBe(0);
        }
      }
    });

    test('every link and button outside running text is at least 24 by 24 px', async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 640 });
      for (const { kind, path } of [...PAGE_KINDS, { kind: 'article with related reading', path: middle.path }]) {
        await openPage(page, path);
        await displayButton(page).click();
        const small = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('a[href], button, summary, input')]
            .filter((element) => element.checkVisibility() && !element.matches('.sr-only'))
            // WCAG's exception: a link inside a sentence is as tall as the sentence.
            .filter((element) => {
              const block = element.parentElement?.closest('p, li, h1, h2, h3, div, label');
              const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/gu, ' ').trim();
              return !block || text(block) === text(element) || element.matches('input, button, summary');
            })
            .map((element) => ({ element, box: element.getBoundingClientRect() }))
            .filter(({ box }) => box.width < 24 || box.height < 24)
            .map(
              ({ element, box }) => `${element.tagName} "${element.textContent?.trim()}" ${box.width}×${box.height}`,
            ),
        );
        expect(small, kind).toEqual([]);
      }
    });
  });
}

test.describe('reader controls', () => {
  test('the theme and text size controls are on every page', async ({ page }) => {
    for (const { kind, path } of PAGE_KINDS) {
      await openPage(page, path);
      await expect(displayButton(page), kind).toBeVisible();
    }
  });

  test('the text size has five steps, each larger than the one before', async ({ page }) => {
    await openPage(page, '/');
    const sizes: number[] = [];
    for (const step of ['Smaller', 'Default', 'Large', 'Larger', 'Largest'] as const) {
      await chooseTextSize(page, step);
      sizes.push(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize)));
    }
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(new Set(sizes).size).toBe(5);
  });

  test('the System theme follows the device, and Light or Dark overrides it', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openPage(page, '/');
    expect(luminance(await pageBackground(page))).toBeLessThan(0.2);
    await chooseTheme(page, 'Light');
    expect(luminance(await pageBackground(page))).toBeGreaterThan(0.8);
    await chooseTheme(page, 'System');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(luminance(await pageBackground(page))).toBeGreaterThan(0.8);
  });

  test("a returning reader's theme and text size are there before any of the page's scripts run", async ({ page }) => {
    // With the site's script files withheld, only the small script in the page's head can apply them.
    await page.route('**/_next/static/**/*.js', (route) => route.abort());
    await rememberChoices(page, { theme: 'dark', textSize: 'xl' });
    await page.goto('/');
    expect(luminance(await pageBackground(page))).toBeLessThan(0.2);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
  });

  test('a choice made in one tab shows in the reader’s other open tabs', async ({ context }) => {
    const first = await context.newPage();
    const second = await context.newPage();
    await openPage(first, '/');
    await openPage(second, '/world');
    await chooseTheme(first, 'Dark');
    await expect.poll(async () => luminance(await pageBackground(second))).toBeLessThan(0.2);
  });
});

test.describe('an article', () => {
  test('shows its reading time and the section it was published in', async ({ page }) => {
    await openPage(page, middle.path);
    await expect(page.getByRole('article').getByText(/^\d+ min read$/u)).toBeVisible();
    await expect(page.getByRole('article').getByText(`Published in ${harbour}`)).toBeVisible();
  });

  test('links to the previous (newer) and next (older) articles of its section', async ({ page }) => {
    await openPage(page, middle.path);
    const more = page.getByRole('navigation', { name: `More in ${harbour}` });
    await expect(more.getByRole('link', { name: `Previous in ${harbour} ${newest.headline}` })).toHaveAttribute(
      'href',
      newest.path,
    );
    await expect(more.getByRole('link', { name: `Next in ${harbour} ${oldest.headline}` })).toHaveAttribute(
      'href',
      oldest.path,
    );
  });

  test('lists related articles: its own section first, then others that share its words; never itself, nor the previous or next article', async ({
    page,
  }) => {
    await openPage(page, middle.path);
    const related = page.getByRole('region', { name: 'Related articles' });
    // This file's articles only: another worker running this file imports its own five, under its own word.
    const headlines = (await related.getByRole('heading', { level: 3 }).allTextContents()).filter((headline) =>
      headline.startsWith(`${word} `),
    );
    expect(headlines.slice(0, 2)).toEqual([archive.headline, elsewhere.headline]);
    for (const linkedAbove of [middle, newest, oldest]) expect(headlines).not.toContain(linkedAbove.headline);
  });

  test('shares through the device’s share sheet where the browser has one', async ({ page, baseURL }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'share', {
        value: (data: ShareData) => {
          (window as unknown as { shared: ShareData }).shared = data;
          return Promise.resolve();
        },
      });
    });
    await openPage(page, middle.path);
    await page.getByRole('button', { name: 'Share this article' }).click();
    const shared = await page.evaluate(() => (window as unknown as { shared?: ShareData }).shared);
    expect(shared).toEqual({ title: middle.headline, url: `${baseURL}${middle.path}` });
  });

  test('copies its link where the browser has no share sheet, and says so', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.addInitScript(() => Object.defineProperty(navigator, 'share', { value: undefined }));
    await openPage(page, middle.path);
    await page.getByRole('button', { name: 'Share this article' }).click();
    // The share button's own status line (the save control beside it has one too).
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toHaveText(
      'Link copied to the clipboard.',
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${middle.path}`);
  });

  test('shows its link to copy by hand when the clipboard is refused', async ({ page, baseURL }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'share', { value: undefined });
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    });
    await openPage(page, middle.path);
    await page.getByRole('button', { name: 'Share this article' }).click();
    await expect(page.getByRole('textbox', { name: 'Copy this link:' })).toHaveValue(`${baseURL}${middle.path}`);
  });

  test('prints alone: headline, dateline, text and its address, without the site around it', async ({
    page,
    baseURL,
  }) => {
    await openPage(page, elsewhere.path);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('article').locator('time')).toBeVisible();
    await expect(page.getByText('Valletta, Nov 12 (Harbour Wire)')).toBeVisible();
    await expect(page.getByText('They agreed.')).toBeVisible();
    await expect(page.getByText(`${baseURL}${elsewhere.path}`, { exact: true })).toBeVisible();
    for (const hidden of [
      page.getByRole('banner'),
      page.getByRole('contentinfo'),
      page.getByRole('navigation', { name: `More in ${coast}` }),
      page.getByRole('region', { name: 'Related articles' }),
      page.getByRole('button', { name: 'Share this article' }),
      page.getByRole('article').getByText(`Published in ${coast}`),
      page.getByRole('article').getByText(/min read/u),
    ]) {
      await expect(hidden).toBeHidden();
    }
  });

  test('shows its address only on paper', async ({ page, baseURL }) => {
    await openPage(page, elsewhere.path);
    await expect(page.getByText(`${baseURL}${elsewhere.path}`, { exact: true })).toBeHidden();
  });
});

test.describe('the front page', () => {
  test('leads with one story in the largest type, beside a list of the latest', async ({ page }) => {
    await openPage(page, '/');
    const size = (locator: ReturnType<typeof page.locator>) =>
      locator.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    const lead = await size(page.getByRole('region', { name: 'Lead story' }).getByRole('heading', { level: 3 }));
    const latest = await size(page.getByRole('region', { name: 'Latest' }).getByRole('heading', { level: 3 }).first());
    expect(lead).toBeGreaterThan(latest * 1.5);
  });
});
