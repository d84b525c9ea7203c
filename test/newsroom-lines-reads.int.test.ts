import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FEED_SIZE } from '@/lib/feeds/channel';
import { importDocuments } from '@/lib/importer/import-documents';
import {
  loadArticle,
  loadFeedArchive,
  loadFrontPage,
  loadLatestArticles,
  loadRelatedArticles,
  loadSectionPage,
} from '@/lib/queries/loaders';
import { slugify } from '@/lib/slug';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';
import { giveNewsroomLines } from './support/newsroom-lines-sql';

const kinds = await availableDatabaseKinds();

// Newest first. Nothing in these headlines is shared: only tags relate them.
const ARTICLES = [
  { headline: 'Harbour cranes return to Valletta', section: 'Alpha' },
  { headline: 'Parliament debates fishing quotas', section: 'Alpha' },
  { headline: 'Orchestra tours mountains', section: 'Beta' },
  { headline: 'Glaciers shrink again', section: 'Gamma' },
  { headline: 'Tram fares frozen', section: 'Gamma' },
] as const;
const [cranes, parliament, orchestra, glaciers, trams] = ARTICLES.map(({ headline }) => slugify(headline));

// Older than those: enough to fill the feed, so that the oldest of them is in its first archive.
const FILLERS = Array.from({ length: FEED_SIZE + 1 }, (_, index) => ({
  headline: `Filler ${index + 1}`,
  section: 'Filler',
}));
const oldest = slugify(FILLERS.at(-1)!.headline);

const document = [...ARTICLES, ...FILLERS]
  .map(({ headline, section }) => `${headline}\n\n${headline}: the report in full.\n\n  • Published in ${section}\n`)
  .join('\n');

const correction = {
  kind: 'correction' as const,
  text: 'Correction: An earlier version gave the wrong port.',
  datedAt: '2026-07-02T09:00:00.000Z',
};

describe.each(kinds)('an article’s byline, tags and notes, read on the %s database', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await importDocuments(db.pool, [{ file: 'lines.txt', bytes: new TextEncoder().encode(document) }]);
    await giveNewsroomLines(db.pool, cranes!, {
      authors: ['Zoe Adams', 'Ben Okri'],
      tags: ['Malta', 'Shipping'],
      notes: [correction],
      publishedAt: '2026-07-01T14:00:00.000Z',
    });
    await giveNewsroomLines(db.pool, glaciers!, { tags: ['Shipping', 'Malta'], authors: ['Ben Okri'] });
    await giveNewsroomLines(db.pool, trams!, { tags: ['Malta'] });
    await giveNewsroomLines(db.pool, oldest, { authors: ['Zoe Adams'], tags: ['Archive'], notes: [correction] });
  });
  afterAll(async () => db?.drop());

  test('the article: its authors and tags in their order, its notes, dated', async () => {
    const article = await loadArticle(db.prisma, cranes!);
    expect(article).toMatchObject({
      authors: [
        { slug: 'zoe-adams', name: 'Zoe Adams' },
        { slug: 'ben-okri', name: 'Ben Okri' },
      ],
      tags: [
        { slug: 'malta', name: 'Malta' },
        { slug: 'shipping', name: 'Shipping' },
      ],
      notes: [correction],
      dated: true,
      publishedAt: '2026-07-01T14:00:00.000Z',
    });
    expect(await loadArticle(db.prisma, parliament!)).toMatchObject({ authors: [], tags: [], notes: [], dated: false });
  });

  test('listings, feeds and archives carry the byline too', async () => {
    const front = await loadFrontPage(db.prisma);
    const everywhere = [front.lead, ...front.latest, ...front.sections.flatMap((section) => section.articles)];
    for (const summary of everywhere.filter((item) => item?.slug === glaciers)) {
      expect(summary?.authors).toEqual([{ slug: 'ben-okri', name: 'Ben Okri' }]);
    }
    const gamma = await loadSectionPage(db.prisma, 'gamma', 1);
    expect(gamma?.articles.map((article) => article.authors.map((author) => author.name))).toEqual([['Ben Okri'], []]);
    const latest = await loadLatestArticles(db.prisma, ARTICLES.length + FILLERS.length);
    expect(latest.find((article) => article.slug === cranes)?.tags.map((tag) => tag.name)).toEqual([
      'Malta',
      'Shipping',
    ]);
    const archive = await loadFeedArchive(db.prisma, 1);
    expect(archive?.articles.find((article) => article.slug === oldest)).toMatchObject({
      authors: [{ slug: 'zoe-adams', name: 'Zoe Adams' }],
      tags: [{ slug: 'archive', name: 'Archive' }],
      notes: [correction],
      dated: false,
    });
  });

  test('related articles: those sharing more tags first, then the same section, then the rest', async () => {
    const related = await loadRelatedArticles(db.prisma, cranes!);
    // Glaciers shares two tags, Trams one; Parliament is in the same section and shares none.
    expect(related.map((article) => article.slug)).toEqual([glaciers, trams, parliament]);
    expect(related.map((article) => article.slug)).not.toContain(orchestra);
  });
});
