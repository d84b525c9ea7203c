import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { poolReader, type SqlReader } from '@/lib/db/sql-reader';
import { FEED_SIZE } from '@/lib/feeds/channel';
import { tagsToExpire } from '@/lib/importer/expiry';
import { importDocuments } from '@/lib/importer/import-documents';
import { SECTION_PAGE_SIZE } from '@/lib/listing';
import {
  loadCorrectionsArchive,
  loadCorrectionsPage,
  loadCorrectionsTotal,
  loadLatestCorrections,
  type CorrectionEntry,
} from '@/lib/queries/corrections';
import { loadReleaseLook } from '@/lib/queries/release-loaders';
import { slugify } from '@/lib/slug';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';
import { listingDocument } from './support/documents';

const kinds = await availableDatabaseKinds();

const HARBOUR = 'Harbour cranes return to Valletta';
const BUDGET = 'Budget passes its second reading';
const TRAMS = 'Tram fares frozen for a year';
const LATER = 'Comet visible from the capital';
const OLD = 'Bridge reopens after repairs';

const document = listingDocument([
  {
    headline: HARBOUR,
    section: 'Malta',
    paragraphs: [
      'Correction: An earlier version gave the wrong port.',
      "Editor's note: The reporter lives in Valletta.",
      'Cranes are back on the quay.',
    ],
  },
  {
    headline: BUDGET,
    section: 'Politics',
    paragraphs: ['Clarification: The vote was on Tuesday, not Monday.', 'The budget passed.'],
  },
  { headline: TRAMS, section: 'Transport', paragraphs: ['Fares stay as they are.'] },
  {
    headline: LATER,
    section: 'Science',
    date: '2099-01-01 10:00',
    paragraphs: ['Correction: This one is not public yet.', 'The comet will be seen.'],
  },
  { headline: OLD, section: 'Transport', paragraphs: ['The bridge is open.'] },
]);

const summary = (entry: CorrectionEntry) =>
  entry.kind === 'legal-removal'
    ? `legal-removal ${entry.reason}${entry.liftedAt ? ' (lifted)' : ''}`
    : entry.kind === 'withdrawal'
      ? `withdrawal ${entry.article.headline}: ${entry.reason}`
      : `${entry.label} ${entry.article.headline}: ${entry.text}`;

