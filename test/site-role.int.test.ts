import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { createPrismaClient } from '@/lib/db/client';
import { openDatabaseTarget } from '@/lib/db/connection';
import { openEmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { createPool } from '@/lib/db/pool';
import { primaryWalPosition } from '@/lib/db/read-position';
import { SITE_ROLE, siteConnectionWarning } from '@/lib/db/roles';
import { readDocuments } from '@/lib/documents/read';
import { importDocuments } from '@/lib/importer/import-documents';
import {
  loadArticle,
  loadArticleNeighbours,
  loadContentVersion,
  loadArticleVersions,
  loadFeedArchive,
  loadFrontPage,
  loadLatestArticles,
  loadRelatedArticles,
  loadSectionPage,
  loadSections,
} from '@/lib/queries/loaders';
import { loadSearchResults } from '@/lib/queries/search';
import { loadRecentArticles, loadSitemapArticles, loadSitemapOverview } from '@/lib/queries/sitemap-loaders';
import { POSTGRES_ADMIN_URL, availableDatabaseKinds, embeddedEnv, type DatabaseKind } from './support/database';
import { REFERENCE_FILE, REFERENCE_HEADLINES, listingDocument, uniqueWord, writeDocuments } from './support/documents';
import { makeEmbeddedDataDir } from './support/embedded-data-dir';
import { runScript, runSeed } from './support/cli';

/** A database with its two roles: the owner (migrations, the import) and the site's, which may only read. */
interface RoledDatabase {
  kind: DatabaseKind;
  ownerUrl: string;
  siteUrl: string;
  /** What `npm run seed` and `npm run db:migrate` are given to reach it, as an operator would set it. */
  env: NodeJS.ProcessEnv;
  drop(): Promise<void>;
}

const kinds = await availableDatabaseKinds();
const dropped: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const drop of dropped.splice(0).reverse()) await drop();
});

