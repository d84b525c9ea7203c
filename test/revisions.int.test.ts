import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { importDocuments } from '@/lib/importer/import-documents';
import { poolReader } from '@/lib/db/sql-reader';
import { loadArticle, loadArticleVersions } from '@/lib/queries/loaders';
import { historyChain, loadArticleChain, loadArticleHistory, loadVersionCount } from '@/lib/queries/versions';
import { brokenAt } from '@/lib/versions/chain';
import { versionMarkdown } from '@/lib/versions/markdown';
import { withdrawArticle } from '@/lib/withdrawal/actions';
import { availableDatabaseKinds, createTestDatabase, emptyDatabase, type TestDatabase } from './support/database';
import { listingDocument, type DocumentArticle } from './support/documents';

const kinds = await availableDatabaseKinds();

const FIRST = new Date('2026-11-25T08:00:00.000Z');
const SECOND = new Date('2026-11-25T09:30:00.000Z');
const THIRD = new Date('2026-11-25T11:00:00.000Z');

const ORIGINAL: DocumentArticle = {
  headline: 'Harbour bridge opens to traffic',
  section: 'World',
  paragraphs: [
    'Lisbon, Mar 03 (Prensa Latina) The new harbour bridge opened to traffic on Monday.',
    'Tolls apply to lorries only.',
    'The council thanked the builders.',
  ],
};
const SLUG = 'harbour-bridge-opens-to-traffic';

const SALT = /^[0-9a-f]{64}$/u;
const article = (headline: string, paragraphs: string[]): DocumentArticle => ({
  headline,
  section: 'World',
  paragraphs,
});
const slugOf = (headline: string) => headline.toLowerCase().replace(/[^a-z0-9]+/gu, '-');

