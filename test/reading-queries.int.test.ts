import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importDocuments } from '@/lib/importer/import-documents';
import { loadArticleNeighbours, loadRelatedArticles } from '@/lib/queries/loaders';
import { slugify } from '@/lib/slug';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';

const kinds = await availableDatabaseKinds();

// Newest first, as a listing is: Alpha's three, then Beta's two, then Gamma's one.
const ARTICLES = [
  { headline: 'Harbour cranes return to the port of Valletta', section: 'Alpha' },
  { headline: 'Parliament debates the fishing quota', section: 'Alpha' },
  { headline: 'Ferry strike ends at the port', section: 'Alpha' },
  { headline: 'Valletta harbour festival draws crowds', section: 'Beta' },
  { headline: 'Port authority names a new director', section: 'Beta' },
  { headline: 'Orchestra tours the mountains', section: 'Gamma' },
  { headline: 'Zürich trams run late', section: 'Delta' },
  { headline: 'Tram line to Zurich approved', section: 'Epsilon' },
] as const;
const [cranes, parliament, ferry, festival, authority, orchestra, trams, tramLine] = ARTICLES.map(({ headline }) =>
  slugify(headline),
);

const document = ARTICLES.map(
  ({ headline, section }) => `${headline}\n\n${headline}: the report in full.\n\n  • Published in ${section}\n`,
).join('\n');

const slugs = (articles: Array<{ slug: string } | null>) => articles.map((article) => article?.slug ?? null);

describe.each(kinds)('reading on from an article, on the %s database', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await importDocuments(db.pool, [{ file: 'reading.txt', bytes: new TextEncoder().encode(document) }]);
  });
  afterAll(async () => db?.drop());

  test('the previous article in the section is the newer one and the next is the older one', async () => {
    const { previous, next } = await loadArticleNeighbours(db.prisma, parliament!);
    expect(slugs([previous, next])).toEqual([cranes, ferry]);
  });

  test('the newest and oldest articles of a section have no previous and no next article', async () => {
    const newest = await loadArticleNeighbours(db.prisma, cranes!);
    const oldest = await loadArticleNeighbours(db.prisma, ferry!);
    expect([newest.previous, oldest.next]).toEqual([null, null]);
  });

  test('neighbours never come from another section', async () => {
    const { previous, next } = await loadArticleNeighbours(db.prisma, festival!);
    expect(slugs([previous, next])).toEqual([null, authority]);
  });

  test('related articles list the same section first, then other sections by shared headline words', async () => {
    const related = await loadRelatedArticles(db.prisma, cranes!);
    // Ferry shares "port"; Parliament shares nothing; Festival shares two words, Authority one.
    expect(slugs(related)).toEqual([ferry, parliament, festival, authority]);
  });

  test('related articles never include the article itself or articles that share nothing', async () => {
    const related = slugs(await loadRelatedArticles(db.prisma, cranes!, 10));
    expect(related).not.toContain(cranes);
    expect(related).not.toContain(orchestra);
  });

  test('an article alone in its section with no words in common has no related articles', async () => {
    expect(await loadRelatedArticles(db.prisma, orchestra!)).toEqual([]);
  });

  test('related articles share words whatever their accents and endings', async () => {
    expect(slugs(await loadRelatedArticles(db.prisma, trams!))).toEqual([tramLine]);
  });

  test('related articles stop at the limit asked for', async () => {
    expect(slugs(await loadRelatedArticles(db.prisma, cranes!, 3))).toEqual([ferry, parliament, festival]);
  });
});