async function run(url: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** The SQL docs/database.md gives for a PostgreSQL server: what a superuser runs, then what runs in the new database. */
function readmeRoleSql(): { server: string[]; database: string[] } {
  const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../docs/database.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Connections and timeouts'));
  const block = /```sql\n([\s\S]*?)```/u.exec(section)?.[1];
  if (!block) throw new Error('docs/database.md shows no SQL for the roles under "Connections and timeouts"');
  const [server = '', database = ''] = block.split(/^\\c .*$/mu);
  const statements = (text: string) =>
    text
      .split(';')
      .map((statement) => statement.trim())
      .filter(Boolean);
  return { server: statements(server), database: statements(database) };
}

/** A database on the PostgreSQL server whose roles are made with docs/database.md's SQL, with names of this run's own. */
async function serverDatabase(): Promise<RoledDatabase> {
  const tag = randomBytes(5).toString('hex');
  const names = { database: `newsroom_test_${tag}`, owner: `newsroom_owner_${tag}`, site: `newsroom_site_${tag}` };
  const ours = (statement: string) =>
    statement
      .replace(/\bnewsroom_owner\b/gu, names.owner)
      .replace(/\bnewsroom_site\b/gu, names.site)
      .replace(/\bnewsroom\b/gu, names.database);
  const url = (user?: { name: string; password: string }) => {
    const parsed = new URL(POSTGRES_ADMIN_URL);
    if (user) [parsed.username, parsed.password] = [user.name, user.password];
    parsed.pathname = `/${names.database}`;
    return parsed.toString();
  };
  const sql = readmeRoleSql();
  for (const statement of sql.server) await run(POSTGRES_ADMIN_URL, ours(statement));
  const drop = async () => {
    await run(POSTGRES_ADMIN_URL, `DROP DATABASE IF EXISTS "${names.database}" WITH (FORCE)`);
    await run(POSTGRES_ADMIN_URL, `DROP ROLE IF EXISTS "${names.site}"`);
    await run(POSTGRES_ADMIN_URL, `DROP ROLE IF EXISTS "${names.owner}"`);
  };
  dropped.push(drop);
  for (const statement of sql.database) await run(url(), ours(statement));
  const ownerUrl = url({ name: names.owner, password: 'owner-password' });
  const siteUrl = url({ name: names.site, password: 'site-password' });
  return { kind: 'postgres', ownerUrl, siteUrl, env: databaseEnv(siteUrl, ownerUrl), drop };
}

function databaseEnv(siteUrl: string, ownerUrl: string): NodeJS.ProcessEnv {
  // No site.json there: the import never tries to notify a site the developer runs.
  const nowhere = path.join(os.tmpdir(), 'newsroom-no-data-dir');
  return { ...embeddedEnv(nowhere), DATABASE_URL: siteUrl, DATABASE_OWNER_URL: ownerUrl };
}

async function embeddedDatabase(): Promise<RoledDatabase> {
  const dataDir = await makeEmbeddedDataDir();
  const embedded = await openEmbeddedDatabase(dataDir);
  const drop = async () => {
    await embedded.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  dropped.push(drop);
  return { kind: 'embedded', ownerUrl: embedded.url, siteUrl: embedded.siteUrl, env: embeddedEnv(dataDir), drop };
}

/** Migrated and loaded with the reference document, as the owner. */
async function loadedDatabase(kind: DatabaseKind): Promise<RoledDatabase> {
  const db = kind === 'embedded' ? await embeddedDatabase() : await serverDatabase();
  await migrate(db.ownerUrl);
  const pool = createPool(db.ownerUrl, 'import');
  try {
    await importDocuments(pool, await readDocuments([REFERENCE_FILE]));
  } finally {
    await pool.end();
  }
  return db;
}

/** Everything the site's pages, feeds, sitemaps, search, health check and notices read, through `url`. */
async function readEveryPage(url: string) {
  const prisma = createPrismaClient(url);
  try {
    const front = await loadFrontPage(prisma);
    const slug = front.lead?.slug ?? '';
    const section = (await loadSections(prisma))[0]?.slug ?? '';
    const article = await loadArticle(prisma, slug);
    return {
      headlines: (await loadLatestArticles(prisma, 50)).map((a) => a.headline),
      article: article?.headline,
      section: (await loadSectionPage(prisma, section, 1))?.articles.length,
      versions: (await loadArticleVersions(prisma, slug)).length,
      neighbours: await loadArticleNeighbours(prisma, slug),
      related: (await loadRelatedArticles(prisma, slug)).length,
      archive: await loadFeedArchive(prisma, 1),
      search: (await loadSearchResults(prisma, 'the', 1)).total,
      sitemap: await loadSitemapOverview(prisma, 1000),
      sitemapArticles: (await loadSitemapArticles(prisma, 0, 10)).length,
      recent: (await loadRecentArticles(prisma, new Date(0), 10)).length,
      health: [await prisma.article.count(), await prisma.section.count()],
      archives: (await prisma.section.aggregate({ _sum: { articleCount: true } }))._sum.articleCount,
      contentVersion: await loadContentVersion(prisma),
      walPosition: await primaryWalPosition(prisma),
    };
  } finally {
    await prisma.$disconnect();
  }
}

describe.each(kinds)("the site's own database connection (%s)", (kind) => {
  test('reads every table the pages need, and is refused every write, CREATE and the import’s tables', async () => {
    const db = await loadedDatabase(kind);

    const read = await readEveryPage(db.siteUrl);

    expect(read.headlines).toEqual(REFERENCE_HEADLINES);
    expect(read.article).toBe(REFERENCE_HEADLINES[0]);
    expect(read.section).toBeGreaterThan(0);
    expect(read.health).toEqual([REFERENCE_HEADLINES.length, expect.any(Number)]);
    expect(read.contentVersion).not.toBe('');
    expect(read.walPosition).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/u);
    const refused = [
      "INSERT INTO sections (slug, name) VALUES ('intruder', 'Intruder')",
      "UPDATE articles SET headline = 'Defaced'",
      'DELETE FROM articles',
      'TRUNCATE article_revisions',
      'CREATE TABLE public.intruder (id int)',
      'CREATE TEMP TABLE intruder (id int)',
      'CREATE SCHEMA intruder',
      'SELECT count(*) FROM import_work.stage',
    ];
    for (const statement of refused)
      await expect(run(db.siteUrl, statement), statement).rejects.toThrow(/permission denied/);
    const [role] = (
      await run(db.siteUrl, 'SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user')
    ).rows;
    expect(role).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false });
    expect((await readEveryPage(db.siteUrl)).headlines).toEqual(REFERENCE_HEADLINES);

    // A table a later migration makes (as the owner) is readable at once, and only readable.
    await run(db.ownerUrl, 'CREATE TABLE later_migration (id int); INSERT INTO later_migration VALUES (1)');
    expect((await run(db.siteUrl, 'SELECT id FROM later_migration')).rows).toEqual([{ id: 1 }]);
    await expect(run(db.siteUrl, 'INSERT INTO later_migration VALUES (2)')).rejects.toThrow(/permission denied/);
  });

  test('an import (npm run seed) run while the site reads is written as the owner, and the site sees it', async () => {
    const db = await loadedDatabase(kind);
    const site = createPrismaClient(db.siteUrl);
    dropped.push(() => site.$disconnect());
    expect((await loadLatestArticles(site, 50)).length).toBe(REFERENCE_HEADLINES.length);
    const headline = `${uniqueWord()} council approves the harbour plan`;
    const dir = writeDocuments({ 'extra.txt': listingDocument([{ headline, section: 'Local' }]) });

    const seeded = await runSeed([dir], db.env);

    expect(seeded.code, seeded.stderr).toBe(0);
    expect((await loadLatestArticles(site, 50)).map((a) => a.headline)).toContain(headline);
  });

  test('a start with one URL for the site and the import warns that the site can write; with both, it does not', async () => {
    const db = await loadedDatabase(kind);

    const both = await openDatabaseTarget(db.kind === 'embedded' ? { ...db.env, DATABASE_URL: '' } : db.env);
    expect(both.siteUrl).toBe(db.siteUrl);
    expect(both.ownerUrl).toBe(db.ownerUrl);
    expect(await siteConnectionWarning(both)).toBeNull();
    await both.close();

    const one = await openDatabaseTarget({ ...db.env, DATABASE_URL: db.ownerUrl, DATABASE_OWNER_URL: '' });
    expect(one.ownerUrl).toBe(db.ownerUrl);
    const warning = await siteConnectionWarning(one);
    expect(warning).toMatch(/^Warning: the site's database connection can write/u);
    expect(warning).toContain('DATABASE_OWNER_URL');
    expect(warning).toContain('README');
    expect(warning).not.toContain(new URL(db.ownerUrl).password || 'no password');
  });
});

