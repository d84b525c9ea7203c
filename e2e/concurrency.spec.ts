import { expect, test } from '@playwright/test';
import { h1Texts } from './support/html';
import { importArticles, plainSlug, uniqueWord } from './support/import';

const ARTICLES = 50;
const BURSTS = 3;

// Fifty readers at once, on the site's pool, must each get their own article.
const word = uniqueWord();
const section = `Crowds ${word}`;
const articles = Array.from({ length: ARTICLES }, (_, index) => {
  const headline = `${word} bulletin ${index + 1} of ${ARTICLES}`;
  return { headline, path: `/${plainSlug(section)}/${plainSlug(headline)}` };
});

test.beforeAll(() => {
  importArticles(
    articles.map(({ headline }) => ({ headline, section, paragraphs: [`This is the text of ${headline}, alone.`] })),
  );
});

test('50 concurrent requests for 50 different articles each get their own article', async ({ request }) => {
  for (let burst = 1; burst <= BURSTS; burst++) {
    // A different order each burst changes which requests meet at the database.
    const order = [...articles].sort(() => Math.random() - 0.5);
    const pages = await Promise.all(
      order.map(async ({ headline, path }) => {
        const response = await request.get(path);
        return { headline, path, status: response.status(), html: await response.text() };
      }),
    );
    for (const { headline, path, status, html } of pages) {
      expect(status, `burst ${burst}: status of ${path}`).toBe(200);
      expect(h1Texts(html), `burst ${burst}: h1 of ${path}`).toEqual([headline]);
      expect(html, `burst ${burst}: text of ${path}`).toContain(`This is the text of ${headline}, alone.`);
    }
  }
});