describe.each(kinds)('corrections kept as revisions (%s database)', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  }, 120_000);
  afterAll(async () => db?.drop());
  beforeEach(async () => emptyDatabase(db));

  const load = (articles: DocumentArticle[], now: Date) =>
    importDocuments(db.pool, [{ file: 'listing.txt', bytes: Buffer.from(listingDocument(articles)) }], { now });

  test('a re-import that changes nothing makes no revision', async () => {
    await load([ORIGINAL], FIRST);
    const again = await load([ORIGINAL], SECOND);
    expect(again.totals).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect((await loadArticle(db.prisma, SLUG))?.revisions).toEqual([]);
    expect(await loadArticleVersions(db.prisma, SLUG)).toEqual([]);
  });

  test('a corrected article keeps its old text whole, and says when and what changed', async () => {
    await load([ORIGINAL], FIRST);
    const corrected: DocumentArticle = {
      headline: 'Harbour Bridge Opens to Traffic!',
      section: 'Europe',
      paragraphs: [
        'Lisbon, Mar 04 (Prensa Latina) The new harbour bridge opened to traffic on Tuesday.',
        'Tolls apply to lorries only.',
        'The council thanked the builders.',
        'Cyclists may use it from April.',
      ],
    };
    await load([corrected], SECOND);

    const article = await loadArticle(db.prisma, SLUG);
    expect(article?.headline).toBe('Harbour Bridge Opens to Traffic!');
    expect(article?.updatedAt).toBe(SECOND.toISOString());
    const changes = [
      'Headline punctuation or case corrected',
      'Moved from World to Europe',
      'Dateline changed',
      '1 paragraph changed',
      '1 paragraph added',
    ];
    // One correction: what changed since the first version is what that correction changed.
    expect(article?.revisions).toEqual([{ revisedAt: SECOND.toISOString(), changes, changesSince: changes }]);
    const [version] = await loadArticleVersions(db.prisma, SLUG);
    // Its date, byline, tags and notes are kept too (none in these documents; no date in rows the import kept before it recorded one).
    const { publishedAt, authors, tags, notes, ...old } = version!;
    expect({ authors, tags, notes }).toEqual({ authors: [], tags: [], notes: [] });
    expect(publishedAt === null || Date.parse(publishedAt) <= SECOND.getTime()).toBe(true);
    expect(old).toEqual({
      headline: ORIGINAL.headline,
      section: { slug: 'world', name: 'World' },
      dateline: { place: 'Lisbon', dateText: 'Mar 03', source: 'Prensa Latina' },
      body: [
        { type: 'paragraph', text: 'The new harbour bridge opened to traffic on Monday.' },
        { type: 'paragraph', text: 'Tolls apply to lorries only.' },
        { type: 'paragraph', text: 'The council thanked the builders.' },
      ],
      versionOf: FIRST.toISOString(),
      replacedAt: SECOND.toISOString(),
    });
  });

  test('each correction is kept, newest first, each compared with the version after it', async () => {
    await load([ORIGINAL], FIRST);
    const second = { ...ORIGINAL, paragraphs: ORIGINAL.paragraphs!.slice(0, 2) };
    await load([second], SECOND);
    await load([{ ...second, headline: 'Harbour bridge opens to traffic.' }], THIRD);
    await load([{ ...second, headline: 'Harbour bridge opens to traffic.' }], new Date('2026-11-25T12:00:00.000Z'));

    const article = await loadArticle(db.prisma, SLUG);
    // Each compared with the version after it, and (for a reader who read it) with the current one.
    expect(article?.revisions).toEqual([
      {
        revisedAt: THIRD.toISOString(),
        changes: ['Headline punctuation or case corrected'],
        changesSince: ['Headline punctuation or case corrected'],
      },
      {
        revisedAt: SECOND.toISOString(),
        changes: ['1 paragraph removed'],
        changesSince: ['Headline punctuation or case corrected', '1 paragraph removed'],
      },
    ]);
    const versions = await loadArticleVersions(db.prisma, SLUG);
    expect(versions.map((version) => version.body.length)).toEqual([3, 2]);
    expect(versions.map((version) => version.headline)).toEqual([ORIGINAL.headline, ORIGINAL.headline]);
  });

  test('a reworded headline is a new article, not a revision', async () => {
    await load([ORIGINAL], FIRST);
    const report = await load([{ ...ORIGINAL, headline: 'Harbour bridge finally opens' }], SECOND);
    expect(report.totals).toMatchObject({ created: 1, updated: 0 });
    expect((await loadArticle(db.prisma, SLUG))?.revisions).toEqual([]);
  });

  test('an import that fails after keeping the old version keeps nothing: article and revisions as they were', async () => {
    await load([ORIGINAL], FIRST);
    // The update of the article fails inside the import's transaction, after the revision was written.
    await db.pool.query(`CREATE FUNCTION refuse_update() RETURNS trigger LANGUAGE plpgsql AS
                           $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
    await db.pool.query(
      'CREATE TRIGGER refuse_update BEFORE UPDATE ON articles FOR EACH ROW EXECUTE FUNCTION refuse_update()',
    );
    try {
      await expect(load([{ ...ORIGINAL, paragraphs: ['Another text.'] }], SECOND)).rejects.toThrow(
        /refused for the test/u,
      );
    } finally {
      await db.pool.query('DROP TRIGGER refuse_update ON articles');
      await db.pool.query('DROP FUNCTION refuse_update()');
    }
    expect(await loadArticleVersions(db.prisma, SLUG)).toEqual([]);
    expect((await loadArticle(db.prisma, SLUG))?.body).toHaveLength(3);
  });

  test('a thousand corrections in one import each keep the version they replace', async () => {
    const many = Array.from({ length: 1_000 }, (_, index) => ({
      headline: `Report number ${index}`,
      section: 'World',
      paragraphs: [`First version of report ${index}.`],
    }));
    await load(many, FIRST);
    await load(
      many.map((article, index) => ({ ...article, paragraphs: [`Second version of report ${index}.`] })),
      SECOND,
    );
    const { rows } = await db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM article_revisions WHERE replaced_at = $1 AND body->0->>'text' LIKE 'First version%'`,
      [SECOND],
    );
    expect(rows[0]?.n).toBe(1_000);
  }, 60_000);

  // Versions as their pages and hash chain number them (docs/versions.md).
  const history = async (slug: string) => (await loadArticleHistory(db.prisma, slug))!;

  test('each import that changes an article stores a version, numbered from the oldest, each with a salt of its own made when it was first stored', async () => {
    const headline = 'Harbour bridge opens to traffic';
    await load([article(headline, ['The bridge opened on Monday.'])], FIRST);
    const [first] = (await history(slugOf(headline))).versions;
    expect(first).toMatchObject({ n: 1, writtenAt: FIRST.toISOString(), salt: expect.stringMatching(SALT) });

    await load([article(headline, ['The bridge opened on Tuesday.'])], SECOND);
    await load([article(headline, ['The bridge opened on Tuesday.', 'Tolls apply to lorries.'])], THIRD);
    const { versions, section } = await history(slugOf(headline));
    expect(section).toBe('world');
    expect(versions.map((version) => [version.n, version.writtenAt, version.body.map((block) => block.text)])).toEqual([
      [1, FIRST.toISOString(), ['The bridge opened on Monday.']],
      [2, SECOND.toISOString(), ['The bridge opened on Tuesday.']],
      [3, THIRD.toISOString(), ['The bridge opened on Tuesday.', 'Tolls apply to lorries.']],
    ]);
    // Version 1 kept the salt it had while it was the current one; each later version has its own.
    expect(versions[0]!.salt).toBe(first!.salt);
    expect(new Set(versions.map((version) => version.salt)).size).toBe(3);
    expect(versions.every((version) => SALT.test(version.salt))).toBe(true);
    expect(await loadVersionCount(db.prisma, slugOf(headline))).toBe(3);
  });

  test('a new version leaves every earlier entry of the chain, and every earlier Markdown copy, as it was', async () => {
    const headline = 'Council approves budget';
    await load([article(headline, ['The council approved the budget.'])], FIRST);
    await load([article(headline, ['The council approved the budget on Monday.'])], SECOND);
    const before = await history(slugOf(headline));
    const chainBefore = historyChain(before);
    await load([article(headline, ['The council approved the budget on Monday night.'])], THIRD);
    const after = await history(slugOf(headline));
    expect(historyChain(after).slice(0, 2)).toEqual(chainBefore);
    expect(after.versions.slice(0, 2).map(versionMarkdown)).toEqual(before.versions.map(versionMarkdown));
    // A re-import that changes nothing stores nothing, and the chain stays as it is.
    await load(
      [article(headline, ['The council approved the budget on Monday night.'])],
      new Date('2026-11-26T08:00:00Z'),
    );
    expect(historyChain(await history(slugOf(headline)))).toEqual(historyChain(after));
  });

  test('a withdrawn article’s chain is kept whole (410), and a legal removal keeps it without salts, closed by its own entry (451)', async () => {
    const withdrawn = 'Ferry strike called off';
    const removed = 'Mayor sued over harbour lease';
    await load([article(withdrawn, ['The strike was called off.']), article(removed, ['The mayor was sued.'])], FIRST);
    await load(
      [article(withdrawn, ['The strike was called off late.']), article(removed, ['The mayor was sued today.'])],
      SECOND,
    );
    const chainOfWithdrawn = historyChain(await history(slugOf(withdrawn)));
    const chainOfRemoved = historyChain(await history(slugOf(removed)));
    const salts = (await history(slugOf(removed))).versions.map((version) => version.salt);

    await withdrawArticle(db.pool, slugOf(withdrawn), { reason: 'Not verified.', origin: 'http://localhost' });
    expect(await loadArticleChain(db.prisma, slugOf(withdrawn))).toEqual({
      status: 410,
      section: 'world',
      entries: chainOfWithdrawn,
    });
    expect(await loadArticleHistory(db.prisma, slugOf(withdrawn))).toBeNull();

    await withdrawArticle(db.pool, slugOf(removed), {
      reason: 'A court order.',
      legal: true,
      origin: 'http://localhost',
    });
    const chain = await loadArticleChain(poolReader(db.pool), slugOf(removed));
    expect(chain?.status).toBe(451);
    const entries = chain!.entries;
    expect(entries.map((entry) => [entry.n, entry.kind, entry.hash])).toEqual([
      [1, 'version', chainOfRemoved[0]!.hash],
      [2, 'version', chainOfRemoved[1]!.hash],
      [3, 'legal-removal', expect.stringMatching(SALT)],
    ]);
    expect(entries.some((entry) => 'salt' in entry)).toBe(false);
    expect(brokenAt(entries)).toBe(-1);
    // Nothing of the article is left anywhere: no salt, no text.
    const { rows } = await db.pool.query<{ row: string }>(`SELECT row_to_json(r)::text AS row FROM legal_removals r`);
    const kept = rows.map((row) => row.row).join('\n');
    for (const salt of salts) expect(kept).not.toContain(salt);
    expect(kept).not.toContain('sued');
    const { rows: revisions } = await db.pool.query(`SELECT salt FROM article_revisions WHERE salt = ANY($1)`, [salts]);
    expect(revisions).toEqual([]);
  });
});
