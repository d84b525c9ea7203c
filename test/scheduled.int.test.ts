import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FEED_SIZE } from '@/lib/feeds/channel';
import { importDocuments } from '@/lib/importer/import-documents';
import {
  loadArticle,
  loadArticleNeighbours,
  loadArticleSection,
  loadArticleVersions,
  loadContentVersion,
  loadFeedArchive,
  loadFeedTotal,
  loadFrontPage,
  loadLatestArticles,
  loadNeighbourSlugs,
  loadRelatedArticles,
  loadSection,
  loadSectionPage,
  loadSections,
} from '@/lib/queries/loaders';
import { tagsToExpire } from '@/lib/importer/expiry';
import { loadReleaseLook } from '@/lib/queries/release-loaders';
import { loadSearchResults } from '@/lib/queries/search';
import { loadRecentArticles, loadSitemapArticles, loadSitemapOverview } from '@/lib/queries/sitemap-loaders';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';
import { generatedArticles, listingDocument, uniqueWord } from './support/documents';

const kinds = await availableDatabaseKinds();
const source = (file: string, text: string) => ({ file, bytes: new TextEncoder().encode(text) });

/**
 * A scheduled article (public_at still to come) as every loader the site reads through sees it:
 * absent from each result and count, then, once its time has come (by the database's clock),
 * present in each. The schedule is moved in SQL (to an hour ahead, then a second ago), so that the
 * test need not wait for it.
 */
