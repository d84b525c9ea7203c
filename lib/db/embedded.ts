import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { WireServer } from './wire-server';

/**
 * The embedded PostgreSQL (PGlite) used when DATABASE_URL is unset.
 *
 * Only one PGlite may ever open a data directory, so the first process that
 * needs it takes `<DATA_DIR>/embedded.lock` (O_EXCL), opens the database and
 * serves it on loopback; it writes where it listens to `embedded.json`. Every
 * later process (the import script while the site runs, a second test worker)
 * finds that file and connects to the server instead of opening the files.
 */
export interface EmbeddedDatabase {
  url: string;
  /** True when this process opened the data directory and serves it. */
  owner: boolean;
  close(): Promise<void>;
}

interface ServerInfo {
  pid: number;
  port: number;
  startedAt: string;
}

const HOST = '127.0.0.1';
const WAIT_FOR_SERVER_MS = 60_000;

export function resolveDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || '.data');
}

function urlFor(port: number): string {
  return `postgresql://postgres@${HOST}:${port}/postgres?sslmode=disable`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class EmbeddedDatabaseBusyError extends Error {}

export interface OpenEmbeddedOptions {
  /** How long to wait for a live lock holder to start serving before giving up. */
  waitForServerMs?: number;
}

/** Connects to the embedded server of `dataDir`, starting it in this process if none runs. */
export async function openEmbeddedDatabase(
  dataDir = resolveDataDir(),
  { waitForServerMs = WAIT_FOR_SERVER_MS }: OpenEmbeddedOptions = {},
): Promise<EmbeddedDatabase> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'embedded.lock');
  const infoFile = path.join(dataDir, 'embedded.json');
  const deadline = Date.now() + waitForServerMs;

  for (;;) {
    if (createLock(lockFile)) {
      try {
        return await serve(dataDir, lockFile, infoFile);
      } catch (error) {
        fs.rmSync(lockFile, { force: true });
        throw error;
      }
    }

    const holder = readHolder(lockFile);
    if (holder === null) continue; // its holder just closed the database: try to take it
    if (holder <= 0 || !isAlive(holder)) {
      // The holder died without cleaning up (killed): its lock is stale.
      removeStaleLock(lockFile, infoFile, holder);
      continue;
    }
    if (holder === process.pid) {
      const info = readJson<ServerInfo>(infoFile);
      if (info) return { url: urlFor(info.port), owner: false, close: async () => {} };
    }
    const info = readJson<ServerInfo>(infoFile);
    if (info && info.pid === holder && (await canConnect(info.port))) {
      return { url: urlFor(info.port), owner: false, close: async () => {} };
    }
    if (Date.now() > deadline) {
      throw new EmbeddedDatabaseBusyError(
        `The embedded database in ${dataDir} is held by process ${holder}, which is not serving it` +
          (info ? ` (it should listen on ${HOST}:${info.port})` : '') +
          `. Stop that process, or set DATA_DIR to another folder, or DATABASE_URL to a PostgreSQL server.`,
      );
    }
    await sleep(200);
  }
}

/**
 * Takes the lock if nobody holds it. The lock is written whole under a private
 * name and linked into place, so that it appears with its holder's pid in it:
 * a process that finds it never reads it empty and takes it for stale.
 */
function createLock(lockFile: string): boolean {
  const draft = `${lockFile}.${process.pid}.${randomUUID()}`;
  fs.writeFileSync(draft, String(process.pid));
  try {
    fs.linkSync(draft, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

/** The pid in the lock (0 when unreadable), or null when there is no lock any more. */
function readHolder(lockFile: string): number | null {
  let text: string;
  try {
    text = fs.readFileSync(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : 0;
}

/**
 * Removes the lock of a dead holder. Moved aside before it is checked: another
 * process may have replaced the stale lock since it was read, and removing that
 * fresh lock would let two processes open the data directory.
 */
function removeStaleLock(lockFile: string, infoFile: string, deadHolder: number): void {
  const aside = `${lockFile}.stale.${process.pid}.${randomUUID()}`;
  try {
    fs.renameSync(lockFile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readHolder(aside) === deadHolder) {
    fs.rmSync(infoFile, { force: true });
  } else {
    try {
      fs.linkSync(aside, lockFile);
    } catch {
      // A third process created a lock in the instant it was away. Closing that gap
      // needs OS file locks, which Node does not offer; the gap is a few microseconds.
    }
  }
  fs.rmSync(aside, { force: true });
}

async function serve(dataDir: string, lockFile: string, infoFile: string): Promise<EmbeddedDatabase> {
  const db = await PGlite.create({ dataDir: path.join(dataDir, 'pgdata') });
  const server = new WireServer(db);
  const port = await server.listen(HOST, Number(process.env.EMBEDDED_DB_PORT ?? 0));
  const info: ServerInfo = { pid: process.pid, port, startedAt: new Date().toISOString() };
  fs.writeFileSync(infoFile, JSON.stringify(info));

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await server.close();
      await db.close();
      fs.rmSync(infoFile, { force: true });
      fs.rmSync(lockFile, { force: true });
    })());
  return { url: urlFor(port), owner: true, close };
}
