import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importDocuments } from '@/lib/importer/import-documents';
import { loadBylinePage } from '@/lib/queries/byline-loaders';
import { loadCorrectionsPage } from '@/lib/queries/corrections';
import {
  loadArticle,
  loadArticleNeighbours,
  loadFrontPage,
  loadLatestArticles,
  loadRelatedArticles,
  loadSectionPage,
} from '@/lib/queries/loaders';
import { loadSearchResults } from '@/lib/queries/search';
import { loadRecentArticles } from '@/lib/queries/sitemap-loaders';
import { slugify } from '@/lib/slug';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';
import { listingDocument, type DocumentArticle } from './support/documents';

const kinds = await availableDatabaseKinds();

/** Each read the site makes of an article carries its language (docs/languages.md, "Where the language is shown"). */
const RUSSIAN = 'Министр обороны России заявил об окончании учений';
const ARABIC = 'مقتل ثلاثة في غارة على دمشق';
const SPANISH = 'Las conversaciones de Astana continuarán en enero';
const ARTICLES: DocumentArticle[] = [
  {
    headline: RUSSIAN,
    section: 'World',
    authors: ['Ivan Petrov'],
    tags: ['Syria'],
    paragraphs: [
      'Correction: Ранее в статье была указана неверная дата учений.',
      'Министр обороны России заявил в пятницу, что учения на юге страны завершились успешно.',
    ],
  },
  {
    headline: ARABIC,
    section: 'World',
    authors: ['Ivan Petrov'],
    tags: ['Syria'],
    paragraphs: ['قال مسؤولون في دمشق إن ثلاثة أشخاص قتلوا في غارة جوية على حي سكني صباح اليوم.'],
  },
  {
    headline: SPANISH,
    section: 'World',
    tags: ['Syria'],
    paragraphs: [
      'Las conversaciones de paz en Astana continuarán en enero, según el ministro de Exteriores de Kazajistán.',
    ],
  },
];
const EXPECTED = { [slugify(RUSSIAN)]: 'ru', [slugify(ARABIC)]: 'ar', [slugify(SPANISH)]: 'es' };
const languages = (articles: ReadonlyArray<{ slug: string; language: string }>) =>
  Object.fromEntries(articles.map((article) => [article.slug, article.language]));

describe.each(kinds)('the reads carry each article’s language, on the %s database', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await importDocuments(db.pool, [
      { file: 'languages.txt', bytes: new TextEncoder().encode(listingDocument(ARTICLES)) },
    ]);
  });
  afterAll(async () => db?.drop());

  test('the front page, a section’s page and the feeds', async () => {
    const front = await loadFrontPage(db.prisma);
    expect(languages([front.lead!, ...front.latest])).toEqual(EXPECTED);
    expect(languages(front.sections[0]!.articles)).toEqual(EXPECTED);
    expect(languages((await loadSectionPage(db.prisma, 'world', 1))!.articles)).toEqual(EXPECTED);
    expect(languages(await loadLatestArticles(db.prisma, 10))).toEqual(EXPECTED);
  });

  test('the article, its neighbours and its related articles', async () => {
    expect((await loadArticle(db.prisma, slugify(ARABIC)))?.language).toBe('ar');
    const neighbours = await loadArticleNeighbours(db.prisma, slugify(ARABIC));
    expect([neighbours.previous?.language, neighbours.next?.language]).toEqual(['ru', 'es']);
    const related = await loadRelatedArticles(db.prisma, slugify(ARABIC));
    expect(languages(related)).toEqual({ [slugify(RUSSIAN)]: 'ru', [slugify(SPANISH)]: 'es' });
  });

  test('an author’s and a tag’s pages', async () => {
    expect(languages((await loadBylinePage(db.prisma, 'author', 'ivan-petrov', 1))!.articles)).toEqual({
      [slugify(RUSSIAN)]: 'ru',
      [slugify(ARABIC)]: 'ar',
    });
    expect(languages((await loadBylinePage(db.prisma, 'tag', 'syria', 1))!.articles)).toEqual(EXPECTED);
  });

  test('search results, the corrections listing and the news sitemap', async () => {
    const found = await loadSearchResults(db.prisma, 'Министр', 1);
    expect(found.hits.map((hit) => [hit.slug, hit.language])).toEqual([[slugify(RUSSIAN), 'ru']]);
    const corrections = await loadCorrectionsPage(db.prisma, 1);
    const [entry] = corrections!.entries;
    expect(entry?.kind === 'note' && [entry.article.slug, entry.article.language]).toEqual([slugify(RUSSIAN), 'ru']);
    expect(languages(await loadRecentArticles(db.prisma, new Date(0), 10))).toEqual(EXPECTED);
  });
});
