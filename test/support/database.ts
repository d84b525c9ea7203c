import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { createPool } from '@/lib/db/pool';
import { openEmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { POSTGRES_ADMIN_URL, createDatabase, dropDatabase } from '@/lib/db/server-databases';
import { makeEmbeddedDataDir } from './embedded-data-dir';
import { makeTempDir } from './temp-dir';

export { makeTempDir };

export type DatabaseKind = 'embedded' | 'postgres';

export interface TestDatabase {
  kind: DatabaseKind;
  url: string;
  prisma: PrismaClient;
  /** A pool with the import's settings, for importDocuments. */
  pool: pg.Pool;
  /** The embedded database's DATA_DIR (embedded only). */
  dataDir?: string;
  drop(): Promise<void>;
}

/** The PostgreSQL server tests create their own databases on (CI and developer machines have one). */
export { POSTGRES_ADMIN_URL };

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Every kind of database the tests run against here: always the embedded one; a real
 * PostgreSQL server too where one answers (a reader's fresh machine has none). In CI
 * the server must answer: a missing one fails the run instead of testing less.
 */
export async function availableDatabaseKinds(): Promise<DatabaseKind[]> {
  if (await postgresReachable()) return ['embedded', 'postgres'];
  if (process.env.CI)
    throw new Error(
      `CI needs the PostgreSQL server at ${POSTGRES_ADMIN_URL} (TEST_POSTGRES_URL), and it does not answer.`,
    );
  console.warn(`No PostgreSQL server at ${POSTGRES_ADMIN_URL}: testing the embedded database only.`);
  return ['embedded'];
}

export interface TestDatabaseOptions {
  /** Apply prisma/migrations (default true); false leaves the database empty. */
  migrated?: boolean;
}

/** A fresh, throwaway database of the given kind, migrated unless told otherwise. */
export async function createTestDatabase(
  kind: DatabaseKind,
  { migrated = true }: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  if (kind === 'embedded') {
    const dataDir = await makeEmbeddedDataDir();
    const embedded = await openEmbeddedDatabase(dataDir);
    if (migrated) await migrate(embedded.url);
    const prisma = createPrismaClient(embedded.url);
    const pool = createPool(embedded.url, 'import');
    return {
      kind,
      url: embedded.url,
      prisma,
      pool,
      dataDir,
      drop: async () => {
        await prisma.$disconnect();
        await pool.end();
        await embedded.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `newsroom_test_${randomBytes(6).toString('hex')}`;
  const url = await createDatabase(POSTGRES_ADMIN_URL, name);
  if (migrated) await migrate(url);
  const prisma = createPrismaClient(url);
  const pool = createPool(url, 'import');
  return {
    kind,
    url,
    prisma,
    pool,
    drop: async () => {
      await prisma.$disconnect();
      await pool.end();
      await dropDatabase(POSTGRES_ADMIN_URL, name);
    },
  };
}

/** Removes every section and article, so that a test starts from an empty site. */
export async function emptyDatabase(db: TestDatabase): Promise<void> {
  await db.prisma.$executeRawUnsafe('TRUNCATE articles, sections RESTART IDENTITY CASCADE');
}

/** The environment of the developer's shell, minus what would point a child process elsewhere. */
function isolatedEnv(): NodeJS.ProcessEnv {
  const { REVALIDATE_SECRET: _secret, SITE_URL: _site, DATABASE_URL: _url, DATA_DIR: _dir, ...env } = process.env;
  return env;
}

/** The environment under which a child process uses the embedded database in `dataDir`. */
export function embeddedEnv(dataDir: string): NodeJS.ProcessEnv {
  return { ...isolatedEnv(), DATABASE_URL: '', DATA_DIR: dataDir };
}

/**
 * The environment under which a child process (the import script) reaches `db`:
 * the embedded one through its DATA_DIR, so that it connects to this process's
 * server; a PostgreSQL one through DATABASE_URL.
 */
export function childEnv(db: TestDatabase): NodeJS.ProcessEnv {
  if (db.dataDir) return embeddedEnv(db.dataDir);
  // No site.json there: the import never tries to notify a site the developer runs.
  return { ...isolatedEnv(), DATABASE_URL: db.url, DATA_DIR: path.join(os.tmpdir(), 'newsroom-no-data-dir') };
}
