import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import MarkdownIt from 'markdown-it';
import { parse as parseHtml } from 'node-html-parser';
import { importArticles, plainSlug, uniqueWord } from './support/import';
import { FEED_FILES, type FeedFormat, jsonLdBlocks, readFeed } from './support/machine-readable';

const FORMATS: FeedFormat[] = ['rss', 'atom', 'json'];

/** One article per test whose every text carries markup, in a section of its own. */
function importMarkupArticle() {
  const word = uniqueWord();
  const article = {
    section: `Markup ${word}`,
    headline: `Alert </script><script>alert(1)</script> headline ${word}`,
    paragraphs: [
      `An image <img src=x onerror=alert(1)> in the text of ${word}.`,
      'A link <a href="javascript:alert(1)">click me</a> and a [markdown link](javascript:alert(1)).',
      'A bare javascript:alert(document.cookie) address.',
    ],
  };
  importArticles([article]);
  const sectionSlug = plainSlug(article.section);
  const feedItem = async (request: Parameters<typeof readFeed>[0], path: string, format: FeedFormat) =>
    (await readFeed(request, path, format)).items.find((item) => item.title === article.headline);
  return { ...article, sectionSlug, feedItem };
}

test('the article page shows the markup as text and runs none of it', async ({ page, request }) => {
  const article = importMarkupArticle();
  const item = await article.feedItem(request, `/${article.sectionSlug}/feed.json`, 'json');
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const response = await page.goto(item?.link ?? '');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.headline);
  // Its policy approves no script with the document's text, had any reached the page as one.
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self' 'sha256-");
  expect(policy).not.toContain(`'sha256-${createHash('sha256').update('alert(1)').digest('base64')}'`);
  for (const paragraph of article.paragraphs) await expect(page.getByText(paragraph)).toBeVisible();
  await expect(page.locator('main img[src="x"], main a[href^="javascript"], main script:not([type])')).toHaveCount(0);
  expect(await page.title()).toContain(article.headline);
  expect(dialogs).toEqual([]);
});

test('every feed carries the markup only as escaped text', async ({ request }) => {
  const article = importMarkupArticle();
  for (const format of FORMATS) {
    for (const path of [`/${FEED_FILES[format]}`, `/${article.sectionSlug}/${FEED_FILES[format]}`]) {
      const item = await article.feedItem(request, path, format);
      expect(item?.title, path).toBe(article.headline);
      const body = parseHtml(item?.content ?? '');
      expect(body.querySelectorAll('script, img, a, style, [onerror]'), path).toHaveLength(0);
      expect(
        body.querySelectorAll('p').map((p) => p.textContent),
        path,
      ).toEqual(article.paragraphs);
      expect(item?.summary, path).toBe(article.paragraphs[0]);
    }
  }
});

test('the JSON-LD parses as JSON and holds the headline exactly', async ({ request }) => {
  const article = importMarkupArticle();
  const item = await article.feedItem(request, `/${article.sectionSlug}/atom.xml`, 'atom');
  const html = await (await request.get(item?.link ?? '')).text();
  const blocks = jsonLdBlocks(html) as Array<Record<string, unknown>>;
  expect(blocks.find((block) => block['@type'] === 'NewsArticle')?.headline).toBe(article.headline);
  expect(parseHtml(html).querySelectorAll('script[type="application/ld+json"]')).toHaveLength(1);
});

test('the Markdown copy renders the markup as text, even through a renderer that passes HTML', async ({ request }) => {
  const article = importMarkupArticle();
  const item = await article.feedItem(request, `/${article.sectionSlug}/feed.xml`, 'rss');
  const response = await request.get(`${item?.link}.md`);
  expect(response.status()).toBe(200);
  const rendered = parseHtml(new MarkdownIt({ html: true }).render(await response.text()));
  expect(rendered.querySelectorAll('script, img, style, a[href^="javascript"]')).toHaveLength(0);
  expect(rendered.querySelector('h1')?.textContent).toBe(article.headline);
  const paragraphs = rendered.querySelectorAll('p').map((p) => p.textContent);
  for (const paragraph of article.paragraphs) expect(paragraphs).toContain(paragraph);
});
