import pg from 'pg';

/**
 * Databases made and dropped on a PostgreSQL server, for what needs one of its own: the
 * bench, and the integration and browser tests. `adminUrl` names a role that may create
 * databases (and a database to connect to meanwhile); names are the caller's own, quoted.
 */

/** The PostgreSQL server the bench and the tests make their databases on. */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function asAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The URL of database `name` on the server of `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops database `name` if it exists, closing whatever is still connected to it. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await asAdmin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** A new, empty database `name` (one left by an earlier run is dropped first): its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  await dropDatabase(adminUrl, name);
  await asAdmin(adminUrl, `CREATE DATABASE "${name}"`);
  return databaseUrl(adminUrl, name);
}