describe.each(kinds)('a scheduled article, on the %s database', (kind) => {
  let db: TestDatabase;
  const word = uniqueWord();
  const shared = `Harbour${word}`;
  const alpha = `Alpha ${word}`;
  const later = `Later ${word}`;
  const alphaSlug = `alpha-${word.toLowerCase()}`;
  const laterSlug = `later-${word.toLowerCase()}`;
  const publicHeadlines = [1, 2, 3].map((n) => `${shared} public report ${n}`);
  const scheduled = `${shared} scheduled report`;
  const scheduledAlone = `${shared} scheduled alone`;
  let slugs: Record<string, string>;

  const document = (version: string) =>
    listingDocument([
      { headline: scheduled, section: alpha, paragraphs: [`${shared} scheduled text, ${version}.`] },
      { headline: scheduledAlone, section: later, paragraphs: [`${shared} alone text.`] },
      ...publicHeadlines.map((headline) => ({ headline, section: alpha, paragraphs: [`${headline}: ${shared}.`] })),
    ]);

  /** Moves the two scheduled articles' time: `interval` from the database's now. */
  const scheduleAt = (interval: string) =>
    db.pool.query(
      `UPDATE articles SET public_at = now() + $1::interval, published_at = now() + $1::interval WHERE slug = ANY($2)`,
      [interval, [slugs[scheduled], slugs[scheduledAlone]]],
    );

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await importDocuments(db.pool, [source('first.txt', document('first version'))], {
      now: new Date(Date.now() - 60_000),
    });
    // A second version, so that the scheduled article has an earlier one.
    await importDocuments(db.pool, [source('second.txt', document('second version'))]);
    const rows = await db.prisma.article.findMany({ select: { slug: true, headline: true } });
    slugs = Object.fromEntries(rows.map((row) => [row.headline, row.slug]));
    await scheduleAt('1 hour');
  });
  afterAll(async () => db?.drop());

  /** Everything the loaders say, in slugs and counts. */
  async function whatReadersSee() {
    const front = await loadFrontPage(db.prisma);
    const sectionPage = await loadSectionPage(db.prisma, alphaSlug, 1);
    const overview = await loadSitemapOverview(db.prisma, 1000);
    const sitemap = await loadSitemapArticles(db.prisma, 0, 1000);
    const recent = await loadRecentArticles(db.prisma, new Date(Date.now() - 86_400_000), 100);
    const search = await loadSearchResults(db.prisma, shared, 1);
    // The document lists its articles newest first.
    const newestPublic = slugs[publicHeadlines[0]!]!;
    const oldest = slugs[publicHeadlines[2]!]!;
    const neighbours = await loadArticleNeighbours(db.prisma, newestPublic);
    return {
      front: [front.lead?.slug, ...front.latest.map((a) => a.slug)],
      frontSections: front.sections.map((s) => [s.section.slug, s.articles.map((a) => a.slug)]),
      sections: (await loadSections(db.prisma)).map((s) => s.slug),
      section: (await loadSection(db.prisma, laterSlug))?.slug ?? null,
      sectionPage: sectionPage && { total: sectionPage.total, slugs: sectionPage.articles.map((a) => a.slug) },
      laterPage: (await loadSectionPage(db.prisma, laterSlug, 1))?.total ?? null,
      siteTotal: await loadFeedTotal(db.prisma),
      alphaTotal: await loadFeedTotal(db.prisma, alphaSlug),
      laterTotal: await loadFeedTotal(db.prisma, laterSlug),
      latest: (await loadLatestArticles(db.prisma, 50)).map((a) => a.slug),
      alphaLatest: (await loadLatestArticles(db.prisma, 50, alphaSlug)).map((a) => a.slug),
      article: (await loadArticle(db.prisma, slugs[scheduled]!))?.headline ?? null,
      versions: (await loadArticleVersions(db.prisma, slugs[scheduled]!)).length,
      articleSection: await loadArticleSection(db.prisma, slugs[scheduled]!),
      scheduledNeighbours: await loadArticleNeighbours(db.prisma, slugs[scheduled]!),
      previousOfNewest: neighbours.previous?.slug ?? null,
      neighbourSlugs: await loadNeighbourSlugs(db.prisma, [newestPublic]),
      related: (await loadRelatedArticles(db.prisma, oldest, 10)).map((a) => a.slug),
      relatedOfScheduled: (await loadRelatedArticles(db.prisma, slugs[scheduled]!, 10)).length,
      sitemapSections: overview.sections.map((s) => s.slug),
      sitemapCount: overview.articleCount,
      sitemap: sitemap.map((a) => a.slug),
      recent: recent.map((a) => a.slug),
      search: search.hits.map((h) => h.slug),
      searchTotal: search.total,
    };
  }

  test('before its time nothing of it shows, anywhere; at its time it shows everywhere', async () => {
    const hidden = [slugs[scheduled], slugs[scheduledAlone]];
    const publicSlugs = publicHeadlines.map((headline) => slugs[headline]!);
    const versionBefore = await loadContentVersion(db.prisma);

    const before = await whatReadersSee();
    expect(before.front).toEqual(publicSlugs);
    expect(before.frontSections).toEqual([[alphaSlug, publicSlugs]]);
    expect(before.sections).toEqual([alphaSlug]);
    expect(before.section).toBeNull();
    expect(before.sectionPage).toEqual({ total: 3, slugs: publicSlugs });
    expect(before.laterPage).toBeNull();
    expect(before.siteTotal).toBe(3);
    expect(before.alphaTotal).toBe(3);
    expect(before.laterTotal).toBeNull();
    expect(before.latest).toEqual(publicSlugs);
    expect(before.alphaLatest).toEqual(publicSlugs);
    expect(before.article).toBeNull();
    expect(before.versions).toBe(0);
    expect(before.articleSection).toBeNull();
    expect(before.scheduledNeighbours).toEqual({ previous: null, next: null });
    expect(before.previousOfNewest).toBeNull();
    expect(before.neighbourSlugs).toEqual([publicSlugs[1]]);
    expect(before.related.sort()).toEqual(publicSlugs.slice(0, 2).sort());
    expect(before.relatedOfScheduled).toBe(0);
    expect(before.sitemapSections).toEqual([alphaSlug]);
    expect(before.sitemapCount).toBe(3);
    for (const list of [before.sitemap, before.recent, before.search]) {
      expect(list).toHaveLength(3);
      for (const slug of hidden) expect(list).not.toContain(slug);
    }
    expect(before.searchTotal).toBe(3);

    // Its time comes (by the database's clock).
    await scheduleAt('-1 second');
    const after = await whatReadersSee();
    const all = [slugs[scheduledAlone]!, slugs[scheduled]!, ...publicSlugs];
    const alphaAll = [slugs[scheduled]!, ...publicSlugs];
    expect(after.front).toEqual(all);
    expect(after.frontSections).toEqual([
      [alphaSlug, alphaAll],
      [laterSlug, [slugs[scheduledAlone]]],
    ]);
    expect(after.sections).toEqual([alphaSlug, laterSlug]);
    expect(after.section).toBe(laterSlug);
    expect(after.sectionPage).toEqual({ total: 4, slugs: alphaAll });
    expect(after.laterPage).toBe(1);
    expect(after.siteTotal).toBe(5);
    expect(after.alphaTotal).toBe(4);
    expect(after.laterTotal).toBe(1);
    expect(after.latest).toEqual(all);
    expect(after.alphaLatest).toEqual(alphaAll);
    expect(after.article).toBe(scheduled);
    expect(after.versions).toBe(1);
    expect(after.articleSection).toBe(alphaSlug);
    expect(after.scheduledNeighbours.next?.slug).toBe(publicSlugs[0]);
    expect(after.previousOfNewest).toBe(slugs[scheduled]);
    expect(after.neighbourSlugs.sort()).toEqual([slugs[scheduled], publicSlugs[1]].sort());
    expect(after.related.sort()).toEqual([...hidden, ...publicSlugs.slice(0, 2)].sort());
    expect(after.relatedOfScheduled).toBeGreaterThan(0);
    expect(after.sitemapSections).toEqual([alphaSlug, laterSlug]);
    expect(after.sitemapCount).toBe(5);
    for (const list of [after.sitemap, after.recent, after.search]) {
      expect(list).toHaveLength(5);
      for (const slug of hidden) expect(list).toContain(slug);
    }
    expect(after.searchTotal).toBe(5);
    // The fingerprint the shared cache compares changes at the release.
    expect(await loadContentVersion(db.prisma)).not.toBe(versionBefore);
  });

  test('feed archives are numbered among the public articles: a scheduled one takes its place at its time', async () => {
    const bulk = `Bulk ${word}`;
    const bulkSlug = `bulk-${word.toLowerCase()}`;
    const articles = generatedArticles(FEED_SIZE + 2, bulk);
    await importDocuments(db.pool, [source('bulk.txt', listingDocument(articles))], {
      now: new Date(Date.now() - 3_600_000),
    });
    const bySlug = await db.prisma.article.findMany({
      where: { section: { slug: bulkSlug } },
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      select: { slug: true },
    });
    const [newest, ...rest] = bySlug.map((row) => row.slug);
    await db.pool.query(
      `UPDATE articles SET public_at = now() + interval '1 hour', published_at = now() + interval '1 hour' WHERE slug = $1`,
      [newest],
    );
    // FEED_SIZE + 1 public: the subscription feed holds FEED_SIZE, archive 1 the oldest.
    const before = await loadFeedArchive(db.prisma, 1, bulkSlug);
    expect(before?.archives).toBe(1);
    expect(before?.articles.map((a) => a.slug)).toEqual(rest.slice(-1));
    expect((await loadLatestArticles(db.prisma, FEED_SIZE, bulkSlug)).map((a) => a.slug)).toEqual(rest.slice(0, -1));
    await db.pool.query(`UPDATE articles SET public_at = now() - interval '1 second' WHERE slug = $1`, [newest]);
    const after = await loadFeedArchive(db.prisma, 1, bulkSlug);
    expect(after?.articles.map((a) => a.slug)).toEqual(rest.slice(-2));
    expect((await loadLatestArticles(db.prisma, FEED_SIZE, bulkSlug))[0]?.slug).toBe(newest);
  });

  test('the release clock’s look: the database’s now, the next release, and exactly what came due since', async () => {
    const section = `Fresh ${word}`;
    const freshSlug = `fresh-${word.toLowerCase()}`;
    const headlines = [`${shared} fresh one`, `${shared} fresh two`];
    // As an editor schedules them: date lines an hour and two hours ahead, the first with a byline and a tag.
    const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    const text = [
      `${inHours(2)}\n${headlines[1]}\n\nThe second fresh report.\n\n  • Published in ${section}\n`,
      `${inHours(1)}\n${headlines[0]}\n\nWritten by Ana ${word}\n\nThe first fresh report.\n\n  • Published in ${section}\nTagged under Ports ${word}\n`,
      'Subscribe to this RSS feed\n',
    ].join('\n');
    const report = await importDocuments(db.pool, [source('fresh.txt', text)]);
    expect(report.totals.problems).toBe(0);
    const [one, two] = await Promise.all(
      headlines.map(async (headline) => (await db.prisma.article.findFirstOrThrow({ where: { headline } })).slug),
    );

    const first = await loadReleaseLook(db.prisma, null);
    expect(first.released).toEqual([]);
    const [{ now }] = (await db.pool.query<{ now: Date }>('SELECT now()')).rows as [{ now: Date }];
    expect(Math.abs(first.nowMs - now.getTime())).toBeLessThan(5_000);
    expect(first.nextMs! - first.nowMs).toBeGreaterThan(3_500_000);
    expect(first.nextMs! - first.nowMs).toBeLessThanOrEqual(3_600_000);

    // The first comes due: released once, with its byline's and tags' slugs; its section is new.
    // Due after the clock's last look (public_at keeps milliseconds; the look's clock, microseconds).
    await new Promise((resolve) => setTimeout(resolve, 10));
    await db.pool.query(`UPDATE articles SET public_at = now() - interval '1 millisecond' WHERE slug = $1`, [one]);
    const second = await loadReleaseLook(db.prisma, first.now);
    expect(second.released).toEqual([
      {
        slug: one,
        sectionSlug: freshSlug,
        authorSlugs: [`ana-${word.toLowerCase()}`],
        tagSlugs: [`ports-${word.toLowerCase()}`],
        firstInSection: true,
        // No correction note: the corrections listing does not show it.
        corrections: false,
      },
    ]);
    expect(second.nextMs! - second.nowMs).toBeGreaterThan(7_000_000);
    expect((await loadReleaseLook(db.prisma, second.now)).released).toEqual([]);

    // What its release expires: its page and what lists it, its author's and tag's pages, the navigation.
    const tags = await tagsToExpire(db.prisma, {
      changed: second.released.map((a) => ({ ...a, created: true })),
      sectionsChanged: second.released.some((a) => a.firstInSection),
    });
    expect(tags).toEqual(
      expect.arrayContaining([
        'front',
        'latest',
        'sections',
        `section:${freshSlug}`,
        `article:${one}`,
        `author:ana-${word.toLowerCase()}`,
        `tag:ports-${word.toLowerCase()}`,
      ]),
    );
    expect(tags).not.toContain('corrections');

    // The second: its section already shows one.
    // Due after the clock's last look (public_at keeps milliseconds; the look's clock, microseconds).
    await new Promise((resolve) => setTimeout(resolve, 10));
    await db.pool.query(`UPDATE articles SET public_at = now() - interval '1 millisecond' WHERE slug = $1`, [two]);
    const third = await loadReleaseLook(db.prisma, second.now);
    expect(third.released.map((a) => [a.slug, a.firstInSection])).toEqual([[two, false]]);
    expect(third.nextMs).toBeNull();

    // An article an import makes public at once is that import's to expire, not a release.
    const plain = `${shared} published at once`;
    await importDocuments(db.pool, [
      source('plain.txt', `${plain}\n\nThe plain report.\n\n  • Published in ${section}\nSubscribe to this RSS feed\n`),
    ]);
    expect(await db.prisma.article.count({ where: { headline: plain } })).toBe(1);
    expect((await loadReleaseLook(db.prisma, third.now)).released).toEqual([]);
  });
});
