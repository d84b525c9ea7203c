import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BodyBlock } from '@/lib/documents/types';
import { importDocuments } from '@/lib/importer/import-documents';
import {
  FRONT_PAGE_LATEST,
  FRONT_PAGE_PER_SECTION,
  SECTION_PAGE_SIZE,
  loadArticle,
  loadArticleNeighbours,
  loadFeedTotal,
  loadFrontPage,
  loadLatestArticles,
  loadSection,
  loadSectionPage,
  loadSections,
  summarize,
} from '@/lib/queries/loaders';
import type { ArticleSummary } from '@/lib/queries/types';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';

const kinds = await availableDatabaseKinds();

// The listings are read in SQL (the summary's paragraph picked out by PostgreSQL): each is
// compared here with what the stored rows say, summarised in JavaScript as the article page does.
const SECTIONS = ['Alpha', 'Beta', 'Gamma'];
const long = (n: number) =>
  `Report ${n} begins with a long first paragraph, ${'and it goes on, '.repeat(20)}ending here.`;
const document = Array.from({ length: 47 }, (_, n) => {
  const section = SECTIONS[n % 3]!;
  // Some open with a subheading (the summary is the first paragraph), some with a dateline, some short.
  const opening = n % 5 === 0 ? 'Background\n\n' : '';
  const first = n % 4 === 0 ? `Valletta, Mar ${(n % 28) + 1} (Wire) ${long(n)}` : n % 3 === 0 ? `Short ${n}.` : long(n);
  return `Listing test story number ${n}\n\n${opening}${first}\n\nSecond paragraph of ${n}.\n\n  • Published in ${section}\n`;
}).join('\n');

describe.each(kinds)('listings read in SQL, on the %s database', (kind) => {
  let db: TestDatabase;
  let expected: Map<string, ArticleSummary>;
  let order: string[];
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await importDocuments(db.pool, [{ file: 'listing.txt', bytes: new TextEncoder().encode(document) }]);
    const rows = await db.prisma.article.findMany({
      include: { section: { select: { slug: true, name: true } } },
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    });
    order = rows.map((row) => row.slug);
    expected = new Map(
      rows.map((row) => [
        row.slug,
        {
          slug: row.slug,
          headline: row.headline,
          section: row.section,
          authors: [],
          publishedAt: row.publishedAt.toISOString(),
          updatedAt: row.updatedAt.toISOString(),
          dateline:
            row.datelinePlace && row.datelineDate && row.datelineSource
              ? { place: row.datelinePlace, dateText: row.datelineDate, source: row.datelineSource }
              : null,
          summary: summarize(row.body as unknown as BodyBlock[]),
          readingMinutes: Math.max(1, Math.ceil(row.wordCount / 230)),
          wordCount: row.wordCount,
          language: row.language,
        },
      ]),
    );
  });
  afterAll(async () => db?.drop());

  const summaries = (slugs: string[]) => slugs.map((slug) => expected.get(slug));
  const inSection = (slug: string) => order.filter((article) => expected.get(article)!.section.slug === slug);

  test('the summaries are the first paragraph, cut, whatever comes before it', () => {
    const withSubheading = [...expected.values()].find((article) => article.headline.endsWith(' number 5'))!;
    expect(withSubheading.summary.startsWith('Report 5 begins')).toBe(true);
    expect(withSubheading.summary.endsWith('…')).toBe(true);
  });

  test('the front page: the lead, the latest, and each section’s newest, in navigation order', async () => {
    const front = await loadFrontPage(db.prisma);
    expect(front.lead).toEqual(expected.get(order[0]!));
    expect(front.latest).toEqual(summaries(order.slice(1, 1 + FRONT_PAGE_LATEST)));
    expect(front.sections).toEqual(
      (await loadSections(db.prisma)).map((section) => ({
        section,
        articles: summaries(inSection(section.slug).slice(0, FRONT_PAGE_PER_SECTION)),
      })),
    );
    expect(front.sections.map(({ section }) => section.name)).toEqual(SECTIONS);
  });

  test('every page of every section, read from either end', async () => {
    for (const section of await loadSections(db.prisma)) {
      const all = inSection(section.slug);
      const pageCount = Math.ceil(all.length / SECTION_PAGE_SIZE);
      for (let page = 1; page <= pageCount; page++) {
        const read = await loadSectionPage(db.prisma, section.slug, page);
        expect(read).toEqual({
          section,
          articles: summaries(all.slice((page - 1) * SECTION_PAGE_SIZE, page * SECTION_PAGE_SIZE)),
          page,
          pageCount,
          total: all.length,
        });
      }
      expect(await loadSectionPage(db.prisma, section.slug, pageCount + 1)).toBeNull();
      expect(await loadSection(db.prisma, section.slug)).toEqual(section);
      expect(await loadFeedTotal(db.prisma, section.slug)).toBe(all.length);
    }
    expect(await loadSectionPage(db.prisma, 'nowhere', 1)).toBeNull();
    expect(await loadSection(db.prisma, 'nowhere')).toBeNull();
    expect(await loadFeedTotal(db.prisma, 'nowhere')).toBeNull();
    expect(await loadFeedTotal(db.prisma)).toBe(order.length);
  });

  test('the latest articles, whole, for the site and for a section', async () => {
    const site = await loadLatestArticles(db.prisma, 10);
    expect(
      site.map(
        ({ body: _body, firstImportedAt: _first, tags: _tags, notes: _notes, dated: _dated, ...summary }) => summary,
      ),
    ).toEqual(summaries(order.slice(0, 10)));
    for (const article of site) expect(article).toMatchObject({ body: expect.any(Array) });
    const alpha = await loadLatestArticles(db.prisma, 5, 'alpha');
    expect(alpha.map((article) => article.slug)).toEqual(inSection('alpha').slice(0, 5));
    expect(await loadLatestArticles(db.prisma, 5, 'nowhere')).toEqual([]);
  });

  test('an article and its neighbours', async () => {
    const beta = inSection('beta');
    for (const [index, slug] of beta.entries()) {
      const neighbours = await loadArticleNeighbours(db.prisma, slug);
      expect(neighbours).toEqual({
        previous: index > 0 ? expected.get(beta[index - 1]!) : null,
        next: index < beta.length - 1 ? expected.get(beta[index + 1]!) : null,
      });
      const article = await loadArticle(db.prisma, slug);
      const { body: _body, firstImportedAt: _first, revisions, tags, notes, dated, ...summary } = article!;
      expect(summary).toEqual(expected.get(slug));
      expect({ tags, notes, dated }).toEqual({ tags: [], notes: [], dated: false });
      expect(revisions).toEqual([]);
    }
    expect(await loadArticle(db.prisma, 'no-such-article')).toBeNull();
    expect(await loadArticleNeighbours(db.prisma, 'no-such-article')).toEqual({ previous: null, next: null });
  });
});
