import { expect, test } from '@playwright/test';
import { REQUIRED_CATEGORIES, auditPage, launchChrome } from '../scripts/lighthouse';
import { SEED_ARTICLES } from './support/seed';

// Lighthouse drives its own Chrome; an audit of one page takes some seconds.
test.describe.configure({ timeout: 180_000 });

for (const [kind, path] of [
  ['front page', '/'],
  ['section page', '/world'],
  ['article', SEED_ARTICLES[0].path],
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
