import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrate, MIGRATIONS_DIR } from '@/lib/db/migrate';
import { availableDatabaseKinds, createTestDatabase, makeTempDir, type TestDatabase } from './support/database';

const kinds = await availableDatabaseKinds();

const FIRST = new Date('2026-11-25T08:00:00.000Z');
const SALT = /^[0-9a-f]{64}$/u;
/** The migration that gave every version its salt (docs/versions.md). */
const VERSIONS_MIGRATION = '20261207000000_version_salts';

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
