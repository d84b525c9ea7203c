import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { backfillArticleIdentity } from './article-identity-backfill';
import { backfillArticleLanguage } from './article-language-backfill';
import { stageOwnLettersIdentity } from './own-letters-identity';
import { rebuildSegmentedSearch } from './article-search-rebuild';

/**
 * Applies prisma/migrations/<stamp>_<name>/migration.sql in order, each in its
 * own transaction, keeping Prisma's `_prisma_migrations` ledger (same columns,
 * sha-256 of the file) so that `prisma migrate status/deploy` agree with it.
 * A few migrations need rows filled in by JavaScript first (BEFORE_MIGRATION):
 * `prisma migrate deploy`, which knows nothing of those steps, would stop there.
 */
export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
  /** What the data steps want the operator to know (e.g. stored articles set aside). */
  notes: string[];
}

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');
// Prisma's own advisory lock key, so its CLI and this runner never migrate at once.
const ADVISORY_LOCK_KEY = 72707369;

export class MigrationError extends Error {}

/**
 * Data steps in JavaScript, each run just before the migration it is keyed by, when that
 * migration is pending. A step runs outside any transaction (in batches of its own), must
 * be safe to run again (a run cut short resumes), and is not in the ledger: the migration
 * after it is, and that migration is what relies on it.
 */
const BEFORE_MIGRATION: Record<string, (client: pg.Client) => Promise<string[]>> = {
  // Stored articles need their identity before the column becomes NOT NULL; the
  // normalisation (ASCII transliteration) lives in lib/slug.ts, not in SQL.
  '20261126000100_article_identity_required': backfillArticleIdentity,
  // Stored articles need their language before it becomes NOT NULL; it is found by the
  // detector the import uses (lib/language.ts), JavaScript, not SQL.
  '20261206000100_article_language_required': backfillArticleLanguage,
  // The own-letters identities (NFKC, Unicode case folding) are JavaScript's too; the migration swaps them in.
  '20261206000200_own_letters_identity': stageOwnLettersIdentity,
  // Stored articles in scripts written without spaces get their search words split
  // (lib/search/segment.ts, Intl.Segmenter: JavaScript, not SQL) after the index's rebuild.
  '20261208000100_article_search_segmented': rebuildSegmentedSearch,
};

export function listMigrations(dir = MIGRATIONS_DIR): Array<{ name: string; sql: string; checksum: string }> {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export async function migrate(url: string, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  // Bounded like every pool (lib/db/pool.ts): a database that does not answer is an error, not a hang.
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, query_timeout: 600_000 });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const applied: string[] = [];
    const notes: string[] = [];
    for (const migration of listMigrations(dir)) {
      const checksum = done.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.name} was changed after it was applied (checksum differs). ` +
              `Write a new migration instead of editing an applied one.`,
          );
        }
        continue;
      }
      const before = BEFORE_MIGRATION[migration.name];
      if (before) {
        try {
          notes.push(...(await before(client)));
        } catch (error) {
          throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
        }
      }
      try {
        await client.query('BEGIN');
        const id = randomUUID();
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
          [id, migration.checksum, migration.name],
        );
        await client.query(migration.sql);
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: done.size, notes };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
