import MarkdownIt from 'markdown-it';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { absoluteUrl } from '@/lib/site';
import { MARKUP_TEXT, articleFixture, markupArticle } from './fixtures';
import { articleMarkdown, escapeMarkdown } from './markdown';

// A renderer that passes raw HTML through: escaping has to be what keeps markup out.
const markdown = new MarkdownIt({ html: true, linkify: true });
const rendered = (source: string) => parseHtml(markdown.render(source));

describe('escaped Markdown', () => {
  test.each([
    MARKUP_TEXT.headline,
    MARKUP_TEXT.paragraph,
    MARKUP_TEXT.subheading,
    '1. Not a list',
    '- Not a list either',
    '> Not a quote',
    '---',
    '*not emphasis* and _not_ `code` ~~not struck~~ | not | a table',
    'An &amp; entity stays written out, as does \\ a backslash',
  ])('renders back to exactly its text: %s', (text) => {
    const root = rendered(escapeMarkdown(text));
    expect(root.querySelectorAll('*').map((element) => element.tagName.toLowerCase())).toEqual(['p']);
    expect(root.textContent.trim()).toBe(text);
  });
});

describe('the Markdown copy of an article', () => {
  test('has the headline as its one h1, the subheadings as h2, and every paragraph in order', () => {
    const article = articleFixture();
    const root = rendered(articleMarkdown(article));
    expect(root.querySelectorAll('h1').map((h) => h.textContent)).toEqual([article.headline]);
    expect(root.querySelectorAll('h2').map((h) => h.textContent)).toEqual(['City of revolution']);
    const paragraphs = root.querySelectorAll('p').map((p) => p.textContent);
    expect(paragraphs).toContain(`Moscow, Dec 27 (Prensa Latina) ${article.body[0]?.text}`);
    expect(paragraphs).toContain('Mines and traps were placed in a lot of places.');
  });

  test('links the article’s page and section by absolute URLs', () => {
    const root = rendered(articleMarkdown(articleFixture()));
    const links = root.querySelectorAll('a').map((a) => a.getAttribute('href'));
    expect(links).toEqual([absoluteUrl('/world'), absoluteUrl('/world/mass-graves-in-aleppo')]);
  });

  test('shows markup in the text as text: no script, image, style or javascript: link', () => {
    const root = rendered(articleMarkdown(markupArticle()));
    expect(root.querySelectorAll('script, img, style, a[href^="javascript"]')).toEqual([]);
    expect(root.querySelector('h1')?.textContent).toBe(MARKUP_TEXT.headline);
    expect(root.querySelector('h2')?.textContent).toBe(MARKUP_TEXT.subheading);
    expect(root.querySelectorAll('p').map((p) => p.textContent)).toContain(MARKUP_TEXT.paragraph);
  });
});

describe('the Markdown copy of a corrected article', () => {
  const revisions = [
    {
      revisedAt: '2026-03-03T09:00:00.000Z',
      changes: ['1 paragraph changed', '1 paragraph added'],
      changesSince: ['1 paragraph changed', '1 paragraph added'],
    },
    {
      revisedAt: '2026-03-02T11:30:00.000Z',
      changes: ['Headline punctuation or case corrected'],
      changesSince: ['Headline punctuation or case corrected', '1 paragraph changed', '1 paragraph added'],
    },
  ];

  test('lists each revision, newest first, with its time and what changed', () => {
    const root = rendered(articleMarkdown({ ...articleFixture(), revisions }));
    expect(root.querySelectorAll('li').map((li) => li.textContent)).toEqual([
      '2026-03-03T09:00:00.000Z: 1 paragraph changed; 1 paragraph added',
      '2026-03-02T11:30:00.000Z: Headline punctuation or case corrected',
    ]);
    expect(root.querySelectorAll('h2').map((h) => h.textContent)).toEqual(['City of revolution']);
  });

  test('lists nothing for an article never changed', () => {
    const source = articleMarkdown({ ...articleFixture(), revisions: [] });
    expect(source).not.toContain('Revisions');
    expect(rendered(source).querySelectorAll('li')).toEqual([]);
  });
});
