import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';

/**
 * The two roles of the site's database:
 * - the owner, which creates and changes the tables (migrations) and writes the articles (the
 *   import): the embedded database's superuser, or the role of DATABASE_OWNER_URL on a server;
 * - the site's role, which may only connect and read the tables of schema `public` (the
 *   site's tables, and the ledger of migrations): no write, no CREATE, no temporary tables,
 *   nothing of the import's own schema. Tables made by later migrations are readable too
 *   (ALTER DEFAULT PRIVILEGES for the owner).
 */
export const SITE_ROLE = 'newsroom_site';

/**
 * What a superuser (or the database's owner) runs to give `site` its rights on `database`,
 * whose tables `owner` creates. Every statement can run again. docs/database.md shows them.
 */
export function siteRoleGrants({ database, owner, site }: { database: string; owner: string; site: string }): string[] {
  const [db, own, reader] = [database, owner, site].map(identifier);
  return [
    `REVOKE ALL ON DATABASE ${db} FROM PUBLIC`,
    `GRANT CONNECT ON DATABASE ${db} TO ${reader}`,
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA public TO ${reader}`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${reader}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${own} IN SCHEMA public GRANT SELECT ON TABLES TO ${reader}`,
  ];
}

const identifier = (name: string) => `"${name.replace(/"/gu, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/gu, "''")}'`;

/**
 * A SCRAM-SHA-256 verifier of `password` (what PostgreSQL stores), so that the password itself
 * never travels in a statement, where the server's log could keep it.
 */
export function scramVerifier(password: string, salt = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const storedKey = createHash('sha256').update(createHmac('sha256', salted).update('Client Key').digest()).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** Does the stored verifier (pg_authid.rolpassword) accept `password`? */
export function verifierAccepts(stored: string | null, password: string): boolean {
  const match = /^SCRAM-SHA-256\$(\d+):([^$]+)\$/u.exec(stored ?? '');
  if (!match || !stored) return false;
  const expected = Buffer.from(scramVerifier(password, Buffer.from(match[2]!, 'base64'), Number(match[1])));
  const actual = Buffer.from(stored);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

// Serialises the role's creation between processes opening the same cluster at once.
const ROLE_LOCK_KEY = 72707370;

/**
 * Makes the embedded database's site role, with `password`, and its rights, unless it has
 * them all already (a data folder made before the role existed gets it on its next start).
 * `client` is connected as the superuser, to the site's database.
 */
export async function ensureSiteRole(client: pg.Client, password: string, site = SITE_ROLE): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [ROLE_LOCK_KEY]);
    const { rows } = await client.query<{ password: string | null; owner: string; database: string }>(
      `SELECT (SELECT rolpassword FROM pg_authid WHERE rolname = $1) AS password,
              current_user AS owner, current_database() AS database`,
      [site],
    );
    const { password: stored, owner, database } = rows[0]!;
    const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [site])).rowCount === 1;
    if (!exists)
      await client.query(
        `CREATE ROLE ${identifier(site)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS ` +
          `PASSWORD ${literal(scramVerifier(password))}`,
      );
    else if (!verifierAccepts(stored, password))
      await client.query(`ALTER ROLE ${identifier(site)} PASSWORD ${literal(scramVerifier(password))}`);
    if (!exists || !(await hasEveryRight(client, site, owner))) {
      for (const statement of siteRoleGrants({ database, owner, site })) await client.query(statement);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Has `site` its rights already (connect, the schema, every table, the tables to come)? */
async function hasEveryRight(client: pg.Client, site: string, owner: string): Promise<boolean> {
  const { rows } = await client.query<{ ok: boolean }>(
    `SELECT has_database_privilege($1, current_database(), 'CONNECT')
        AND has_schema_privilege($1, 'public', 'USAGE')
        AND NOT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public'
                         AND NOT has_table_privilege($1, format('%I.%I', schemaname, tablename), 'SELECT'))
        AND EXISTS (SELECT 1 FROM pg_default_acl
                     WHERE defaclrole = $2::regrole AND defaclnamespace = 'public'::regnamespace
                       AND defaclobjtype = 'r') AS ok`,
    [site, owner],
  );
  return rows[0]?.ok === true;
}

/**
 * What the site says at start-up when its own connection can write: when one URL serves the
 * site and the import (DATABASE_URL without DATABASE_OWNER_URL), or when the role of
 * DATABASE_URL may write anyway (a superuser, or one with write rights). Null when it can only read.
 */
export async function siteConnectionWarning(target: { siteUrl: string; sharedUrl: boolean }): Promise<string | null> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: target.siteUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  let role: { name: string; superuser: boolean; writes: boolean };
  try {
    const { rows } = await client.query<{ name: string; superuser: boolean; writes: boolean }>(
      `SELECT current_user AS name, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
              has_schema_privilege('public', 'CREATE')
              OR EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public'
                          AND has_table_privilege(format('%I.%I', schemaname, tablename),
                                                  'INSERT, UPDATE, DELETE, TRUNCATE')) AS writes`,
    );
    role = rows[0]!;
  } finally {
    await client.end().catch(() => undefined);
  }
  if (!target.sharedUrl && !role.superuser && !role.writes) return null;
  const why = [
    target.sharedUrl ? 'DATABASE_URL serves both the site and the import, and DATABASE_OWNER_URL is not set' : '',
    role.superuser ? `its role "${role.name}" is a superuser` : role.writes ? `its role "${role.name}" may write` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return (
    `Warning: the site's database connection can write (${why}). ` +
    `Give the site a role that may only read (see the README's settings; docs/database.md, "Connections and timeouts", shows the SQL): ` +
    `set DATABASE_URL to that role and DATABASE_OWNER_URL to the role that owns the tables, for migrations and imports.`
  );
}
