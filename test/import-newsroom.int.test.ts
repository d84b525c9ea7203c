import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ArticleDraft } from '@/lib/documents/types';
import { releaseDue, tagsToExpire } from '@/lib/importer/expiry';
import { formatReport } from '@/lib/importer/format-report';
import { importDocuments, type ImportOptions } from '@/lib/importer/import-documents';
import { noticeBody } from '@/lib/importer/notify-site';
import { TimeZoneMismatch } from '@/lib/importer/site-time-zone';
import { nameSlug } from '@/lib/slug';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';
import { listingDocument, type DocumentArticle } from './support/documents';

/**
 * The newsroom lines each test gives its articles, by headline: what the parser reads from a date
 * line, a byline, a `Tagged under` line and notes (lib/documents/parse.ts), laid over the drafts
 * it reads from the documents' text, so that the import is tested whole, from bytes to rows.
 */
const newsroom = vi.hoisted(() => new Map<string, Partial<ArticleDraft>>());

vi.mock('@/lib/documents/parse', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/documents/parse')>();
  const withLines = (draft: ArticleDraft): ArticleDraft => Object.assign(draft, newsroom.get(draft.headline));
  return {
    ...actual,
    readListingDocument: (input: Uint8Array | string) => {
      const reader = actual.readListingDocument(input);
      return {
        read: (count: number) => reader.read(count).map(withLines),
        get faulty() {
          return reader.faulty;
        },
        finish: () => {
          const result = reader.finish();
          if (result.ok) result.articles.forEach(withLines);
          return result;
        },
      };
    },
  };
});

const kinds = await availableDatabaseKinds();

const NOW = new Date('2026-12-01T12:00:00.000Z');
const LATER = new Date('2026-12-02T12:00:00.000Z');

/** A date line's reading: the instant, and its day in UTC (the tests' site time zone). */
const on = (iso: string): ArticleDraft['date'] => ({ at: new Date(iso), day: iso.slice(0, 10), line: 1 });

interface Lines {
  date?: string;
  authors?: string[];
  tags?: string[];
  notes?: ArticleDraft['notes'];
}

/** An article of a test document, with the newsroom lines it carries. */
function article(headline: string, lines: Lines = {}, text = `${headline}: the report.`): DocumentArticle {
  newsroom.set(headline, {
    date: lines.date ? on(lines.date) : null,
    authors: lines.authors ?? [],
    tags: lines.tags ?? [],
    notes: lines.notes ?? [],
  });
  return { headline, section: 'World', paragraphs: [text] };
}

