import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { parse as parseHtml } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BodyBlock } from '@/lib/documents/types';
import { buildAtomFeed } from '@/lib/feeds/atom';
import { FEED_SIZE } from '@/lib/feeds/channel';
import { buildJsonFeed } from '@/lib/feeds/json-feed';
import { buildRssFeed } from '@/lib/feeds/rss';
import { importDocuments } from '@/lib/importer/import-documents';
import { loadLatestArticles, loadSection } from '@/lib/queries/loaders';
import { loadRecentArticles, loadSitemapArticles, loadSitemapOverview } from '@/lib/queries/sitemap-loaders';
import { absoluteUrl } from '@/lib/site';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';
import { generatedArticles, listingDocument, referenceText, uniqueWord } from './support/documents';
import { isoInZone } from '@/lib/time-zone';

const kinds = await availableDatabaseKinds();
const source = (file: string, text: string) => ({ file, bytes: new TextEncoder().encode(text) });

describe.each(kinds)('feeds and sitemaps read from the %s database', (kind) => {
  let db: TestDatabase;
  const word = uniqueWord();
  const bulkSection = `Bulk ${word}`;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    // 55 articles first, then the reference document: its three are the newest.
    await importDocuments(db.pool, [source('bulk.txt', listingDocument(generatedArticles(55, bulkSection)))], {
      now: new Date(Date.now() - 60_000),
    });
    await importDocuments(db.pool, [source('reference.txt', referenceText())]);
  });
  afterAll(async () => db?.drop());

  /** The rows a feed of the site shows, newest first, read without the query layer. */
  const newestRows = () =>
    db.prisma.article.findMany({
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      take: FEED_SIZE,
      include: { section: true },
    });

  test('each feed holds the latest 50 articles, newest first, each item matching its row field by field', async () => {
    const [rows, articles] = await Promise.all([newestRows(), loadLatestArticles(db.prisma, FEED_SIZE)]);
    const rss = parseRssFeed(buildRssFeed(articles, null)).items ?? [];
    const atom = parseAtomFeed(buildAtomFeed(articles, null)).entries ?? [];
    const json = parseJsonFeed(JSON.parse(buildJsonFeed(articles, null))).items ?? [];
    expect([rss.length, atom.length, json.length]).toEqual([50, 50, 50]);
    rows.forEach((row, index) => {
      const url = absoluteUrl(`/${row.section.slug}/${row.slug}`);
      const [item, entry, jsonItem] = [rss[index], atom[index], json[index]];
      expect([item?.link, entry?.links?.[0]?.href, jsonItem?.url]).toEqual([url, url, url]);
      expect([item?.title, entry?.title?.value, jsonItem?.title]).toEqual([row.headline, row.headline, row.headline]);
      expect(new Date(item?.pubDate ?? '').getTime()).toBe(Math.floor(row.publishedAt.getTime() / 1000) * 1000);
      // JSON Feed writes them in the site's time zone, to the second, as the article page's <time> does.
      expect([entry?.published, jsonItem?.date_published]).toEqual([
        row.publishedAt.toISOString(),
        isoInZone(row.publishedAt),
      ]);
      expect([entry?.updated, jsonItem?.date_modified]).toEqual([
        row.updatedAt.toISOString(),
        isoInZone(row.updatedAt),
      ]);
      expect([item?.categories?.[0]?.name, entry?.categories?.[0]?.term, jsonItem?.tags?.[0]]).toEqual([
        row.section.name,
        row.section.name,
        row.section.name,
      ]);
      const source = row.datelineSource ?? undefined;
      expect([item?.dc?.sources?.[0], entry?.source?.title?.value]).toEqual([source, source]);
      const blocks = (row.body as BodyBlock[]).map((block) => block.text);
      for (const html of [item?.content?.encoded, entry?.content?.value, jsonItem?.content_html]) {
        const texts = parseHtml(html ?? '')
          .querySelectorAll('p, h2')
          .map((element) => element.textContent);
        const dateline = row.datelinePlace ? `${row.datelinePlace}, ${row.datelineDate} (${row.datelineSource}) ` : '';
        expect(texts).toEqual(blocks.map((text, at) => (at === 0 ? dateline + text : text)));
      }
    });
  });

  test('a section’s feeds hold only that section’s articles', async () => {
    const section = await loadSection(db.prisma, 'world');
    const articles = await loadLatestArticles(db.prisma, FEED_SIZE, 'world');
    const links = (parseAtomFeed(buildAtomFeed(articles, section)).entries ?? []).map(
      (entry) => entry.links?.[0]?.href,
    );
    expect(links).toHaveLength(3);
    for (const link of links) expect(link).toMatch(new RegExp(`^${absoluteUrl('/world/')}`, 'u'));
  });

  test('an article changed and moved to another section keeps its feed id, and its link follows it', async () => {
    const headline = `Moving story ${word}`;
    const first = listingDocument([{ headline, section: `From ${word}`, paragraphs: ['The first version.'] }]);
    const second = listingDocument([{ headline, section: `To ${word}`, paragraphs: ['The second version.'] }]);
    const entryOf = async () => {
      const articles = await loadLatestArticles(db.prisma, FEED_SIZE);
      return (parseAtomFeed(buildAtomFeed(articles, null)).entries ?? []).find((e) => e.title?.value === headline);
    };
    await importDocuments(db.pool, [source('first.txt', first)]);
    const before = await entryOf();
    await importDocuments(db.pool, [source('second.txt', second)]);
    const after = await entryOf();
    expect(after?.id).toBe(before?.id);
    expect(after?.links?.[0]?.href).toMatch(/\/to-z[0-9a-f]+\/moving-story-z[0-9a-f]+$/u);
    expect(after?.content?.value).toContain('The second version.');
  });

  test('the sitemap overview counts every article and dates each run of articles by its newest change', async () => {
    const total = await db.prisma.article.count();
    const overview = await loadSitemapOverview(db.prisma, 10);
    expect(overview.articleCount).toBe(total);
    expect(overview.articleChunks).toHaveLength(Math.ceil(total / 10));
    const rows = await db.prisma.article.findMany({ orderBy: { id: 'asc' }, select: { updatedAt: true } });
    const newestOfFirstTen = Math.max(...rows.slice(0, 10).map((row) => row.updatedAt.getTime()));
    expect(overview.articleChunks[0]).toBe(new Date(newestOfFirstTen).toISOString());
  });

  test('sitemap pages of articles cover every article once, oldest first', async () => {
    const total = await db.prisma.article.count();
    const pages = [];
    for (let skip = 0; skip < total; skip += 20) pages.push(...(await loadSitemapArticles(db.prisma, skip, 20)));
    const slugs = (await db.prisma.article.findMany({ orderBy: { id: 'asc' }, select: { slug: true } })).map(
      (row) => row.slug,
    );
    expect(pages.map((article) => article.slug)).toEqual(slugs);
  });

  test('the news window holds only articles published since its start, newest first', async () => {
    const old = `Old story ${word}`;
    await importDocuments(db.pool, [source('old.txt', listingDocument([{ headline: old, section: `Old ${word}` }]))], {
      now: new Date(Date.now() - 72 * 3_600_000),
    });
    const recent = await loadRecentArticles(db.prisma, new Date(Date.now() - 48 * 3_600_000), 1_000);
    expect(recent.map((article) => article.headline)).not.toContain(old);
    expect(recent.length).toBeGreaterThanOrEqual(58);
    const times = recent.map((article) => article.publishedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });
});
