import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { migrate, MIGRATIONS_DIR } from '@/lib/db/migrate';
import { poolReader } from '@/lib/db/sql-reader';
import { importDocuments } from '@/lib/importer/import-documents';
import { historyChain, loadArticleChain, loadArticleHistory, loadVersionCount } from '@/lib/queries/versions';
import { brokenAt } from '@/lib/versions/chain';
import { versionMarkdown } from '@/lib/versions/markdown';
import { withdrawArticle } from '@/lib/withdrawal/actions';
import {
  availableDatabaseKinds,
  createTestDatabase,
  emptyDatabase,
  makeTempDir,
  type TestDatabase,
} from './support/database';
import { listingDocument, type DocumentArticle } from './support/documents';

const kinds = await availableDatabaseKinds();

const FIRST = new Date('2026-11-25T08:00:00.000Z');
const SECOND = new Date('2026-11-25T09:30:00.000Z');
const THIRD = new Date('2026-11-25T11:00:00.000Z');
const SALT = /^[0-9a-f]{64}$/u;
const VERSIONS_MIGRATION = '20261207000000_version_salts';

const article = (headline: string, paragraphs: string[]): DocumentArticle => ({
  headline,
  section: 'World',
  paragraphs,
});
const slugOf = (headline: string) => headline.toLowerCase().replace(/[^a-z0-9]+/gu, '-');

describe.each(kinds)('versions and their chain (%s database)', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  }, 120_000);
  afterAll(async () => db?.drop());
  beforeEach(async () => emptyDatabase(db));

  const load = (articles: DocumentArticle[], now: Date) =>
    importDocuments(db.pool, [{ file: 'listing.txt', bytes: Buffer.from(listingDocument(articles)) }], { now });
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

describe.each(kinds)('the migration that adds the salts (%s database)', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind, { migrated: false });
  }, 120_000);
  afterAll(async () => db?.drop());

  test('articles and versions stored before it get a random salt each, and a version stored later must carry one', async () => {
    const earlier = makeTempDir('migrations');
    fs.cpSync(MIGRATIONS_DIR, earlier, { recursive: true });
    for (const name of fs.readdirSync(earlier).filter((name) => name >= VERSIONS_MIGRATION)) {
      fs.rmSync(path.join(earlier, name), { recursive: true });
    }
    await migrate(db.url, earlier);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`INSERT INTO sections (slug, name, article_count) VALUES ('world', 'World', 2)`);
      await client.query(
        `INSERT INTO articles (slug, identity, section_id, headline, body, word_count, published_at, updated_at, content_hash)
         SELECT v.slug, v.slug, (SELECT id FROM sections), v.slug, '[{"type":"paragraph","text":"Stored before salts."}]',
                3, $1, $1, 'before'
           FROM (VALUES ('one'), ('two')) AS v(slug)`,
        [FIRST],
      );
      await client.query(
        `INSERT INTO article_revisions (article_id, version_of, replaced_at, headline, section_id, body, content_hash)
         SELECT id, $1, $1, headline, section_id, body, 'older' FROM articles`,
        [new Date('2026-11-24T08:00:00.000Z')],
      );

      const result = await migrate(db.url);
      expect(result.applied).toContain(VERSIONS_MIGRATION);
      const { rows } = await client.query<{ salt: string }>(
        `SELECT version_salt AS salt FROM articles UNION ALL SELECT salt FROM article_revisions`,
      );
      expect(rows).toHaveLength(4);
      expect(rows.every((row) => SALT.test(row.salt))).toBe(true);
      expect(new Set(rows.map((row) => row.salt)).size).toBe(4);
      // An insert of a version must say its salt: the column has no default after the migration.
      await expect(
        client.query(
          `INSERT INTO article_revisions (article_id, version_of, replaced_at, headline, section_id, body, content_hash)
           SELECT id, now(), now(), headline, section_id, body, 'x' FROM articles LIMIT 1`,
        ),
      ).rejects.toThrow(/salt/u);
    } finally {
      await client.end();
    }
  });
});
