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

const kinds = await availableDatabaseKinds();

const CORRECTION = 'Correction: An earlier version gave the wrong port.';

// In document order. Nothing in these headlines is shared: only tags relate them. Cranes is dated
// (a date line), so it is older than the others, which the import dates by their position.
const ARTICLES: Array<{
  headline: string;
  section: string;
  lines?: string;
  tagged?: string;
  date?: string;
  note?: string;
}> = [
  {
    headline: 'Harbour cranes return to Valletta',
    section: 'Alpha',
    date: '2026-07-01T14:00:00+00:00',
    lines: 'Written by Zoe Adams and Ben Okri',
    tagged: 'Malta, Shipping',
    note: CORRECTION,
  },
  { headline: 'Parliament debates fishing quotas', section: 'Alpha' },
  { headline: 'Orchestra tours mountains', section: 'Beta' },
  { headline: 'Glaciers shrink again', section: 'Gamma', lines: 'Written by Ben Okri', tagged: 'Shipping, Malta' },
  { headline: 'Tram fares frozen', section: 'Gamma', tagged: 'Malta' },
];
const [cranes, parliament, orchestra, glaciers, trams] = ARTICLES.map(({ headline }) => slugify(headline));

// Older than those: enough to fill the feed, so that the oldest of them is in its first archive.
const FILLERS: typeof ARTICLES = Array.from({ length: FEED_SIZE + 1 }, (_, index) => ({
  headline: `Filler ${index + 1}`,
  section: 'Filler',
}));
FILLERS.at(-1)!.lines = 'Written by Zoe Adams';
FILLERS.at(-1)!.tagged = 'Archive';
FILLERS.at(-1)!.note = CORRECTION;
const oldest = slugify(FILLERS.at(-1)!.headline);

const document = [...ARTICLES, ...FILLERS]
  .map(({ headline, section, date, lines, tagged, note }) =>
    [
      date ? `${date}\n${headline}` : headline,
      lines,
      `${headline}: the report in full.`,
      note,
      `  • Published in ${section}${tagged ? `\nTagged under ${tagged}` : ''}\n`,
    ]
      .filter(Boolean)
      .join('\n\n'),
  )
  .join('\n');

/** The note as stored: its text, dated by the import that first carried it. */
const correction = { kind: 'correction', text: CORRECTION, datedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/u) };

describe.each(kinds)('an article’s byline, tags and notes, read on the %s database', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const report = await importDocuments(db.pool, [{ file: 'lines.txt', bytes: new TextEncoder().encode(document) }]);
    expect(report.documents.flatMap((one) => one.problems)).toEqual([]);
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