describe.each(kinds)('the corrections listing, read on the %s database', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const report = await importDocuments(db.pool, [{ file: 'notes.txt', bytes: new TextEncoder().encode(document) }]);
    expect(report.documents.flatMap((one) => one.problems)).toEqual([]);
  });
  afterAll(async () => db?.drop());

  const at = async (sql: string, ...values: unknown[]) => db.pool.query(sql, values);

  test('with no withdrawal yet: the corrections and clarifications of public articles, not editor’s notes', async () => {
    const page = await loadCorrectionsPage(db.prisma, 1);
    expect(page?.entries.map(summary).sort()).toEqual([
      'Clarification Budget passes its second reading: The vote was on Tuesday, not Monday.',
      'Correction Harbour cranes return to Valletta: An earlier version gave the wrong port.',
    ]);
    const harbour = page?.entries.find((entry) => entry.kind === 'note' && entry.label === 'Correction');
    expect(harbour).toMatchObject({
      article: { slug: slugify(HARBOUR), section: { slug: 'malta', name: 'Malta' } },
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/u),
    });
    expect(page).toMatchObject({ page: 1, pageCount: 1, total: 2 });
  });

  test('an empty listing is a page of its own; a page past the last is none', async () => {
    const empty = await createTestDatabase(kind);
    try {
      expect(await loadCorrectionsPage(empty.prisma, 1)).toEqual({ entries: [], page: 1, pageCount: 1, total: 0 });
      expect(await loadCorrectionsPage(empty.prisma, 2)).toBeNull();
      expect(await loadLatestCorrections(empty.prisma, FEED_SIZE)).toEqual([]);
      expect(await loadCorrectionsArchive(empty.prisma, 1)).toBeNull();
    } finally {
      await empty.drop();
    }
  });

  test('newest first: withdrawals with their reason, legal removals without a headline, an undated note by its article’s update', async () => {
    const [harbour, budget] = [slugify(HARBOUR), slugify(BUDGET)];
    // Dates set apart so the order is known.
    await at(
      `UPDATE articles SET notes = jsonb_set(notes, '{0,datedAt}', to_jsonb($2::text)) WHERE slug = $1`,
      harbour,
      '2026-05-01T09:00:00.000Z',
    );
    await at(
      `UPDATE articles SET notes = jsonb_set(notes, '{0,datedAt}', to_jsonb($2::text)) WHERE slug = $1`,
      budget,
      '2026-05-03T09:00:00.000Z',
    );
    // A note stored without a date: dated by its article's last update.
    await at(
      `UPDATE articles SET notes = '[{"kind":"correction","text":"Correction: The bridge is in Mosta."}]',
              updated_at = '2026-05-02T09:00:00Z' WHERE slug = $1`,
      slugify(OLD),
    );
    // An editorial withdrawal of a public article, as the editor's command makes one.
    await at(
      `WITH w AS (INSERT INTO withdrawals (article_id, withdrawn_at, reason, public_at)
                  SELECT id, '2026-05-04T09:00:00Z', 'The fares were not frozen.', '2026-04-01T00:00:00Z'
                    FROM articles WHERE slug = $1
                  RETURNING article_id)
       UPDATE articles SET public_at = 'infinity' WHERE id = (SELECT article_id FROM w)`,
      slugify(TRAMS),
    );
    // A scheduled article withdrawn before its time: readers never saw it, so it is not listed.
    await at(
      `WITH w AS (INSERT INTO withdrawals (article_id, withdrawn_at, reason, public_at)
                  SELECT id, '2026-05-06T09:00:00Z', 'Never mind.', public_at FROM articles WHERE slug = $1
                  RETURNING article_id)
       UPDATE articles SET public_at = 'infinity' WHERE id = (SELECT article_id FROM w)`,
      slugify(LATER),
    );
    await at(
      `INSERT INTO legal_removals (identity_hash, address_hashes, removed_at, reason, lifted_at) VALUES
         ('a', ARRAY['a'], '2026-05-05T09:00:00Z', 'A court order.', NULL),
         ('b', ARRAY['b'], '2026-04-30T09:00:00Z', 'An injunction, since lifted.', '2026-05-07T09:00:00Z')`,
    );

    const page = await loadCorrectionsPage(db.prisma, 1);
    expect(page?.entries.map(summary)).toEqual([
      'legal-removal A court order.',
      'withdrawal Tram fares frozen for a year: The fares were not frozen.',
      'Clarification Budget passes its second reading: The vote was on Tuesday, not Monday.',
      'Correction Bridge reopens after repairs: The bridge is in Mosta.',
      'Correction Harbour cranes return to Valletta: An earlier version gave the wrong port.',
      'legal-removal An injunction, since lifted. (lifted)',
    ]);
    expect(page?.entries.map((entry) => entry.at)).toEqual([
      '2026-05-05T09:00:00.000Z',
      '2026-05-04T09:00:00.000Z',
      '2026-05-03T09:00:00.000Z',
      '2026-05-02T09:00:00.000Z',
      '2026-05-01T09:00:00.000Z',
      '2026-04-30T09:00:00.000Z',
    ]);
    expect(page?.entries[0]).toEqual({
      kind: 'legal-removal',
      id: expect.any(Number),
      reason: 'A court order.',
      at: '2026-05-05T09:00:00.000Z',
      liftedAt: null,
    });
    expect(page?.entries[1]).toMatchObject({
      kind: 'withdrawal',
      article: { slug: slugify(TRAMS), headline: TRAMS, section: { slug: 'transport' } },
    });
    expect(page?.entries.at(-1)).toMatchObject({ liftedAt: '2026-05-07T09:00:00.000Z' });
    expect(await loadCorrectionsTotal(db.prisma)).toBe(6);
  });

  test('pages of 20, the feed’s newest 50 and its archives from the oldest, each entry in one of them', async () => {
    const older = FEED_SIZE + SECTION_PAGE_SIZE;
    await at(
      `INSERT INTO legal_removals (identity_hash, address_hashes, removed_at, reason)
       SELECT 'h' || n, ARRAY['h' || n], timestamptz '2026-01-01T00:00:00Z' + n * interval '1 hour', 'Order ' || n
         FROM generate_series(1, $1::int) n`,
      older,
    );
    const total = 6 + older;
    expect(await loadCorrectionsTotal(db.prisma)).toBe(total);
    const pageCount = Math.ceil(total / SECTION_PAGE_SIZE);
    const last = await loadCorrectionsPage(db.prisma, pageCount);
    expect(last).toMatchObject({ page: pageCount, pageCount, total });
    expect(last?.entries.map(summary).at(-1)).toBe('legal-removal Order 1');
    expect(await loadCorrectionsPage(db.prisma, pageCount + 1)).toBeNull();
    expect(await loadCorrectionsPage(db.prisma, 0)).toBeNull();

    const latest = await loadLatestCorrections(db.prisma, FEED_SIZE);
    expect(latest).toHaveLength(FEED_SIZE);
    expect(latest.map(summary)[0]).toBe('legal-removal A court order.');
    const archive = await loadCorrectionsArchive(db.prisma, 1);
    expect(archive).toMatchObject({ archives: 1, full: false });
    // The oldest, newest first; together with the feed, every entry once.
    expect(archive?.entries.map(summary).at(-1)).toBe('legal-removal Order 1');
    const seen = [...latest, ...(archive?.entries ?? [])].map(summary);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(await loadCorrectionsArchive(db.prisma, 2)).toBeNull();
  });

  test('a scheduled article’s correction is listed from its time, and its release expires the listing', async () => {
    const headline = 'Ferry timetable for the summer';
    const date = new Date(Date.now() + 3_600_000).toISOString();
    const text = listingDocument([
      { headline, section: 'Transport', date, paragraphs: ['Correction: The first sailing is at 6:30.', 'Ferries.'] },
    ]);
    await importDocuments(db.pool, [{ file: 'later.txt', bytes: new TextEncoder().encode(text) }]);
    const listed = async () =>
      (await loadLatestCorrections(db.prisma, FEED_SIZE)).some(
        (entry) => entry.kind === 'note' && entry.text === 'The first sailing is at 6:30.',
      );
    expect(await listed()).toBe(false);

    const first = await loadReleaseLook(db.prisma, null);
    // Its time comes after that look (public_at keeps milliseconds; the look's clock, microseconds).
    await new Promise((resolve) => setTimeout(resolve, 10));
    await at(`UPDATE articles SET public_at = now() - interval '1 millisecond' WHERE slug = $1`, slugify(headline));
    const { released } = await loadReleaseLook(db.prisma, first.now);

    expect(released).toEqual([expect.objectContaining({ slug: slugify(headline), corrections: true })]);
    const tags = await tagsToExpire(db.prisma, {
      changed: released.map((one) => ({ ...one, created: true })),
      sectionsChanged: false,
    });
    expect(tags).toContain('corrections');
    expect(await listed()).toBe(true);
  });

  test('the notes are read through the index of articles with notes, not a scan of every article', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      // The test tables are small enough for a scan to be cheapest: forbid it, to see that the index serves.
      await client.query('SET LOCAL enable_seqscan = off');
      const plans: string[] = [];
      const explain: SqlReader = {
        async $queryRaw<T>(...args: Parameters<SqlReader['$queryRaw']>): Promise<T> {
          const reader = poolReader({
            query: (async (text: string, values: unknown[]) => {
              const result = await client.query(`EXPLAIN ${text}`, values);
              plans.push(result.rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n'));
              return { rows: [] };
            }) as never,
          });
          return reader.$queryRaw<T>(...args);
        },
      };
      await loadLatestCorrections(explain, FEED_SIZE);
      await loadCorrectionsTotal(explain);
      expect(plans).toHaveLength(2);
      for (const plan of plans) {
        expect(plan).toContain('articles_with_notes_idx');
        expect(plan).not.toMatch(/Seq Scan on articles/u);
      }
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
