import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Note } from '@/lib/documents/types';
import { releaseDue, tagsToExpire } from '@/lib/importer/expiry';
import { formatReport } from '@/lib/importer/format-report';
import { importDocuments, type ImportOptions } from '@/lib/importer/import-documents';
import { noticeBody } from '@/lib/importer/notify-site';
import { TimeZoneMismatch } from '@/lib/importer/site-time-zone';
import { nameSlug } from '@/lib/slug';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';

const kinds = await availableDatabaseKinds();

const NOW = new Date('2026-12-01T12:00:00.000Z');
const LATER = new Date('2026-12-02T12:00:00.000Z');

interface Lines {
  /** ISO 8601, with its offset. */
  date?: string;
  authors?: string[];
  tags?: string[];
  notes?: Note[];
}

/**
 * An article's block as an editor writes it, with the newsroom lines it carries
 * (docs/document-format.md, "Newsroom lines"): its date line, its byline, its text and notes,
 * its marker and its `Tagged under` line.
 */
function article(headline: string, lines: Lines = {}, text = `${headline}: the report.`): string {
  return (
    [
      ...(lines.date ? [lines.date.replace('.000Z', 'Z')] : []),
      headline,
      '',
      ...(lines.authors?.length ? [`Written by ${lines.authors.join(' and ')}`, ''] : []),
      text,
      '',
      ...(lines.notes ?? []).flatMap((note) => [note.text, '']),
      '  • Published in World',
      ...(lines.tags?.length ? [`Tagged under ${lines.tags.join(', ')}`] : []),
    ].join('\n') + '\n'
  );
}

/** A document with every newsroom line (docs/document-format.md, "Newsroom lines"), as an editor writes it. */
const NEWSROOM_DOCUMENT = `Monday, 27 March 2017 10:48
Talks on Syria resume in Geneva

Written by Анна Петрова and James Whitfield

Geneva, Mar 27 (Reuters) Delegations from the government and the opposition met again on Monday.

Correction: An earlier version of this article said the talks had resumed on Sunday.

  • Published in World
Tagged under Syria, Geneva, Diplomacy

2017-03-26T18:30:00+08:00
Shanghai opens its new science museum

Written by 王小明

The museum, on the east bank of the river, holds one of the largest planetarium domes in the world.

  • Published in Science & Tech
Tagged under China, Museums

Harbour bridge plans approved

The regional council approved the plans for a new harbour bridge by a large majority.

  • Published in World
Tagged under Transport, syria

Subscribe to this RSS feed
`;

