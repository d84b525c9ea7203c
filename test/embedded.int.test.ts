import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, test } from 'vitest';
import { createPrismaClient } from '@/lib/db/client';
import { openEmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { createPool } from '@/lib/db/pool';
import { readDocuments } from '@/lib/documents/read';
import { importDocuments } from '@/lib/importer/import-documents';
import { loadLatestArticles } from '@/lib/queries/loaders';
import { childEnv, createTestDatabase, makeTempDir, type TestDatabase } from './support/database';
import { REFERENCE_FILE, REFERENCE_HEADLINES } from './support/documents';
import { makeEmbeddedDataDir } from './support/embedded-data-dir';
import { startEmbeddedHolder, type EmbeddedHolder } from './support/embedded-holder';
import { runSeed } from './support/cli';
import { startTcpProxy } from './support/tcp-proxy';

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function testDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase('embedded');
  cleanups.push(() => db.drop());
  await importDocuments(db.pool, await readDocuments([REFERENCE_FILE]));
  return db;
}

const pidFile = (dataDir: string) => path.join(dataDir, 'pgdata', 'postmaster.pid');
const serverPid = (dataDir: string) => Number(fs.readFileSync(pidFile(dataDir), 'utf8').split('\n')[0]);

/** A live process, not one that is gone or a zombie waiting to be reaped. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Kills a holder and everything in its process group (the server it started), as `kill -9 -PGID` does. */
async function killGroup(holder: EmbeddedHolder): Promise<void> {
  try {
    process.kill(-holder.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  await holder.exited;
}

async function holder(dataDir: string): Promise<EmbeddedHolder> {
  const started = await startEmbeddedHolder(dataDir);
  cleanups.push(() => killGroup(started));
  return started;
}

async function headlines(url: string): Promise<string[]> {
  const prisma = createPrismaClient(url);
  try {
    return (await loadLatestArticles(prisma, 50)).map((a) => a.headline);
  } finally {
    await prisma.$disconnect();
  }
}

async function query(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('the embedded PostgreSQL server', () => {
  test('a second process (the import script) connects to the server the first one started', async () => {
    const db = await testDatabase();
    const dataDir = db.dataDir ?? '';
    const server = serverPid(dataDir);

    const run = await runSeed([REFERENCE_FILE], childEnv(db));

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('0 created, 0 updated, 3 unchanged');
    expect(serverPid(dataDir)).toBe(server);
    expect(isAlive(server)).toBe(true);
  });

  test('after kill -9 of the whole process group, the next start recovers from the stale pid file, data intact', async () => {
    const dataDir = await makeEmbeddedDataDir();
    const first = await holder(dataDir);
    await migrate(first.url);
    const pool = createPool(first.url, 'import');
    await importDocuments(pool, await readDocuments([REFERENCE_FILE]));
    await pool.end();
    const killedServer = serverPid(dataDir);

    await killGroup(first);

    await expect.poll(() => isAlive(killedServer)).toBe(false);
    expect(fs.existsSync(pidFile(dataDir))).toBe(true);
    for (let restart = 0; restart < 2; restart++) {
      const next = await holder(dataDir);
      expect(await headlines(next.url)).toEqual(REFERENCE_HEADLINES);
      await killGroup(next);
    }
  });

  test('a stale pid file whose pid now belongs to another live process does not stop the next start', async () => {
    const dataDir = await makeEmbeddedDataDir();
    const stranger = spawn('sleep', ['60'], { stdio: 'ignore' });
    cleanups.push(() => stranger.kill('SIGKILL'));
    // What a killed server leaves, with its pid reused by an unrelated process (a container restart does that).
    fs.writeFileSync(
      pidFile(dataDir),
      `${stranger.pid}\n${path.join(dataDir, 'pgdata')}\n1764000000\n5999\n\n127.0.0.1\n  0  0\nready   \n`,
    );

    const db = await openEmbeddedDatabase(dataDir);
    cleanups.push(() => db.close());

    expect(db.owner).toBe(true);
    expect((await query(db.url, 'SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    expect(isAlive(stranger.pid ?? 0)).toBe(true);
  });

  test('a holder stopped with SIGTERM stops the server it started and leaves no pid file', async () => {
    const dataDir = await makeEmbeddedDataDir();
    const started = await holder(dataDir);
    const server = serverPid(dataDir);

    process.kill(started.pid, 'SIGTERM');

    expect(await started.exited).toEqual({ code: 143, signal: null });
    expect(fs.existsSync(pidFile(dataDir))).toBe(false);
    expect(isAlive(server)).toBe(false);
  });

  test('processes starting at once on a fresh DATA_DIR share one server', async () => {
    const dataDir = makeTempDir('embedded-fresh');
    fs.chmodSync(dataDir, 0o711);

    const [a, b, c] = await Promise.all([holder(dataDir), holder(dataDir), holder(dataDir)]);

    expect(new Set([a.url, b.url, c.url]).size).toBe(1);
    expect((await query(a.url, 'SELECT count(*)::int AS n FROM pg_stat_activity')).rows[0]).toBeDefined();
  });

  test('lives where its server user can reach it, and DATA_DIR records where, across restarts', async () => {
    // A checkout under a home folder only its owner may enter (CI clones into one).
    const home = makeTempDir('private-home');
    fs.chmodSync(home, 0o700);
    const dataDir = path.join(home, 'data');

    const first = await openEmbeddedDatabase(dataDir);
    await migrate(first.url);
    await query(first.url, "INSERT INTO sections (slug, name) VALUES ('kept', 'Kept')");
    await first.close();
    const record = path.join(dataDir, 'cluster.json');
    if (fs.existsSync(record)) {
      const { cluster } = JSON.parse(fs.readFileSync(record, 'utf8')) as { cluster: string };
      cleanups.push(() => fs.rmSync(path.dirname(cluster), { recursive: true, force: true }));
    }
    const second = await openEmbeddedDatabase(dataDir);
    cleanups.push(() => second.close());

    expect((await query(second.url, 'SELECT name FROM sections')).rows).toEqual([{ name: 'Kept' }]);
    if (process.getuid?.() === 0) {
      // The server runs as `postgres`, which cannot enter the home folder.
      const { cluster } = JSON.parse(fs.readFileSync(record, 'utf8')) as { cluster: string };
      expect(cluster.startsWith(home)).toBe(false);
      expect(fs.existsSync(path.join(cluster, 'PG_VERSION'))).toBe(true);
    } else {
      // The server runs as this user, who can.
      expect(fs.existsSync(record)).toBe(false);
      expect(fs.existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION'))).toBe(true);
    }
  });

  test('nobody reaches it without the password kept in DATA_DIR; it listens on loopback only, with no socket file', async () => {
    const db = await testDatabase();
    const dataDir = db.dataDir ?? '';
    const url = new URL(db.url);

    expect(fs.statSync(path.join(dataDir, 'db-password')).mode & 0o777).toBe(0o600);
    expect(url.password).toBe(fs.readFileSync(path.join(dataDir, 'db-password'), 'utf8').trim());
    url.password = 'guessed';
    await expect(query(url.toString(), 'SELECT 1')).rejects.toThrow(/password authentication failed/);
    const settings = await query(
      db.url,
      "SELECT current_setting('listen_addresses') AS listen, current_setting('unix_socket_directories') AS sockets",
    );
    expect(settings.rows).toEqual([{ listen: '127.0.0.1', sockets: '' }]);
  });

  test('an 8-byte packet declaring length 0 with the SSL-request code is refused, and readers go on', async () => {
    const db = await testDatabase();
    const { hostname, port } = new URL(db.url);
    const socket = net.connect({ host: hostname, port: Number(port) });
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));

    socket.write(Buffer.from('00000000' + '04d2162f', 'hex'));

    await closed; // the server drops the connection
    expect(await headlines(db.url)).toEqual(REFERENCE_HEADLINES);
  });

  test('a client that opens a transaction and goes quiet holds up no reader', async () => {
    const db = await testDatabase();
    const idle = new pg.Client({ connectionString: db.url });
    await idle.connect();
    cleanups.push(() => idle.end());
    await idle.query('BEGIN');
    await idle.query("UPDATE articles SET headline = headline || ' (draft)'");

    expect(await headlines(db.url)).toEqual(REFERENCE_HEADLINES);
    const open = await query(
      db.url,
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'idle in transaction'",
    );
    expect(open.rows).toEqual([{ n: 1 }]);
  });
});

describe("the site's connections", () => {
  test('give up within 5 s on a database that stops answering, and recover by themselves when it answers', async () => {
    const db = await testDatabase();
    const target = new URL(db.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    cleanups.push(() => proxy.close());
    target.port = String(proxy.port);
    const site = createPrismaClient(target.toString());
    cleanups.push(() => site.$disconnect());
    expect((await loadLatestArticles(site, 50)).map((a) => a.headline)).toEqual(REFERENCE_HEADLINES);

    proxy.setMode('hang');
    const started = Date.now();
    await expect(loadLatestArticles(site, 50)).rejects.toThrow();
    const waited = Date.now() - started;
    // A fresh connection to a hung server must give up too, not only the pooled one.
    await expect(site.article.count()).rejects.toThrow();

    proxy.setMode('forward');
    expect((await loadLatestArticles(site, 50)).map((a) => a.headline)).toEqual(REFERENCE_HEADLINES);
    expect(waited).toBeLessThan(5_000);
  });

  test('cancel a reader query that runs longer than the statement timeout', async () => {
    const db = await testDatabase();
    const site = createPool(db.url, 'site');
    cleanups.push(() => site.end());

    await expect(site.query('SELECT pg_sleep(30)')).rejects.toThrow(/statement timeout/);
    expect((await site.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });
});
