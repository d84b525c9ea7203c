import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { migrate, MIGRATIONS_DIR } from '@/lib/db/migrate';
import { readDocuments } from '@/lib/documents/read';
import { importDocuments } from '@/lib/importer/import-documents';
import { loadMovedSection } from '@/lib/queries/byline-loaders';
import { loadArticle, loadSectionPage } from '@/lib/queries/loaders';
import { loadSearchResults } from '@/lib/queries/search';
import {
  availableDatabaseKinds,
  childEnv,
  createTestDatabase,
  makeTempDir,
  type TestDatabase,
} from './support/database';
import { listingDocument, writeDocuments } from './support/documents';
import { prismaLedgerDefinition } from './support/prisma-ledger';
import { addressHash, identityHash } from '@/lib/withdrawal/hashes';
import { runScript } from './support/cli';

const kinds = await availableDatabaseKinds();

/** The migration that gave authors and tags their addresses, moving any section that had one. */
const NEWSROOM_MIGRATION = '20261203000000_newsroom_lines';
const CORRECTIONS_MIGRATION = '20261205000000_corrections';
/** The migration that gave articles their language (its data step finds it for those stored before). */
const LANGUAGE_MIGRATION = '20261206000000_article_language';
/** The migration that identified articles by their own letters, not their ASCII transliteration. */
const OWN_LETTERS_MIGRATION = '20261206000200_own_letters_identity';
/** The migration that stems each article in its own language (and the data step after it splits CJK words). */
const SEARCH_LANGUAGES_MIGRATION = '20261208000000_article_search_languages';
/** The migration that gave articles their identity; the ones before it know only slugs. */
const IDENTITY_MIGRATION = '20261126000000_article_identity';

/** The migration folders as Prisma sees them, with the sha-256 of each file's bytes. */
function migrationFolders(dir = MIGRATIONS_DIR) {
  return fs
    .readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, 'migration.sql')))
    .sort()
    .map((name) => ({
      name,
      checksum: createHash('sha256')
        .update(fs.readFileSync(path.join(dir, name, 'migration.sql')))
        .digest('hex'),
    }));
}

