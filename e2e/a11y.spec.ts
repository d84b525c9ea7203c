import { expect, test } from '@playwright/test';
import { PAGE_KINDS, axeViolations, openPage, rememberChoices } from './support/reader';
import { SCREENS } from './support/viewports';
import { importBylineArticles } from './support/bylines';
import { GONE_KINDS, goneArticles } from './support/gone';
import { importCorrectionArticles } from './support/corrections';

// The page kinds include an author's and a tag's pages and the corrections' (support/reader.ts).
test.beforeAll(() => {
  importBylineArticles();
  importCorrectionArticles();
});
test.beforeAll(() => goneArticles());

for (const [screen, viewport] of SCREENS) {
  test.describe(`on a ${screen} screen`, () => {
    test.use({ viewport });

    for (const { kind, path } of PAGE_KINDS) {
      test(`axe finds no accessibility problem on the ${kind} in the light theme`, async ({ page }) => {
        await rememberChoices(page, { theme: 'light' });
        await openPage(page, path);
        expect(await axeViolations(page)).toEqual([]);
      });

      test(`axe finds no accessibility problem on the ${kind} in the dark theme`, async ({ page }) => {
        await rememberChoices(page, { theme: 'dark' });
        await openPage(page, path);
        expect(await axeViolations(page)).toEqual([]);
      });

      test(`axe finds no accessibility problem on the ${kind} at the largest text size`, async ({ page }) => {
        await rememberChoices(page, { textSize: 'xxl' });
        await openPage(page, path);
        expect(await axeViolations(page)).toEqual([]);
      });
    }

    test('axe finds no accessibility problem in the open display settings, in either theme', async ({ page }) => {
      await openPage(page, '/');
      for (const theme of ['Light', 'Dark'] as const) {
        await page.getByLabel('Display settings').click();
        await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: theme, exact: true }).check();
        expect(await axeViolations(page), theme).toEqual([]);
        await page.keyboard.press('Escape');
      }
    });
  });
}

test.describe('page structure', () => {
  for (const { kind, path } of PAGE_KINDS) {
    test(`the ${kind} has one h1 and no skipped heading level`, async ({ page }) => {
      await openPage(page, path);
      const levels = await page
        .locator('h1, h2, h3, h4, h5, h6')
        .evaluateAll((headings) => headings.map((heading) => Number(heading.tagName.slice(1))));
      expect(levels.filter((level) => level === 1)).toHaveLength(1);
      const skips = levels.filter((level, index) => index > 0 && level > (levels[index - 1] ?? 0) + 1);
      expect(skips, `heading levels in order: ${levels.join(' ')}`).toEqual([]);
    });

    test(`the ${kind} has a banner, section navigation, main content and a footer, in a page that names its language`, async ({
      page,
    }) => {
      await openPage(page, path);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('banner')).toHaveCount(1);
      await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
      await expect(page.getByRole('main')).toHaveCount(1);
      await expect(page.getByRole('contentinfo')).toHaveCount(1);
    });

    test(`every link on the ${kind} says where it goes, and links that read alike go to the same place`, async ({
      page,
    }) => {
      await openPage(page, path);
      const links = await page.getByRole('link').evaluateAll((elements) =>
        elements.map((element) => ({
          name: (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/gu, ' ').trim(),
          href: new URL((element as HTMLAnchorElement).href).pathname,
        })),
      );
      const vague = /^(?:click here|here|more|read more|link|this|continue|details)$/iu;
      expect(links.filter(({ name }) => name === '' || vague.test(name))).toEqual([]);
      const places = new Map<string, Set<string>>();
      for (const { name, href } of links) places.set(name, (places.get(name) ?? new Set()).add(href));
      const ambiguous = [...places].filter(([, hrefs]) => hrefs.size > 1).map(([name]) => name);
      expect(ambiguous).toEqual([]);
    });
  }

  test('the skip link is the first thing the keyboard reaches, shows when focused, and moves focus to the main content', async ({
    page,
  }) => {
    await openPage(page, '/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    const box = await skip.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(24);
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(24);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/u);
    await page.keyboard.press('Tab');
    const focusedInMain = await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement));
    expect(focusedInMain).toBe(true);
  });

  test('every link, button and control shows a clear outline when the keyboard focuses it', async ({ page }) => {
    await openPage(page, PAGE_KINDS[2].path);
    const unmarked: string[] = [];
    for (let step = 0; step < 40; step++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        return {
          name: `${element.tagName} ${(element.textContent ?? '').trim().slice(0, 40)}`,
          outlined: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        };
      });
      if (focus && !focus.outlined) unmarked.push(focus.name);
    }
    expect(unmarked).toEqual([]);
  });

  test('with reduced motion asked for, nothing on the page moves', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openPage(page, PAGE_KINDS[2].path);
    await page.getByLabel('Display settings').click();
    const moving = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((element) => {
          const style = getComputedStyle(element);
          const longest = (value: string) => Math.max(...value.split(',').map((part) => parseFloat(part) || 0));
          return longest(style.transitionDuration) > 0.001 || longest(style.animationDuration) > 0.001;
        })
        .map((element) => element.tagName),
    );
    expect(moving).toEqual([]);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
  });
});

/** The lite pages follow the device's colour scheme (they have no theme control): axe checks both. */
const LITE_KINDS = [
  { kind: 'lite front page', path: '/lite' },
  { kind: 'lite section page', path: '/lite/world' },
  { kind: 'lite article', path: `/lite${PAGE_KINDS[2].path}` },
] as const;

for (const [screen, viewport] of SCREENS) {
  test.describe(`lite pages on a ${screen} screen`, () => {
    test.use({ viewport });
    for (const { kind, path } of LITE_KINDS) {
      for (const colorScheme of ['light', 'dark'] as const) {
        test(`axe finds no accessibility problem on the ${kind} on a ${colorScheme} device`, async ({ page }) => {
          await page.emulateMedia({ colorScheme });
          await openPage(page, path);
          expect(await axeViolations(page)).toEqual([]);
        });
      }
    }
  });
}

/** A withdrawn or removed article's page (the front door's, no theme control): both colour schemes, as the lite pages. */
for (const [screen, viewport] of SCREENS) {
  test.describe(`410 and 451 pages on a ${screen} screen`, () => {
    test.use({ viewport });
    for (const { kind, path, status } of GONE_KINDS) {
      for (const colorScheme of ['light', 'dark'] as const) {
        test(`axe finds no accessibility problem on the page of a ${kind} on a ${colorScheme} device`, async ({
          page,
        }) => {
          await page.emulateMedia({ colorScheme });
          const response = await page.goto(path);
          expect(response?.status()).toBe(status);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          expect(await axeViolations(page)).toEqual([]);
        });
      }
    }
  });
}

test('the saved-articles page has no accessibility problem, in either theme', async ({ page }) => {
  for (const theme of ['light', 'dark'] as const) {
    await rememberChoices(page, { theme });
    await openPage(page, '/saved');
    await expect(page.getByText('No saved articles yet.', { exact: false })).toBeVisible();
    expect(await axeViolations(page), theme).toEqual([]);
  }
});
