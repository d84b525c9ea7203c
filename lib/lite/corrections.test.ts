import { parse as parseHtml } from 'node-html-parser';
import { expect, test } from 'vitest';
import type { CorrectionEntry } from '@/lib/queries/corrections';
import { liteCorrectionsPage } from './corrections';

const sections = [{ slug: 'world', name: 'World' }];
const article = {
  slug: 'harbour-cranes',
  headline: 'Harbour <cranes> return',
  section: { slug: 'malta', name: 'Malta' },
  language: 'en',
};
const entries: CorrectionEntry[] = [
  { kind: 'legal-removal', id: 3, reason: 'A court order.', at: '2026-05-05T09:00:00.000Z', liftedAt: null },
  { kind: 'withdrawal', reason: 'The story was false.', at: '2026-05-04T09:00:00.000Z', article },
  { kind: 'note', label: 'Clarification', text: 'The vote was on Tuesday.', at: '2026-05-03T09:00:00.000Z', article },
];

test('an empty lite corrections page is a page that says so, with no pagination', () => {
  const html = parseHtml(liteCorrectionsPage({ entries: [], page: 1, pageCount: 1, total: 0 }, sections));
  expect(html.querySelector('h1')?.textContent).toBe('Corrections');
  expect(html.querySelector('main')?.textContent).toContain('No corrections yet.');
  expect(html.querySelector('nav[aria-label="Pages"]')).toBeNull();
});

test('each entry in its words, linking lite pages only; a legal removal without headline or link', () => {
  const html = parseHtml(liteCorrectionsPage({ entries, page: 2, pageCount: 3, total: 45 }, sections));
  const items = html.querySelectorAll('main ol > li');
  expect(items.map((item) => item.querySelector('h2')?.textContent)).toEqual([
    'An article was removed for legal reasons',
    'Harbour <cranes> return',
    'Harbour <cranes> return',
  ]);
  expect(items[0]?.querySelectorAll('a')).toHaveLength(0);
  expect(items[0]?.textContent).toContain('Reason: A court order.');
  expect(items[1]?.textContent).toContain('Withdrawn');
  expect(items[2]?.textContent).toContain('The vote was on Tuesday.');
  expect(items[1]?.querySelector('a')?.getAttribute('href')).toBe('/lite/malta/harbour-cranes');
  const pages = html
    .querySelectorAll('nav[aria-label="Pages"] a')
    .map((a) => [a.getAttribute('rel'), a.getAttribute('href')]);
  expect(pages).toEqual([
    ['prev', '/lite/corrections'],
    ['next', '/lite/corrections/page/3'],
  ]);
  expect(html.querySelector('main')?.textContent).toContain('Page 2 of 3');
});
