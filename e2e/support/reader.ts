import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { SEED_ARTICLES } from './seed';
import { AUTHOR, TAG } from './bylines';

/** The WCAG 2.0–2.2 A and AA rules and axe's best practices; no rule is turned off. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** One page of each kind the site has, all from the bundled documents. */
export const PAGE_KINDS = [
  { kind: 'front page', path: '/' },
  { kind: 'section page', path: '/world' },
  { kind: 'article', path: SEED_ARTICLES[0].path },
  { kind: 'version of an article', path: `${SEED_ARTICLES[0].path}/versions/1` },
  { kind: 'what changed since a version', path: `${SEED_ARTICLES[0].path}/versions/1/changes` },
  { kind: 'author page', path: AUTHOR.path },
  { kind: 'later author page', path: `${AUTHOR.path}/page/2` },
  { kind: 'tag page', path: TAG.path },
  { kind: 'corrections page', path: '/corrections' },
  { kind: 'later corrections page', path: '/corrections/page/2' },
  { kind: '404 page', path: '/no-such-section-for-readers' },
  { kind: 'search results page', path: '/search?q=syrian' },
  { kind: 'search page that finds nothing', path: '/search?q=qwxyzzy' },
  { kind: 'empty search page', path: '/search' },
] as const;

export type ThemeLabel = 'System' | 'Light' | 'Dark';
export type TextSizeLabel = 'Smaller' | 'Default' | 'Large' | 'Larger' | 'Largest';

/** Opens a page and waits until a reader sees its heading (the 404 page is drawn in the browser). */
export async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** A returning reader: the choices they made on an earlier visit, as the site stored them. */
export async function rememberChoices(page: Page, choices: { theme?: 'light' | 'dark'; textSize?: string }) {
  await page.addInitScript((stored) => {
    if (stored.theme) localStorage.setItem('reader-theme', stored.theme);
    if (stored.textSize) localStorage.setItem('reader-text-size', stored.textSize);
  }, choices);
}

/** The header's display button: it opens the theme and text size choices. */
export const displayButton = (page: Page) => page.getByRole('banner').getByLabel('Display settings');

export async function openDisplaySettings(page: Page): Promise<void> {
  const themes = page.getByRole('group', { name: 'Theme' });
  if (!(await themes.isVisible())) await displayButton(page).click();
  await expect(themes).toBeVisible();
}

export async function chooseTheme(page: Page, theme: ThemeLabel): Promise<void> {
  await openDisplaySettings(page);
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: theme, exact: true }).check();
}

export async function chooseTextSize(page: Page, size: TextSizeLabel): Promise<void> {
  await openDisplaySettings(page);
  await page.getByRole('group', { name: 'Text size' }).getByRole('radio', { name: size, exact: true }).check();
}

/** The page's background colour, as a reader sees it. */
export const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** Relative luminance of an `rgb(…)` colour: below 0.2 is a dark page, above 0.8 a light one. */
export function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/[\d.]+/gu) ?? []).map(Number).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export interface AxeViolation {
  rule: string;
  impact: string | null | undefined;
  help: string;
  elements: string[];
}

/** axe-core's violations on the page as it stands, in a form that reads well in a failed assertion. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    elements: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

/** How far the page reaches past the right edge of the screen, in CSS pixels (0 when nothing scrolls sideways). */
export const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));

/** A full-page screenshot, kept with the test's results and attached to its report. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}