describe.each(kinds)('newsroom lines, imported into the %s database', (kind) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => db?.drop());
  beforeEach(async () => {
    newsroom.clear();
    await db.pool.query(
      'TRUNCATE articles, sections, authors, tags, article_revisions, site_settings RESTART IDENTITY CASCADE',
    );
  });

  const run = (articles: DocumentArticle[], options: ImportOptions = {}) =>
    importDocuments(db.pool, [{ file: 'doc.txt', bytes: new TextEncoder().encode(listingDocument(articles)) }], {
      now: NOW,
      timeZone: 'UTC',
      ...options,
    });

  async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await db.pool.query(sql, params)).rows as T[];
  }

  const stored = (headline: string) =>
    rows<{
      slug: string;
      date_key: string;
      dated: boolean;
      published_at: Date;
      public_at: Date;
      notes: unknown;
    }>(`SELECT slug, date_key, dated, published_at, public_at, notes FROM articles WHERE headline = $1 ORDER BY id`, [
      headline,
    ]);

  const bylines = () =>
    rows<{ slug: string; authors: string[]; tags: string[] }>(
      `SELECT a.slug,
              ARRAY(SELECT n.name FROM article_authors l JOIN authors n ON n.id = l.author_id
                     WHERE l.article_id = a.id ORDER BY l.position) AS authors,
              ARRAY(SELECT n.name FROM article_tags l JOIN tags n ON n.id = l.tag_id
                     WHERE l.article_id = a.id ORDER BY l.position) AS tags
         FROM articles a ORDER BY a.id`,
    );

  /** Every row an import may write, to prove that a run wrote none. */
  const everything = () =>
    rows(
      `SELECT (SELECT jsonb_agg(to_jsonb(a) - 'search' ORDER BY id) FROM articles a) AS articles,
              (SELECT jsonb_agg(to_jsonb(x) ORDER BY id) FROM authors x) AS authors,
              (SELECT jsonb_agg(to_jsonb(x) ORDER BY id) FROM tags x) AS tags,
              (SELECT jsonb_agg(to_jsonb(x) ORDER BY article_id, position) FROM article_authors x) AS article_authors,
              (SELECT jsonb_agg(to_jsonb(x) ORDER BY article_id, position) FROM article_tags x) AS article_tags,
              (SELECT jsonb_agg(to_jsonb(x) ORDER BY id) FROM article_revisions x) AS revisions`,
    );

  test('a dated article is published at its date line, public now, and linked to its authors and tags in order', async () => {
    const report = await run([
      article('Harbour bridge opens', {
        date: '2026-11-30T08:15:00.000Z',
        authors: ['Zoë Smith', 'Li Wei'],
        tags: ['Transport', 'Harbour'],
      }),
      article('Ferry fares rise', { authors: ['zoe smith'], tags: ['transport', 'Fares'] }),
    ]);

    expect(report.totals).toMatchObject({ created: 2 });
    expect(await stored('Harbour bridge opens')).toEqual([
      {
        slug: 'harbour-bridge-opens',
        date_key: '2026-11-30',
        dated: true,
        published_at: new Date('2026-11-30T08:15:00.000Z'),
        public_at: NOW,
        notes: [],
      },
    ]);
    // The first spelling seen is the name kept, and the slug is the readable one.
    expect(await bylines()).toEqual([
      { slug: 'harbour-bridge-opens', authors: ['Zoë Smith', 'Li Wei'], tags: ['Transport', 'Harbour'] },
      { slug: 'ferry-fares-rise', authors: ['Zoë Smith'], tags: ['Transport', 'Fares'] },
    ]);
    expect(await rows(`SELECT slug, name FROM authors ORDER BY slug`)).toEqual([
      { slug: 'li-wei', name: 'Li Wei' },
      { slug: 'zoe-smith', name: 'Zoë Smith' },
    ]);
    // The links carry the article's publication time, for the author's and tag's listings.
    const links = await rows<{ published_at: Date; article: Date }>(
      `SELECT l.published_at, a.published_at AS article FROM article_tags l JOIN articles a ON a.id = l.article_id`,
    );
    expect(links.every((link) => link.published_at.getTime() === link.article.getTime())).toBe(true);
  });

  test('a name with no ASCII transliteration gets u- and hex; a different name that asks for a taken slug gets -2', async () => {
    const hashed = nameSlug('李明');
    await run([article('First report', { authors: [hashed] })]);
    await run([article('Second report', { authors: ['李明', 'שָׂרָה'] })]);

    expect(await rows(`SELECT slug, name FROM authors ORDER BY id`)).toEqual([
      { slug: hashed, name: hashed },
      { slug: `${hashed}-2`, name: '李明' },
      { slug: nameSlug('שרה'), name: 'שָׂרָה' },
    ]);
  });

  test('an unchanged re-import writes nothing, and one without the date line keeps the stored date', async () => {
    const lines = { date: '2026-11-30T08:15:00.000Z', authors: ['Zoë Smith'], tags: ['Transport'] };
    const notes = [{ kind: 'correction' as const, text: 'Correction: the bridge is 2 km long.' }];
    await run([article('Harbour bridge opens', { ...lines, notes })]);
    const before = await everything();

    const again = await run([article('Harbour bridge opens', { ...lines, notes })], { now: LATER });
    const undated = await run([article('Harbour bridge opens', { ...lines, date: undefined, notes })], { now: LATER });

    expect([again.totals, undated.totals]).toMatchObject([
      { unchanged: 1, updated: 0 },
      { unchanged: 1, updated: 0 },
    ]);
    expect(await everything()).toEqual(before);
    expect(await tagsToExpire(db.pool, undated)).toEqual([]);
  });

  test('a recurring headline on another day is another article; an undated one matches the newest', async () => {
    await run([article('Morning briefing', { date: '2026-11-29T06:00:00.000Z' }, 'Sunday.')]);
    await run([article('Morning briefing', { date: '2026-11-30T06:00:00.000Z' }, 'Monday.')]);
    const edited = await run([article('Morning briefing', {}, 'Monday, corrected.')], { now: LATER });

    expect(edited.totals).toMatchObject({ created: 0, updated: 1 });
    expect(
      await rows<{ slug: string; date_key: string; body: unknown }>(
        `SELECT slug, date_key, body->0->>'text' AS body FROM articles ORDER BY id`,
      ),
    ).toEqual([
      { slug: 'morning-briefing', date_key: '2026-11-29', body: 'Sunday.' },
      { slug: 'morning-briefing-2', date_key: '2026-11-30', body: 'Monday, corrected.' },
    ]);
  });

  test('a dated article whose headline matches a stored undated one is that article: it gains the date', async () => {
    await run([article('Budget vote delayed')]);
    const report = await run([article('Budget vote delayed', { date: '2026-11-28T10:00:00.000Z' })], { now: LATER });

    expect(report.totals).toMatchObject({ created: 0, updated: 1 });
    expect(await stored('Budget vote delayed')).toMatchObject([
      {
        slug: 'budget-vote-delayed',
        date_key: '2026-11-28',
        dated: true,
        published_at: new Date('2026-11-28T10:00:00Z'),
      },
    ]);
  });

  test('a date after the import schedules the article; the report says for when; nothing is expired, the site is told', async () => {
    await run([article('Already out')]);
    const report = await run([
      article('Year in review', { date: '2026-12-31T18:00:00.000Z', authors: ['Zoë Smith'], tags: ['Review'] }),
      article('New year honours', { date: '2027-01-01T00:00:00.000Z' }),
    ]);

    expect(await stored('Year in review')).toMatchObject([{ public_at: new Date('2026-12-31T18:00:00.000Z') }]);
    expect(report.scheduled).toEqual([new Date('2026-12-31T18:00:00.000Z'), new Date('2027-01-01T00:00:00.000Z')]);
    expect(formatReport(report, 'Europe/London').split('\n').at(-1)).toBe(
      '2 scheduled: 2026-12-31 18:00 (1), 2027-01-01 00:00 (1) (Europe/London)',
    );
    expect(
      formatReport(
        await run([article('Year in review', { date: '2026-12-31T18:00:00.000Z' })], { dryRun: true }),
        'UTC',
      ),
    ).toMatch(/^1 scheduled: 2026-12-31 18:00 \(1\) \(UTC\)$/mu);
    // Nothing the site shows has them: no page is expired, but the notice still goes, for the release clock.
    expect(await tagsToExpire(db.pool, report)).toEqual([]);
    expect(releaseDue(report)).toBe(true);
    expect(JSON.parse(noticeBody([], releaseDue(report)))).toEqual({ tags: [], reason: 'schedule' });
  });

  test('a scheduled article re-imported moves to its new time, and with a past one is public at once', async () => {
    await run([article('Evening briefing', { date: '2026-12-01T18:00:00.000Z' })]);
    await run([article('Evening briefing', { date: '2026-12-01T20:00:00.000Z' }, 'Later.')]);
    expect(await stored('Evening briefing')).toMatchObject([{ public_at: new Date('2026-12-01T20:00:00.000Z') }]);

    const published = await run([article('Evening briefing', { date: '2026-12-01T10:00:00.000Z' }, 'Now.')], {
      now: new Date('2026-12-01T13:00:00.000Z'),
    });

    expect(await stored('Evening briefing')).toMatchObject([
      { published_at: new Date('2026-12-01T10:00:00.000Z'), public_at: new Date('2026-12-01T13:00:00.000Z') },
    ]);
    expect(published.scheduled).toEqual([]);
    // Now on the site: its page, its section and the front page are expired.
    expect(await tagsToExpire(db.pool, published)).toEqual(
      expect.arrayContaining(['front', 'section:world', 'article:evening-briefing']),
    );
  });

  test('a scheduled article given another day is another article: the day is part of a dated article’s identity', async () => {
    await run([article('Year in review', { date: '2026-12-31T18:00:00.000Z' })]);
    await run([article('Year in review', { date: '2026-12-30T18:00:00.000Z' })]);

    expect((await stored('Year in review')).map((row) => [row.slug, row.date_key])).toEqual([
      ['year-in-review', '2026-12-31'],
      ['year-in-review-2', '2026-12-30'],
    ]);
  });

  test('a public article given a later date stays public, and its links follow its new date', async () => {
    await run([article('Harbour bridge opens', { date: '2026-11-30T08:00:00.000Z', tags: ['Transport'] })]);
    const report = await run([
      article('Harbour bridge opens', { date: '2026-11-30T23:00:00.000Z', tags: ['Transport'] }),
    ]);

    expect(report.totals).toMatchObject({ updated: 1 });
    expect(report.scheduled).toEqual([]);
    expect(await stored('Harbour bridge opens')).toMatchObject([
      { published_at: new Date('2026-11-30T23:00:00.000Z'), public_at: NOW },
    ]);
    expect(await rows(`SELECT published_at FROM article_tags`)).toEqual([
      { published_at: new Date('2026-11-30T23:00:00.000Z') },
    ]);
  });

  test('a changed byline is an update in place: the replaced version keeps its date, byline, tags and notes', async () => {
    const notes = [{ kind: 'editor' as const, text: 'Editor’s note: first version.' }];
    await run([
      article('Harbour bridge opens', {
        date: '2026-11-30T08:00:00.000Z',
        authors: ['Ann Lee'],
        tags: ['Transport'],
        notes,
      }),
    ]);

    const report = await run(
      [article('Harbour bridge opens', { authors: ['Ann Lee', 'Bo Chan'], tags: ['Harbour'] })],
      { now: LATER },
    );

    expect(report.totals).toMatchObject({ updated: 1 });
    expect(await bylines()).toEqual([
      { slug: 'harbour-bridge-opens', authors: ['Ann Lee', 'Bo Chan'], tags: ['Harbour'] },
    ]);
    expect(await rows(`SELECT published_at, authors, tags, notes FROM article_revisions`)).toEqual([
      {
        published_at: new Date('2026-11-30T08:00:00.000Z'),
        authors: ['Ann Lee'],
        tags: ['Transport'],
        notes: [{ ...notes[0], datedAt: NOW.toISOString() }],
      },
    ]);
    // The removed note goes from the article (the revision keeps it); the date stays.
    expect(await stored('Harbour bridge opens')).toMatchObject([{ notes: [], dated: true, date_key: '2026-11-30' }]);
  });

  test('a note keeps the date of the import that first carried it; an edited one is dated by this import', async () => {
    const kept = { kind: 'correction' as const, text: 'Correction: the bridge is 2 km long.' };
    await run([article('Harbour bridge opens', { notes: [kept] })]);

    await run(
      [
        article('Harbour bridge opens', {
          notes: [kept, { kind: 'editor', text: 'Editor’s note: updated at 14:00.' }],
        }),
      ],
      { now: LATER },
    );

    expect(await stored('Harbour bridge opens')).toMatchObject([
      {
        notes: [
          { ...kept, datedAt: NOW.toISOString() },
          { kind: 'editor', text: 'Editor’s note: updated at 14:00.', datedAt: LATER.toISOString() },
        ],
      },
    ]);
  });

  test('an import that changes one byline expires that article and the old and new authors’ pages, nothing unrelated', async () => {
    await run([
      article('Harbour bridge opens', { authors: ['Ann Lee'], tags: ['Transport'] }),
      article('Ferry fares rise', { authors: ['Cy Dunn'], tags: ['Fares'] }),
      article('Budget vote delayed', { authors: ['Di Evans'], tags: ['Politics'] }),
    ]);

    const report = await run(
      [
        article('Harbour bridge opens', { authors: ['Bo Chan'], tags: ['Transport'] }),
        article('Ferry fares rise', { authors: ['Cy Dunn'], tags: ['Fares'] }),
        article('Budget vote delayed', { authors: ['Di Evans'], tags: ['Politics'] }),
      ],
      { now: LATER },
    );

    const tags = await tagsToExpire(db.pool, report);
    expect(tags).toEqual(
      expect.arrayContaining([
        'article:harbour-bridge-opens',
        'shows:harbour-bridge-opens',
        'author:ann-lee',
        'author:bo-chan',
        'tag:transport',
      ]),
    );
    for (const unrelated of [
      'author:cy-dunn',
      'author:di-evans',
      'tag:fares',
      'tag:politics',
      'article:budget-vote-delayed',
    ])
      expect(tags).not.toContain(unrelated);
    expect(tags.filter((tag) => tag.startsWith('article:'))).toEqual(['article:harbour-bridge-opens']);
  });

  test('an import whose time zone is not the site’s is refused before it writes anything, naming both', async () => {
    await run([article('Harbour bridge opens')]);
    expect(await rows(`SELECT name, value FROM site_settings`)).toEqual([{ name: 'time_zone', value: 'UTC' }]);
    const before = await everything();

    const refused = run([article('Ferry fares rise', { date: '2026-11-30T08:00:00.000Z' })], {
      timeZone: 'Europe/Berlin',
    });

    await expect(refused).rejects.toThrow(TimeZoneMismatch);
    await expect(refused).rejects.toThrow(/Europe\/Berlin.*UTC/u);
    expect(await everything()).toEqual(before);
  });

  test('with no time zone recorded, an import records its own; a dry run records nothing', async () => {
    await run([article('Harbour bridge opens')], { dryRun: true, timeZone: 'Asia/Tokyo' });
    expect(await rows(`SELECT value FROM site_settings`)).toEqual([]);

    await run([article('Harbour bridge opens')], { timeZone: 'Asia/Tokyo' });

    expect(await rows(`SELECT value FROM site_settings`)).toEqual([{ value: 'Asia/Tokyo' }]);
  });

  test('a dry run reports what the real run then does, and writes nothing', async () => {
    const articles = () => [
      article('Harbour bridge opens', { date: '2026-11-30T08:00:00.000Z', authors: ['Ann Lee'] }),
      article('Year in review', { date: '2026-12-31T18:00:00.000Z', authors: ['Ann Lee'] }),
    ];
    const before = await everything();
    const dry = await run(articles(), { dryRun: true });
    expect(await everything()).toEqual(before);

    const real = await run(articles());

    expect(dry.totals).toEqual(real.totals);
    expect(dry.scheduled).toEqual(real.scheduled);
  });
});
