import { expect, test } from '@playwright/test';
import { observatoryScore } from './support/observatory';
import { AUTHOR, TAG, importBylineArticles } from './support/bylines';
import { GONE_KINDS, goneArticles } from './support/gone';
import { SEED_ARTICLES } from './support/seed';
import { CORRECTIONS, importCorrectionArticles } from './support/corrections';

test.beforeAll(() => {
  importBylineArticles();
  importCorrectionArticles();
});
test.beforeAll(() => goneArticles());

const EXPECTED = {
  'content-security-policy':
    /^default-src 'self'; .*object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'$/u,
  'strict-transport-security': /^max-age=63072000; includeSubDomains$/u,
  'cross-origin-resource-policy': /^same-origin$/u,
  'cross-origin-opener-policy': /^same-origin$/u,
  'x-content-type-options': /^nosniff$/u,
  'x-frame-options': /^DENY$/u,
  'referrer-policy': /^strict-origin-when-cross-origin$/u,
};

for (const [what, url, status] of [
  ['the front page', '/', 200],
  ['a section page', '/world', 200],
  ['an article page', SEED_ARTICLES[0].path, 200],
  ['a version of an article', `${SEED_ARTICLES[0].path}/versions/1`, 200],
  ['what changed since a version', `${SEED_ARTICLES[0].path}/versions/1/changes`, 200],
  ['the Markdown copy of a version', `${SEED_ARTICLES[0].path}/versions/1.md`, 200],
  ['the hash chain of an article', `${SEED_ARTICLES[0].path}/versions.json`, 200],
  ['an author page', AUTHOR.path, 200],
  ['a later author page', `${AUTHOR.path}/page/2`, 200],
  ['a tag page', TAG.path, 200],
  ['a lite author page', `/lite${AUTHOR.path}`, 200],
  ['the corrections page', CORRECTIONS.path, 200],
  ['a later corrections page', CORRECTIONS.later, 200],
  ['the lite corrections page', `/lite${CORRECTIONS.path}`, 200],
  ['the corrections feed', `${CORRECTIONS.path}/feed.xml`, 200],
  ['an archive of the corrections feed', `${CORRECTIONS.path}/archive/1/atom.xml`, 200],
  ['the 404 page', '/no-such-section-anywhere', 404],
  ['a feed', '/feed.xml', 200],
  ['an author feed', `${AUTHOR.path}/atom.xml`, 200],
  ['a tag feed', `${TAG.path}/feed.json`, 200],
  ['robots.txt', '/robots.txt', 200],
  ['a static file', '/logo.png', 200],
  ['the search page', '/search?q=syrian', 200],
  ['the OpenSearch description', '/opensearch.xml', 200],
  ['a bad address', '/%E0%A4%A', 400],
  ...GONE_KINDS.map(({ kind, path, status }) => [`the page of a ${kind}`, path, status] as const),
] as const) {
  test(`${what} is sent with the site's security headers`, async ({ request }) => {
    const response = await request.get(url);

    expect(response.status()).toBe(status);
    const headers = response.headers();
    for (const [name, value] of Object.entries(EXPECTED)) expect(headers[name], name).toMatch(value);
  });
}

for (const [what, url] of [
  ['the front page', '/'],
  ['a section page', '/world'],
  ['an article page', SEED_ARTICLES[0].path],
  ['a version of an article', `${SEED_ARTICLES[0].path}/versions/1`],
  ['an author page', AUTHOR.path],
  ['a tag page', TAG.path],
  ['the corrections page', CORRECTIONS.path],
  ['the 404 page', '/no-such-section-anywhere'],
  ['the search page', '/search?q=syrian'],
  ['the saved articles page', '/saved'],
] as const) {
  test(`${what} scores A+ by the MDN HTTP Observatory's rules as it is served`, async ({ request, baseURL }) => {
    // The 404 page is prerendered, and search renders per request: neither is in the page cache.
    const cached = url !== '/no-such-section-anywhere' && !url.startsWith('/search');
    // The first request renders and caches the page; an import by another spec running alongside can
    // expire it again before the next one, so ask a few times for the cached copy.
    let response = await request.get(url);
    for (let attempt = 0; attempt < 5 && response.headers()['x-nextjs-cache'] !== 'HIT' && cached; attempt++)
      response = await request.get(url);
    const headers = response.headers();
    if (cached) expect(headers['x-nextjs-cache'], 'served from the cache').toBe('HIT');
    const setCookie = response
      .headersArray()
      .filter((h) => h.name.toLowerCase() === 'set-cookie')
      .map((h) => h.value);
    const { score, grade, modifiers } = observatoryScore(headers, setCookie, await response.text(), baseURL!);
    expect(
      modifiers.filter((m) => m.modifier < 0),
      'no penalty',
    ).toEqual([]);
    expect(grade, `score ${score}`).toBe('A+');
  });

  test(`${what} runs in the browser with no script refused by its policy`, async ({ page }) => {
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/iu.test(message.text())) refused.push(message.text());
    });
    const response = await page.goto(url);
    const policy = response?.headers()['content-security-policy'] ?? '';
    const scriptSources = /script-src ([^;]*)/u.exec(policy)?.[1] ?? '';
    expect(scriptSources, 'no unsafe-inline for scripts').not.toContain("'unsafe-inline'");
    expect(scriptSources, 'each inline script is named by its digest').toMatch(/'sha256-[A-Za-z0-9+/]+=*'/u);
    // The head script ran (it marks the page as having JavaScript), and React hydrated the
    // display settings: opening them and pressing Escape closes them again.
    await expect(page.locator('html')).toHaveClass(/\bjs\b/u);
    const settings = page.getByLabel('Display settings');
    await settings.click();
    await expect(page.locator('details:has(> [aria-label="Display settings"])')).toHaveAttribute('open', '');
    await page.keyboard.press('Escape');
    await expect(page.locator('details:has(> [aria-label="Display settings"])')).not.toHaveAttribute('open', '');
    expect(refused).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBeGreaterThan(0);
    // Every inline script of the page is one the policy names, and it names no other.
    const digests = await page.evaluate(async () => {
      const scripts = [...document.querySelectorAll('script:not([src])')].filter(
        (script) => !/json/u.test(script.getAttribute('type') ?? ''),
      );
      return Promise.all(
        scripts.map(async (script) => {
          const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(script.textContent ?? ''));
          return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(hash)))}'`;
        }),
      );
    });
    expect(
      scriptSources
        .split(' ')
        .filter((source) => source.startsWith("'sha256-"))
        .sort(),
    ).toEqual([...new Set(digests)].sort());
  });
}
