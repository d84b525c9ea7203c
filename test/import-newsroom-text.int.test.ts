import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { formatReport } from '@/lib/importer/format-report';
import { importDocuments, type ImportOptions } from '@/lib/importer/import-documents';
import { nameSlug } from '@/lib/slug';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';

const kinds = await availableDatabaseKinds();

const NOW = new Date('2026-12-01T12:00:00.000Z');

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

describe.each(kinds)('newsroom lines read from documents, imported into the %s database', (kind) => {
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

  const run = (text: string, options: ImportOptions = {}) =>
    importDocuments(db.pool, [{ file: 'doc.txt', bytes: new TextEncoder().encode(text) }], {
      now: NOW,
      timeZone: 'UTC',
      ...options,
    });

  async function rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await db.pool.query(sql, params)).rows as T[];
  }

  const articles = () =>
    rows(
      `SELECT a.slug, a.date_key, a.dated, a.published_at, s.slug AS section,
              ARRAY(SELECT n.name FROM article_authors l JOIN authors n ON n.id = l.author_id
                     WHERE l.article_id = a.id ORDER BY l.position) AS authors,
              ARRAY(SELECT n.name FROM article_tags l JOIN tags n ON n.id = l.tag_id
                     WHERE l.article_id = a.id ORDER BY l.position) AS tags,
              jsonb_path_query_array(a.notes, '$[*].text') AS notes
         FROM articles a JOIN sections s ON s.id = a.section_id ORDER BY a.published_at DESC`,
    );

  test('stores each article’s date, authors, tags and notes as the document gives them', async () => {
    const report = await run(NEWSROOM_DOCUMENT);

    expect(report.totals).toMatchObject({ created: 3, problems: 0 });
    expect(await articles()).toEqual([
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
    await run(NEWSROOM_DOCUMENT);
    const before = await rows(`SELECT to_jsonb(a) - 'search' AS row FROM articles a ORDER BY id`);

    const again = await run(NEWSROOM_DOCUMENT, { now: new Date('2026-12-02T12:00:00.000Z') });

    expect(again.totals).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await rows(`SELECT to_jsonb(a) - 'search' AS row FROM articles a ORDER BY id`)).toEqual(before);
    expect(await rows(`SELECT count(*)::int AS n FROM article_revisions`)).toEqual([{ n: 0 }]);
  });

  test('a recurring headline on another day is another article, under the next free suffix', async () => {
    const briefing = (date: string, text: string) =>
      `${date}\nMorning briefing\n\n${text}\n\n  • Published in World\n\nSubscribe to this RSS feed\n`;
    await run(briefing('2026-11-29 06:00', 'Sunday’s briefing.'));

    const report = await run(briefing('2026-11-30 06:00', 'Monday’s briefing.'));

    expect(report.totals).toMatchObject({ created: 1, keptApart: 1 });
    expect((await articles()).map((a) => [a.slug, a.date_key])).toEqual([
      ['morning-briefing-2', '2026-11-30'],
      ['morning-briefing', '2026-11-29'],
    ]);
  });

  test('a date without an offset is read in the site’s time zone, and its day is that zone’s', async () => {
    await run(`2026-11-30 23:30\nLate count in Lisbon\n\nThe count went on.\n\n  • Published in World\n`, {
      timeZone: 'Asia/Tokyo',
    });

    expect(await rows(`SELECT date_key, published_at FROM articles`)).toEqual([
      { date_key: '2026-11-30', published_at: new Date('2026-11-30T14:30:00.000Z') },
    ]);
  });

  test('a scheduled article is reported with its time in the site’s time zone', async () => {
    const report = await run(
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

    const report = await run(`Search party finds hikers\n\nAll three were safe.\n\n  • Published in Search\n`);

    expect(report.totals).toMatchObject({ created: 1, problems: 0 });
    expect((await articles()).map((a) => a.section)).toEqual(['search-section']);
  });
});
