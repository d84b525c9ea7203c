import { expect, test } from '@playwright/test';
import { REQUIRED_CATEGORIES, auditPage, launchChrome } from '../scripts/lighthouse';
import { AUTHOR, TAG, importBylineArticles } from './support/bylines';
import { GONE_KINDS, goneArticles } from './support/gone';
import { SEED_ARTICLES } from './support/seed';
import { CORRECTIONS, importCorrectionArticles } from './support/corrections';

test.beforeAll(() => {
  importBylineArticles();
  importCorrectionArticles();
});

// Lighthouse drives its own Chrome; an audit of one page takes some seconds.
test.describe.configure({ timeout: 180_000 });

for (const [kind, path] of [
  ['front page', '/'],
  ['section page', '/world'],
  ['article', SEED_ARTICLES[0].path],
  ['author page', AUTHOR.path],
  ['tag page', TAG.path],
  ['corrections page', CORRECTIONS.path],
  ['lite section page', '/lite/world'],
  ['lite author page', `/lite${AUTHOR.path}`],
  ['lite tag page', `/lite${TAG.path}`],
  ['lite corrections page', `/lite${CORRECTIONS.path}`],
  ['lite article', `/lite${SEED_ARTICLES[0].path}`],
] as const) {
  test(`Lighthouse scores the ${kind} 100 for accessibility, best practices and SEO on a phone`, async ({
    baseURL,
  }, testInfo) => {
    const chrome = await launchChrome();
    try {
      const audit = await auditPage(`${baseURL}${path}`, chrome.port, REQUIRED_CATEGORIES);
      await testInfo.attach('lighthouse', { body: JSON.stringify(audit, null, 2), contentType: 'application/json' });
      expect(audit.shortfalls).toEqual([]);
      expect(audit.scores).toEqual({ accessibility: 100, 'best-practices': 100, seo: 100 });
    } finally {
      chrome.kill();
    }
  });
}

// A version of an article is kept out of search engines' indexes on purpose (`noindex`: the
// current article is the one to find); that is the one audit it is expected to fail.
test('Lighthouse scores the version of an article 100 for accessibility and best practices, and finds only its noindex', async ({
  baseURL,
}, testInfo) => {
  const chrome = await launchChrome();
  try {
    const audit = await auditPage(`${baseURL}${SEED_ARTICLES[0].path}/versions/1`, chrome.port, REQUIRED_CATEGORIES);
    await testInfo.attach('lighthouse', { body: JSON.stringify(audit, null, 2), contentType: 'application/json' });
    expect(audit.shortfalls).toEqual(['seo: Page is blocked from indexing (0)']);
    expect(audit.scores).toMatchObject({ accessibility: 100, 'best-practices': 100 });
  } finally {
    chrome.kill();
  }
});

// The lite front page's canonical URL is its full twin, the site's root: Lighthouse's SEO audit
// takes any page other than the root that names the root as canonical for a mistake (its rule
// of thumb for sites that point every page at the home page), so that one audit is expected here.
test('Lighthouse scores the lite front page 100 for accessibility and best practices, and finds only its canonical root', async ({
  baseURL,
}, testInfo) => {
  const chrome = await launchChrome();
  try {
    const audit = await auditPage(`${baseURL}/lite`, chrome.port, REQUIRED_CATEGORIES);
    await testInfo.attach('lighthouse', { body: JSON.stringify(audit, null, 2), contentType: 'application/json' });
    expect(audit.shortfalls).toEqual(['seo: Document does not have a valid `rel=canonical` (0)']);
    expect(audit.scores).toMatchObject({ accessibility: 100, 'best-practices': 100 });
  } finally {
    chrome.kill();
  }
});

// A withdrawn or removed article's page answers 410 or 451 and asks not to be indexed: that is
// what Lighthouse finds (the browser logs the document's error status too), and all it may find.
for (const { kind, path } of GONE_KINDS) {
  test(`Lighthouse scores the page of a ${kind} 100 for accessibility, and finds only that it is gone`, async ({
    baseURL,
  }, testInfo) => {
    await goneArticles(baseURL);
    const chrome = await launchChrome();
    try {
      const audit = await auditPage(`${baseURL}${path}`, chrome.port, REQUIRED_CATEGORIES, { errorStatus: true });
      await testInfo.attach('lighthouse', { body: JSON.stringify(audit, null, 2), contentType: 'application/json' });
      expect(audit.shortfalls).toEqual([
        'best-practices: Browser errors were logged to the console (0)',
        'seo: Page is blocked from indexing (0)',
        'seo: Page has unsuccessful HTTP status code (0)',
      ]);
      expect(audit.scores).toMatchObject({ accessibility: 100 });
    } finally {
      chrome.kill();
    }
  });
}