/** A copy of prisma/migrations that a test may change. */
function copyOfMigrations(): string {
  const dir = makeTempDir('migrations');
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

/** Migrates the database at `url` up to the migration `first`, not included: what it then applies is returned. */
async function migrateBefore(url: string, first: string): Promise<string[]> {
  const earlier = copyOfMigrations();
  const added = migrationFolders()
    .map((folder) => folder.name)
    .filter((name) => name >= first);
  for (const name of added) fs.rmSync(path.join(earlier, name), { recursive: true });
  await migrate(url, earlier);
  return added;
}

describe.each(kinds)('migrations on the %s database', (kind) => {
  let db: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase(kind, { migrated: false });
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });
  // Each test starts from a database that has never been migrated (the migrations also make the
  // import's scratch schema, import_work).
  beforeEach(async () => {
    await client.query('DROP SCHEMA IF EXISTS import_work CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  });
  afterEach(async () => {
    await client.query('DROP SCHEMA IF EXISTS prisma_reference CASCADE');
  });

  /** Migrates the database as it was before `migration`; returns the names of that one and those after it. */
  async function migrateUpTo(migration: string): Promise<string[]> {
    const earlier = copyOfMigrations();
    const added = migrationFolders()
      .map((folder) => folder.name)
      .filter((name) => name >= migration);
    for (const name of added) fs.rmSync(path.join(earlier, name), { recursive: true });
    await migrate(db.url, earlier);
    return added;
  }

  async function ledger() {
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
       FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    return rows;
  }

  async function columnsOf(schema: string) {
    const { rows } = await client.query(
      `SELECT column_name, ordinal_position, data_type, character_maximum_length, is_nullable, column_default
       FROM information_schema.columns
       WHERE table_schema = $1 AND table_name = '_prisma_migrations' ORDER BY ordinal_position`,
      [schema],
    );
    return rows;
  }

  test("the ledger has the columns of the one Prisma's schema engine creates", async () => {
    await migrate(db.url);
    await client.query(`CREATE SCHEMA prisma_reference; SET search_path TO prisma_reference;
      ${prismaLedgerDefinition()}; SET search_path TO public`);

    const ours = await columnsOf('public');

    expect(ours.length).toBeGreaterThan(0);
    expect(ours).toEqual(await columnsOf('prisma_reference'));
  });

  test('a fresh database gets one finished ledger row per migration folder, with the sha-256 of its file', async () => {
    const result = await migrate(db.url);

    const folders = migrationFolders();
    expect(result.applied).toEqual(folders.map((folder) => folder.name));
    expect(await ledger()).toEqual(
      folders.map(({ name, checksum }) => ({
        migration_name: name,
        checksum,
        finished_at: expect.any(Date),
        rolled_back_at: null,
        applied_steps_count: 1,
      })),
    );
  });

  test('migrating an up-to-date database applies nothing', async () => {
    await migrate(db.url);
    const before = await ledger();

    const second = await migrate(db.url);

    expect(second).toEqual({ applied: [], alreadyApplied: migrationFolders().length, notes: [] });
    expect(await ledger()).toEqual(before);
  });

  test('an applied migration that was edited afterwards is refused with a message naming it', async () => {
    const dir = copyOfMigrations();
    await migrate(db.url, dir);
    const [first] = migrationFolders(dir);
    fs.appendFileSync(path.join(dir, first?.name ?? '', 'migration.sql'), '\n-- an afterthought\n');

    await expect(migrate(db.url, dir)).rejects.toThrow(
      `Migration ${first?.name} was changed after it was applied (checksum differs). ` +
        'Write a new migration instead of editing an applied one.',
    );
  });

  test('a migration that fails is named, and none of it is applied', async () => {
    const dir = copyOfMigrations();
    fs.mkdirSync(path.join(dir, '29991231000000_broken'));
    fs.writeFileSync(
      path.join(dir, '29991231000000_broken', 'migration.sql'),
      'CREATE TABLE "half_done" ("id" INTEGER);\nALTER TABLE "no_such_table" ADD COLUMN "x" INTEGER;\n',
    );

    await expect(migrate(db.url, dir)).rejects.toThrow(
      'Migration 29991231000000_broken failed: relation "no_such_table" does not exist',
    );

    const { rows } = await client.query(`SELECT to_regclass('half_done') AS table`);
    expect(rows).toEqual([{ table: null }]);
    expect((await ledger()).map((row) => row.migration_name)).toEqual(migrationFolders().map((folder) => folder.name));
  });

  test('npm run db:migrate says what it applied, then that the database is up to date', async () => {
    const names = migrationFolders().map((folder) => folder.name);

    const first = await runScript('scripts/migrate.ts', [], childEnv(db));
    const second = await runScript('scripts/migrate.ts', [], childEnv(db));

    expect([first.code, second.code]).toEqual([0, 0]);
    expect(first.stdout.trim()).toBe(`Applied ${names.length} migration(s): ${names.join(', ')}`);
    expect(second.stdout.trim()).toBe(`Up to date: ${names.length} migration(s) already applied.`);
  });
  test('articles stored before identities existed get theirs, and a re-import then updates them in place', async () => {
    const added = await migrateUpTo(IDENTITY_MIGRATION);
    await client.query(`INSERT INTO sections (slug, name) VALUES ('world', 'World')`);
    const columns = `slug, headline, section_id, body, word_count, published_at, updated_at, content_hash`;
    const stored = `'[{"type":"paragraph","text":"Stored before identities."}]', 3, now(), now(), 'before'`;
    await client.query(
      `INSERT INTO articles (${columns}) VALUES
         ('trumps-plan', 'Trump’s Plan!', 1, ${stored}),
         ('uns-inactivity-is-unacceptable', '‘UN’s inactivity is unacceptable’', 1, ${stored}),
         -- The same article stored again, under a slug an older rule made.
         ('un-s-inactivity-is-unacceptable', 'UN’s inactivity is unacceptable', 1, ${stored})`,
    );
    // More rows than one batch of the backfill takes.
    await client.query(
      `INSERT INTO articles (${columns})
       SELECT 'filler-report-' || n, 'Filler report #' || n, 1, ${stored} FROM generate_series(1, 2500) AS n`,
    );

    const result = await migrate(db.url);

    expect(result.applied).toEqual(added);
    expect(result.notes).toEqual([
      'article un-s-inactivity-is-unacceptable has the headline of an earlier article ("uns inactivity is unacceptable"): re-imports update that one',
      'found the language of 2503 stored articles',
    ]);
    const { rows } = await client.query<{ slug: string; identity: string }>(
      `SELECT slug, identity FROM articles WHERE slug NOT LIKE 'filler-report-%' OR slug = 'filler-report-2500' ORDER BY id`,
    );
    expect(rows).toEqual([
      { slug: 'trumps-plan', identity: 'trumps plan' },
      { slug: 'uns-inactivity-is-unacceptable', identity: 'uns inactivity is unacceptable' },
      {
        slug: 'un-s-inactivity-is-unacceptable',
        identity: expect.stringMatching(/^uns inactivity is unacceptable #\d+$/),
      },
      { slug: 'filler-report-2500', identity: 'filler report 2500' },
    ]);
    const missing = await client.query(`SELECT count(*)::int AS n FROM articles WHERE identity IS NULL`);
    expect(missing.rows).toEqual([{ n: 0 }]);
    await expect(
      client.query(`INSERT INTO articles (${columns}) VALUES ('no-identity', 'No identity', 1, ${stored})`),
    ).rejects.toThrow(/null value in column "identity"/);

    const run = writeDocuments({
      'again.txt': listingDocument([
        { headline: 'trumps plan', section: 'World', paragraphs: ['Rewritten after the migration.'] },
        { headline: 'UN’s inactivity is unacceptable', section: 'World', paragraphs: ['Also rewritten.'] },
      ]),
    });
    const report = await importDocuments(db.pool, await readDocuments([run]));

    expect(report.totals).toMatchObject({ created: 0, updated: 2, unchanged: 0 });
    expect(report.changed.map((article) => article.slug)).toEqual(['trumps-plan', 'uns-inactivity-is-unacceptable']);
    const text = async (slug: string) => (await loadArticle(db.prisma, slug))?.body.map((block) => block.text);
    expect(await text('trumps-plan')).toEqual(['Rewritten after the migration.']);
    expect(await text('uns-inactivity-is-unacceptable')).toEqual(['Also rewritten.']);
    expect(await text('un-s-inactivity-is-unacceptable')).toEqual(['Stored before identities.']);
  });

  test('stored articles get their own-letters identity and keep their addresses; a removal made before still holds', async () => {
    const added = await migrateUpTo(OWN_LETTERS_MIGRATION);
    await client.query(`INSERT INTO sections (slug, name) VALUES ('world', 'World')`);
    const columns = `slug, identity, date_key, headline, section_id, body, word_count, published_at, updated_at, content_hash`;
    const stored = `1, '[{"type":"paragraph","text":"Stored before own letters."}]', 3, now(), now(), 'before'`;
    // As the old rule identified them (ASCII transliteration).
    await client.query(
      `INSERT INTO articles (${columns}) VALUES
         ('deja-vu-in-sao-paulo', 'deja vu in sao paulo', '', 'Déjà vu in São Paulo', ${stored}),
         ('mery-ukhodyat', 'mery ukhodyat', '', 'Мэры уходят', ${stored}),
         ('morning-briefing', 'morning briefing', '2026-12-01', 'Morning briefing', ${stored}),
         ('morning-briefing-2', 'morning briefing', '2026-12-02', 'Morning Briefing!', ${stored}),
         -- Two the old rule told apart (it spelt the euro sign out), the new one reads as one.
         ('e5-tickets', 'e5 tickets', '', '€5 tickets', ${stored}),
         ('5-tickets', '5 tickets', '', '5 tickets', ${stored})`,
    );
    await client.query(
      `INSERT INTO authors (identity, slug, name) VALUES ('สมศกด', 'u-000000000001', 'สมศักดิ์'), ('zoe smith', 'zoe-smith', 'Zoë Smith')`,
    );
    // A legal removal made under the old rule: only the hashes of its old identity and address remain.
    await client.query(
      `INSERT INTO legal_removals (identity_hash, address_hashes, reason) VALUES ($1, $2, 'Court order')`,
      [identityHash('mery ushli', ''), [addressHash('mery-ushli')]],
    );

    const result = await migrate(db.url);

    expect(result.applied).toEqual(added);
    expect(result.notes).toEqual([
      'article 5-tickets has the headline of an earlier article ("5 tickets"): re-imports update that one',
    ]);
    const { rows } = await client.query<{ slug: string; identity: string }>(
      `SELECT slug, identity FROM articles ORDER BY id`,
    );
    expect(rows).toEqual([
      { slug: 'deja-vu-in-sao-paulo', identity: 'déjà vu in são paulo' },
      { slug: 'mery-ukhodyat', identity: 'мэры уходят' },
      { slug: 'morning-briefing', identity: 'morning briefing' },
      { slug: 'morning-briefing-2', identity: 'morning briefing' },
      { slug: 'e5-tickets', identity: '5 tickets' },
      { slug: '5-tickets', identity: expect.stringMatching(/^5 tickets #\d+$/u) },
    ]);
    const authors = await client.query(`SELECT slug, identity FROM authors ORDER BY id`);
    expect(authors.rows).toEqual([
      { slug: 'u-000000000001', identity: 'สมศักดิ์' },
      { slug: 'zoe-smith', identity: 'zoe smith' },
    ]);
    expect((await client.query(`SELECT to_regclass('article_identity_next') AS t`)).rows).toEqual([{ t: null }]);

    const run = writeDocuments({
      'again.txt': listingDocument([
        { headline: 'Мэры уходят!', section: 'World', paragraphs: ['Rewritten after the migration.'] },
        { headline: 'Меры уходят', section: 'World', paragraphs: ['Measures, another article.'] },
        { headline: 'Déjà vu in São Paulo', section: 'World', paragraphs: ['Also rewritten.'] },
        { headline: 'Deja vu in Sao Paulo', section: 'World', paragraphs: ['Without its accents: another.'] },
        // What the removal removed, and what the old rule read as the same: neither is published.
        { headline: 'Мэры ушли', section: 'World', paragraphs: ['Removed.'] },
        { headline: 'Меры ушли', section: 'World', paragraphs: ['Merged by the old rule.'] },
      ]),
    });
    const report = await importDocuments(db.pool, await readDocuments([run]));

    expect(report.totals).toMatchObject({ created: 2, updated: 2, withdrawn: 2, problems: 0 });
    const text = async (slug: string) => (await loadArticle(db.prisma, slug))?.body.map((block) => block.text);
    expect(await text('mery-ukhodyat')).toEqual(['Rewritten after the migration.']);
    expect(await text('mery-ukhodyat-2')).toEqual(['Measures, another article.']);
    expect(await text('deja-vu-in-sao-paulo')).toEqual(['Also rewritten.']);
    expect(await text('deja-vu-in-sao-paulo-2')).toEqual(['Without its accents: another.']);
    const removals = await client.query(`SELECT ascii_identity FROM legal_removals`);
    expect(removals.rows).toEqual([{ ascii_identity: true }]);
  });

  test('a section called Tags moves to tags-section with its articles, its old slug recorded for the redirects', async () => {
    const added = await migrateUpTo(NEWSROOM_MIGRATION);
    // `tags-section` is taken too: the moved one takes the next free name.
    await client.query(
      `INSERT INTO sections (slug, name) VALUES ('tags', 'Tags'), ('tags-section', 'Tags Section'), ('world', 'World')`,
    );
    const columns = `slug, identity, section_id, headline, body, word_count, published_at, updated_at, content_hash`;
    const stored = `'[{"type":"paragraph","text":"Stored under Tags."}]', 3, now(), now(), 'before'`;
    await client.query(
      `INSERT INTO articles (${columns})
       SELECT 'tagged-report-' || n, 'tagged report ' || n, (SELECT id FROM sections WHERE slug = 'tags'),
              'Tagged report ' || n, ${stored} FROM generate_series(1, 25) AS n`,
    );
    // As the import keeps it.
    await client.query(`UPDATE sections SET article_count = 25 WHERE slug = 'tags'`);

    const result = await migrate(db.url);

    expect(result.applied).toEqual(added);
    const sections = await client.query<{ slug: string; name: string; article_count: number }>(
      `SELECT slug, name, article_count FROM sections ORDER BY id`,
    );
    expect(sections.rows).toEqual([
      { slug: 'tags-section-2', name: 'Tags', article_count: 25 },
      { slug: 'tags-section', name: 'Tags Section', article_count: 0 },
      { slug: 'world', name: 'World', article_count: 0 },
    ]);
    expect(await loadMovedSection(db.prisma, 'tags')).toBe('tags-section-2');
    expect(await loadMovedSection(db.prisma, 'authors')).toBeNull();
    const page = await loadSectionPage(db.prisma, 'tags-section-2', 2);
    expect(page).toMatchObject({ section: { slug: 'tags-section-2', name: 'Tags' }, page: 2, pageCount: 2, total: 25 });
    expect(page?.articles).toHaveLength(5);
    expect((await loadArticle(db.prisma, 'tagged-report-7'))?.section).toEqual({
      slug: 'tags-section-2',
      name: 'Tags',
    });
  });

  test('a section called Corrections moves to corrections-section with its articles, its old slug recorded for the redirects', async () => {
    const added = await migrateUpTo(CORRECTIONS_MIGRATION);
    await client.query(`INSERT INTO sections (slug, name, article_count) VALUES ('corrections', 'Corrections', 1)`);
    await client.query(
      `INSERT INTO articles (slug, identity, section_id, headline, body, word_count, published_at, updated_at, content_hash)
       VALUES ('a-correction-column', 'a correction column', (SELECT id FROM sections WHERE slug = 'corrections'),
               'A correction column', '[{"type":"paragraph","text":"Stored under Corrections."}]', 3, now(), now(), 'before')`,
    );

    const result = await migrate(db.url);

    expect(result.applied).toEqual(added);
    expect((await client.query(`SELECT slug, name FROM sections`)).rows).toEqual([
      { slug: 'corrections-section', name: 'Corrections' },
    ]);
    expect(await loadMovedSection(db.prisma, 'corrections')).toBe('corrections-section');
    expect((await loadArticle(db.prisma, 'a-correction-column'))?.section).toEqual({
      slug: 'corrections-section',
      name: 'Corrections',
    });
  });

  test('articles stored before languages existed get theirs found from their text, and nothing else of them changes', async () => {
    const added = await migrateUpTo(LANGUAGE_MIGRATION);
    await client.query(`INSERT INTO sections (slug, name, article_count) VALUES ('world', 'World', 2)`);
    const updatedAt = new Date('2026-11-01T10:00:00.000Z');
    await client.query(
      `INSERT INTO articles (slug, identity, section_id, headline, body, word_count, published_at, updated_at, content_hash)
       SELECT v.slug, v.slug, (SELECT id FROM sections), v.headline, v.body::jsonb, 10, $1, $1, 'before'
         FROM (VALUES ('peregovory', 'Переговоры в Астане завершились',
                       '[{"type":"paragraph","text":"Министр иностранных дел заявил, что встреча была полезной для всех сторон."}]'),
                      ('talks', 'Talks in Astana end',
                       '[{"type":"paragraph","text":"Talks in Astana ended without a joint statement, the minister said."}]'))
              AS v(slug, headline, body)`,
      [updatedAt],
    );

    const result = await migrate(db.url);

    expect(result.applied).toEqual(added);
    expect(result.notes).toContain('found the language of 2 stored articles');
    const { rows } = await client.query(
      `SELECT slug, language, language_given, updated_at, content_hash FROM articles ORDER BY slug`,
    );
    expect(rows).toEqual([
      { slug: 'peregovory', language: 'ru', language_given: false, updated_at: updatedAt, content_hash: 'before' },
      { slug: 'talks', language: 'en', language_given: false, updated_at: updatedAt, content_hash: 'before' },
    ]);
    expect(await client.query(`SELECT count(*)::int AS n FROM article_revisions`)).toMatchObject({ rows: [{ n: 0 }] });
  });

  test('the search index is rebuilt in each stored article’s language, its CJK words split, nothing else of it changed', async () => {
    const added = await migrateBefore(db.url, SEARCH_LANGUAGES_MIGRATION);
    await client.query(`INSERT INTO sections (slug, name, article_count) VALUES ('world', 'World', 3)`);
    const updatedAt = new Date('2026-11-01T10:00:00.000Z');
    await client.query(
      `INSERT INTO articles (slug, identity, section_id, headline, body, word_count, published_at, updated_at,
                             content_hash, language)
       SELECT v.slug, v.slug, (SELECT id FROM sections), v.headline, v.body::jsonb, 10, $1, $1, 'before', v.language
         FROM (VALUES ('peregovory', 'Министр завершил переговоры', 'ru',
                       '[{"type":"paragraph","text":"Переговоры завершились в пятницу."}]'),
                      ('astana', 'Astana 阿斯塔纳谈判结束', 'zh',
                       '[{"type":"paragraph","text":"各方代表在阿斯塔纳举行了新一轮谈判。"}]'),
                      ('bridges', 'Harbour bridges reopen', 'en',
                       '[{"type":"paragraph","text":"Both bridges carry traffic again."}]'))
              AS v(slug, headline, language, body)`,
      [updatedAt],
    );
    const found = async (query: string) =>
      (await loadSearchResults(db.prisma, query, 1)).hits.map((hit) => hit.slug).sort();

    const result = await migrate(db.url);

    expect(result.applied).toEqual(added);
    expect(result.notes).toContain('split into words the search text of 1 stored article');
    expect(await found('министра')).toEqual(['peregovory']);
    expect(await found('завершилась')).toEqual(['peregovory']);
    expect(await found('谈判')).toEqual(['astana']);
    expect(await found('阿斯塔纳')).toEqual(['astana']);
    expect(await found('bridge')).toEqual(['bridges']);
    const { rows } = await client.query(`SELECT slug, updated_at, content_hash FROM articles ORDER BY slug`);
    expect(rows).toEqual(
      ['astana', 'bridges', 'peregovory'].map((slug) => ({ slug, updated_at: updatedAt, content_hash: 'before' })),
    );
  });
});
