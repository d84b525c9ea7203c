import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createClient } from '@redis/client';
import { POSTGRES_ADMIN_URL, createDatabase, dropDatabase } from '../../lib/db/server-databases';

/**
 * Production servers of the site for specs that run several, as a deployment does: a
 * copy of the build (without its caches), a database of their own on the PostgreSQL
 * server, and the server bundle `npm start` runs.
 */
export { POSTGRES_ADMIN_URL };
export const REDIS_TEST_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const build = process.env.NEXT_DIST_DIR || '.next';

/** A copy of the build: every server runs from the same build, as identical instances do. */
export function copyBuild(name: string): { dir: string; remove(): void } {
  fs.rmSync(name, { recursive: true, force: true });
  fs.cpSync(build, name, {
    recursive: true,
    filter: (source) => !['cache', 'route-cache'].includes(path.basename(source)),
  });
  return {
    dir: name,
    remove: () => {
      fs.rmSync(name, { recursive: true, force: true });
      fs.rmSync(`tsconfig.${name}.json`, { force: true });
    },
  };
}

/** A database of the spec's own, with the reference documents loaded; dropped by `drop`. */
export async function seededDatabase(name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const url = await createDatabase(POSTGRES_ADMIN_URL, name);
  const seeded = await runSeed([], { DATABASE_URL: url });
  if (seeded.status !== 0) throw new Error(`seeding ${name} failed:\n${seeded.stdout}\n${seeded.stderr}`);
  return { url, drop: () => dropDatabase(POSTGRES_ADMIN_URL, name) };
}

/**
 * `npm run seed` with this environment; it tells a site only if the environment says which
 * (SITE_URL and REVALIDATE_SECRET). Asynchronous: a proxy in this process must keep forwarding meanwhile.
 */
export function runSeed(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', ...args], {
    env: { ...process.env, DATA_DIR: path.resolve('.tmp/e2e-nobody-runs-here'), REDIS_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return new Promise((resolve) =>
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    }),
  );
}

export interface Instance {
  port: number;
  base: string;
  /** The server's process id (to read its memory in /proc). */
  pid: number;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts the production server on `port` from `buildDir`, and waits until it answers. */
export async function startInstance(buildDir: string, port: number, env: Record<string, string>): Promise<Instance> {
  const server: ChildProcess = spawn(process.execPath, [path.join(buildDir, 'newsroom-server.mjs')], {
    env: {
      ...process.env,
      PORT: String(port),
      NEXT_DIST_DIR: buildDir,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      REDIS_URL: '',
      // The browser tests load both cores: a Redis answer may take longer than the default
      // 500 ms there, which would send an instance to its memory mid-test.
      REDIS_TIMEOUT_MS: '1500',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server on ${port} exited:\n${output}`);
    try {
      if ((await fetch(`${base}/robots.txt`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) throw new Error(`the server on ${port} did not answer within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    port,
    base,
    pid: server.pid ?? 0,
    output: () => output,
    stop: () => stopProcess(server),
  };
}

/** Fails, saying why, when the Redis server the specs use does not answer: they test it for real. */
export async function requireRedis(): Promise<void> {
  const client = createClient({ url: REDIS_TEST_URL, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch {
    throw new Error(`These tests need the Redis server at ${REDIS_TEST_URL} (TEST_REDIS_URL), and it does not answer.`);
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** Deletes every key under the prefix (the spec's own). */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const client = createClient({ url: REDIS_TEST_URL });
  client.on('error', () => undefined);
  await client.connect();
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      if (keys.length > 0) await client.del(keys);
    }
  } finally {
    await client.close();
  }
}

/** A TCP port nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Signals a child process (when it still runs) and waits until it has exited. */
export async function stopProcess(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}