describe.runIf(kinds.includes('postgres'))('a PostgreSQL server with the roles README gives', () => {
  test('npm run db:migrate and npm run seed use DATABASE_OWNER_URL; with the site’s URL alone they are refused', async () => {
    const db = await serverDatabase();
    const siteOnly = { ...db.env, DATABASE_OWNER_URL: '' };

    const refused = await runScript('scripts/migrate.ts', [], siteOnly);
    const migrated = await runScript('scripts/migrate.ts', [], db.env);
    const seedRefused = await runSeed([REFERENCE_FILE], siteOnly);
    const seeded = await runSeed([REFERENCE_FILE], db.env);

    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/permission denied/);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/Applied \d+ migration/);
    expect(seedRefused.code).toBe(1);
    expect(seedRefused.stderr).toMatch(/permission denied/);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect((await readEveryPage(db.siteUrl)).headlines).toEqual(REFERENCE_HEADLINES);
    const owner = await run(db.ownerUrl, 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
    expect(owner.rows).toEqual([{ rolsuper: false }]);
  });
});

describe('a data folder made before the site had a role of its own', () => {
  test('gets the site role at its next start, once, with its password in DATA_DIR (0600), and its tables readable', async () => {
    const dataDir = await makeEmbeddedDataDir();
    dropped.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const before = await openEmbeddedDatabase(dataDir);
    await migrate(before.url);
    const pool = createPool(before.url, 'import');
    await importDocuments(pool, await readDocuments([REFERENCE_FILE]));
    await pool.end();
    // What such a folder holds: the superuser's password only, and no role for the site.
    await run(before.url, `DROP OWNED BY ${SITE_ROLE}; DROP ROLE ${SITE_ROLE}`);
    await before.close();
    fs.rmSync(path.join(dataDir, 'db-site-password'));

    const upgraded = await openEmbeddedDatabase(dataDir);
    dropped.push(() => upgraded.close());
    const again = await openEmbeddedDatabase(dataDir);

    const secret = path.join(dataDir, 'db-site-password');
    expect(fs.statSync(secret).mode & 0o777).toBe(0o600);
    expect(new URL(upgraded.siteUrl).password).toBe(fs.readFileSync(secret, 'utf8').trim());
    expect(new URL(upgraded.siteUrl).username).toBe(SITE_ROLE);
    expect(again.siteUrl).toBe(upgraded.siteUrl);
    expect((await readEveryPage(upgraded.siteUrl)).headlines).toEqual(REFERENCE_HEADLINES);
    await expect(run(upgraded.siteUrl, 'DELETE FROM articles')).rejects.toThrow(/permission denied/);
    const guessed = new URL(upgraded.siteUrl);
    guessed.password = 'guessed';
    await expect(run(guessed.toString(), 'SELECT 1')).rejects.toThrow(/password authentication failed/);
  });
});
