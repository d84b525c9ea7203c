import pg from 'pg';

/**
 * Every connection pool of the project is made here, with bounded waits: a
 * database that stops answering (not just refuses) turns into an error within
 * seconds, and the pool recovers by itself when it answers again.
 */
export type PoolRole = 'site' | 'import';

const envNumber = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/**
 * Connections an import stages rows over at once (IMPORT_STREAMS, default 2): each PostgreSQL
 * backend computes its rows' search vectors, so a server with more cores takes more. The import
 * opens one more, which plans the next rows while these write.
 */
export function importStreams(): number {
  return Math.floor(envNumber('IMPORT_STREAMS', 2));
}

/** Waits per role, in milliseconds (environment variables override them). */
export function poolSettings(role: PoolRole) {
  if (role === 'site')
    return {
      max: envNumber('DATABASE_POOL_MAX', 10),
      connectTimeout: envNumber('DATABASE_CONNECT_TIMEOUT_MS', 2_000),
      // A reader's query: the server cancels it at 3 s; the client gives up at 3.5 s if the server hangs
      // (with the 2 s to connect, a page that cannot be served is a 503 well within 5 s).
      statementTimeout: envNumber('DATABASE_STATEMENT_TIMEOUT_MS', 3_000),
      idleInTransactionTimeout: 10_000,
    };
  return {
    // An import works on one connection, which holds its advisory lock and its transaction, plans
    // the next rows on another, and stages rows over IMPORT_STREAMS at once, the first one
    // included (lib/importer/write.ts).
    max: importStreams() + 1,
    connectTimeout: envNumber('DATABASE_CONNECT_TIMEOUT_MS', 3_000),
    // An import's bulk statements over a 200 MB document take seconds, not minutes.
    statementTimeout: envNumber('IMPORT_STATEMENT_TIMEOUT_MS', 600_000),
    idleInTransactionTimeout: 60_000,
  };
}

export function createPool(url: string, role: PoolRole): pg.Pool {
  const settings = poolSettings(role);
  const pool = new pg.Pool({
    connectionString: url,
    max: settings.max,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: settings.connectTimeout,
    statement_timeout: settings.statementTimeout,
    query_timeout: settings.statementTimeout + 500,
    idle_in_transaction_session_timeout: settings.idleInTransactionTimeout,
    lock_timeout: role === 'site' ? settings.statementTimeout : 0,
    keepAlive: true,
    application_name: `newsroom-${role}`,
  });
  // An idle connection the server dropped (restart, timeout) is not an error of anyone's request.
  pool.on('error', () => undefined);
  return pool;
}
