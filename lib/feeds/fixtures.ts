import type { Article } from '@/lib/queries/types';

/** Markup a document may carry as text: it must reach every reader as text. */
export const MARKUP_TEXT = {
  headline: 'Alert </script><script>alert(1)</script> & ]]> headline',
  paragraph:
    'See <img src=x onerror=alert(1)> and <a href="javascript:alert(1)">this</a> or [that](javascript:alert(1)) — AT&amp;T.',
  subheading: '<style>body{display:none}</style> # Not a heading',
} as const;

/** An article as the query layer returns it, for tests of what is built from one. */
export function articleFixture(overrides: Partial<Article> = {}): Article {
  return {
    slug: 'mass-graves-in-aleppo',
    headline: 'Mass Graves in Aleppo',
    section: { slug: 'world', name: 'World' },
    authors: [],
    tags: [],
    notes: [],
    dated: false,
    publishedAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-02T11:30:00.000Z',
    firstImportedAt: '2026-03-01T10:00:00.000Z',
    dateline: { place: 'Moscow', dateText: 'Dec 27', source: 'Prensa Latina' },
    summary: 'The Russian Ministry of Defense denounced the finding of seven storehouses.',
    readingMinutes: 1,
    wordCount: 24,
    language: 'en',
    body: [
      { type: 'paragraph', text: 'The Russian Ministry of Defense denounced the finding of seven storehouses.' },
      { type: 'subheading', text: 'City of revolution' },
      { type: 'paragraph', text: 'Mines and traps were placed in a lot of places.' },
    ],
    ...overrides,
  };
}

/** An article whose every text carries markup. */
export const markupArticle = () =>
  articleFixture({
    slug: 'alert-script-script-alert-1-script-headline',
    headline: MARKUP_TEXT.headline,
    summary: MARKUP_TEXT.paragraph,
    dateline: null,
    body: [
      { type: 'paragraph', text: MARKUP_TEXT.paragraph },
      { type: 'subheading', text: MARKUP_TEXT.subheading },
      { type: 'paragraph', text: 'Control \u0007 characters \u0000 vanish.' },
    ],
  });