describe.each(kinds)('newsroom lines, imported into the %s database', (kind) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => db?.drop());
  beforeEach(async () => {
    await db.pool.query(
      'TRUNCATE articles, sections, authors, tags, article_revisions, site_settings, section_redirects RESTART IDENTITY CASCADE',
    );
  });

  const runText = (text: string, options: ImportOptions = {}) =>
    importDocuments(db.pool, [{ file: 'doc.txt', bytes: new TextEncoder().encode(text) }], {
      now: NOW,
      timeZone: 'UTC',
      ...options,
    });
  const run = (blocks: string[], options: ImportOptions = {}) =>
    runText(`${blocks.join('\n')}Subscribe to this RSS feed\n`, options);

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

  const storedArticles = () =>
    rows<Record<string, unknown>>(
      `SELECT a.slug, a.date_key, a.dated, a.published_at, s.slug AS section,
              ARRAY(SELECT n.name FROM article_authors l JOIN authors n ON n.id = l.author_id
                     WHERE l.article_id = a.id ORDER BY l.position) AS authors,
              ARRAY(SELECT n.name FROM article_tags l JOIN tags n ON n.id = l.tag_id
                     WHERE l.article_id = a.id ORDER BY l.position) AS tags,
              jsonb_path_query_array(a.notes, '$[*].text') AS notes
         FROM articles a JOIN sections s ON s.id = a.section_id ORDER BY a.published_at DESC`,
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

  test('a scheduled article given another day moves to it; a published one given another day is another article', async () => {
    await run([article('Year in review', { date: '2026-12-31T18:00:00.000Z' })]);
    const moved = await run([article('Year in review', { date: '2027-01-02T09:00:00.000Z' })]);

    expect(await stored('Year in review')).toMatchObject([
      { slug: 'year-in-review', date_key: '2027-01-02', public_at: new Date('2027-01-02T09:00:00.000Z') },
    ]);
    expect(moved.totals).toMatchObject({ created: 0, updated: 1 });
    expect(formatReport(moved)).toContain('1 scheduled: 2027-01-02 09:00');

    // Once it is public, the same headline on another day is a recurring one: another article.
    await run([article('Year in review', { date: '2027-12-31T18:00:00.000Z' })], {
      now: new Date('2027-01-03T00:00:00.000Z'),
    });
    expect((await stored('Year in review')).map((row) => [row.slug, row.date_key])).toEqual([
      ['year-in-review', '2027-01-02'],
      ['year-in-review-2', '2027-12-31'],
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

  test('stores each article’s date, authors, tags and notes as the document gives them', async () => {
    const report = await runText(NEWSROOM_DOCUMENT);

    expect(report.totals).toMatchObject({ created: 3, problems: 0 });
    expect(await storedArticles()).toEqual([
      {
        slug: 'harbour-bridge-plans-approved',
        date_key: '',
        dated: false,
        // Undated: dated by its place, the third block, two seconds before the first.
        published_at: new Date(NOW.getTime() - 2_000),
        section: 'world',
        authors: [],
        // One tag per identity, its first spelling shown.
        tags: ['Transport', 'Syria'],
        notes: [],
      },
      {
        slug: 'talks-on-syria-resume-in-geneva',
        date_key: '2017-03-27',
        dated: true,
        published_at: new Date('2017-03-27T10:48:00.000Z'),
        section: 'world',
        authors: ['Анна Петрова', 'James Whitfield'],
        tags: ['Syria', 'Geneva', 'Diplomacy'],
        notes: ['Correction: An earlier version of this article said the talks had resumed on Sunday.'],
      },
      {
        slug: 'shanghai-opens-its-new-science-museum',
        date_key: '2017-03-26',
        dated: true,
        published_at: new Date('2017-03-26T10:30:00.000Z'),
        section: 'science-tech',
        authors: ['王小明'],
        tags: ['China', 'Museums'],
        notes: [],
      },
    ]);
    expect(await rows(`SELECT slug FROM authors ORDER BY id`)).toEqual([
      { slug: 'anna-petrova' },
      { slug: 'james-whitfield' },
      { slug: nameSlug('王小明') },
    ]);
    expect(nameSlug('王小明')).toMatch(/^u-[0-9a-f]{12}$/u);
  });

  test('the same document again writes nothing', async () => {
    await runText(NEWSROOM_DOCUMENT);
    const before = await rows(`SELECT to_jsonb(a) - 'search' AS row FROM articles a ORDER BY id`);

    const again = await runText(NEWSROOM_DOCUMENT, { now: new Date('2026-12-02T12:00:00.000Z') });

    expect(again.totals).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await rows(`SELECT to_jsonb(a) - 'search' AS row FROM articles a ORDER BY id`)).toEqual(before);
    expect(await rows(`SELECT count(*)::int AS n FROM article_revisions`)).toEqual([{ n: 0 }]);
  });

  test('a recurring headline on another day is another article, under the next free suffix', async () => {
    const briefing = (date: string, text: string) =>
      `${date}\nMorning briefing\n\n${text}\n\n  • Published in World\n\nSubscribe to this RSS feed\n`;
    await runText(briefing('2026-11-29 06:00', 'Sunday’s briefing.'));

    const report = await runText(briefing('2026-11-30 06:00', 'Monday’s briefing.'));

    expect(report.totals).toMatchObject({ created: 1, keptApart: 1 });
    expect((await storedArticles()).map((a) => [a.slug, a.date_key])).toEqual([
      ['morning-briefing-2', '2026-11-30'],
      ['morning-briefing', '2026-11-29'],
    ]);
  });

  test('a date without an offset is read in the site’s time zone, and its day is that zone’s', async () => {
    await runText(`2026-11-30 23:30\nLate count in Lisbon\n\nThe count went on.\n\n  • Published in World\n`, {
      timeZone: 'Asia/Tokyo',
    });

    expect(await rows(`SELECT date_key, published_at FROM articles`)).toEqual([
      { date_key: '2026-11-30', published_at: new Date('2026-11-30T14:30:00.000Z') },
    ]);
  });

  test('a scheduled article is reported with its time in the site’s time zone', async () => {
    const report = await runText(
      `2026-12-24 18:00\nChristmas Eve service times\n\nThe services begin at six.\n\n  • Published in World\n`,
      { timeZone: 'Europe/London' },
    );

    expect(formatReport(report, 'Europe/London').split('\n').at(-1)).toBe(
      '1 scheduled: 2026-12-24 18:00 (1) (Europe/London)',
    );
    expect(await rows(`SELECT public_at FROM articles`)).toEqual([{ public_at: new Date('2026-12-24T18:00:00.000Z') }]);
  });

  test('a section the migration moved off a reserved slug takes its articles at its new slug', async () => {
    // As the migration leaves a section whose slug a route of the site came to need (it moves
    // `authors` and `tags`; `search` is one such route on every version of the site): at
    // `<slug>-section`, its old slug in section_redirects.
    const [section] = await rows<{ id: number }>(
      `INSERT INTO sections (slug, name) VALUES ('search-section', 'Search') RETURNING id`,
    );
    await db.pool.query(`INSERT INTO section_redirects (old_slug, section_id) VALUES ('search', $1)`, [section!.id]);

    const report = await runText(`Search party finds hikers\n\nAll three were safe.\n\n  • Published in Search\n`);

    expect(report.totals).toMatchObject({ created: 1, problems: 0 });
    expect((await storedArticles()).map((a) => a.section)).toEqual(['search-section']);
  });
});
