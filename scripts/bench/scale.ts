// The bench's scale part: nginx's micro-cache, two instances, and the shared cache on Redis.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@redis/client';
import { migrate } from '@/lib/db/migrate';
import { createPool } from '@/lib/db/pool';
import type { SourceDocument } from '@/lib/documents/read';
import { importDocuments } from '@/lib/importer/import-documents';
import { build } from '../build';
import { buildIsCurrent, clearPageCaches, distDir } from '../build-stamp';
import { waitFor } from '../floor-app';
import { NGINX_BINARY, nginxArgs } from '../nginx-recipe';
import { describe, inTurns, load, postgresDatabase, root, stopSite, type BenchOptions, type Load } from './support';
import { benchPort, readyOrFailed, startProcess, type BenchProcess } from './processes';

/**
 * Scale-out (deploy/): the article page through nginx's micro-cache beside the same nginx
 * sending the same bytes as a file; one instance beside two on the same database; one
 * instance with the shared cache on Redis beside one without. Needs the PostgreSQL server,
 * Redis (REDIS_URL, default the local one; keys under a prefix of the bench's own) and nginx.
 */
export async function benchScale(work: string, sources: SourceDocument[], options: BenchOptions) {
  if (!buildIsCurrent(root)) build(root);
  const database = await postgresDatabase('scale');
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const prefix = `bench-scale-${process.pid}:`;
  const servers: BenchProcess[] = [];
  let nginx: BenchProcess | undefined;
  try {
    await migrate(database.url);
    const pool = createPool(database.url, 'import');
    await importDocuments(pool, sources);
    await pool.end();
    // The instances share the build's caches on disk: they must not hold the pages of the
    // databases earlier parts served.
    clearPageCaches(root);
    const start = async (port: number, env: Record<string, string> = {}) => {
      const server = startProcess(process.execPath, [path.join(distDir(root), 'newsroom-server.mjs')], {
        cwd: root,
        env: {
          ...process.env,
          PORT: String(port),
          NODE_ENV: 'production',
          NEXT_TELEMETRY_DISABLED: '1',
          DATABASE_URL: database.url,
          REDIS_URL: '',
          ...env,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      servers.push(server);
      await readyOrFailed(server, waitFor(`http://127.0.0.1:${port}/robots.txt`, 60_000));
      return `http://127.0.0.1:${port}`;
    };
    const [one, two, shared] = [
      await start(benchPort(3961)),
      await start(benchPort(3962)),
      await start(benchPort(3963), { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix }),
    ];
    const sectionHtml = await (await fetch(`${one}/world`)).text();
    const article = /href="(\/world\/[a-z0-9-]+)"/u.exec(sectionHtml)?.[1];
    if (!article) throw new Error('no article link on /world');
    for (const base of [one, two, shared]) await (await fetch(`${base}${article}`)).arrayBuffer();

    const prefixDir = path.join(work, 'nginx');
    const staticFile = path.join(prefixDir, 'article.html');
    const listen = benchPort(3964);
    fs.mkdirSync(prefixDir, { recursive: true });
    nginx = startProcess(
      NGINX_BINARY,
      nginxArgs({
        prefix: prefixDir,
        port: listen,
        upstreams: [`127.0.0.1:${benchPort(3961)}`],
        extraLocations: `        location = /bench-static.html {\n            default_type text/html;\n            alias ${staticFile};\n        }`,
      }),
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const proxied = `http://127.0.0.1:${listen}${article}`;
    await readyOrFailed(nginx, waitFor(proxied, 15_000));
    fs.writeFileSync(
      staticFile,
      Buffer.from(await (await fetch(proxied, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer()),
    );
    console.log(
      `scale-out (article page ${article}, ${options.duration} s per run, 20 connections, ${options.rounds} rounds taking turns, median round):`,
    );
    const [cached, file] = (await inTurns(options.rounds, [
      () => load(options.duration, proxied),
      () => load(options.duration, `http://127.0.0.1:${listen}/bench-static.html`),
    ])) as [Load, Load];
    console.log(
      `  nginx micro-cache ${describe(cached)}; same nginx, same ${(fs.statSync(staticFile).size / 1024).toFixed(1)} KiB as a static file ${describe(file)}; ratio ${(cached.rps / file.rps).toFixed(2)} (goal ≥ 0.8)`,
    );
    const [single, pair] = (await inTurns(options.rounds, [
      () => load(options.duration, `${one}${article}`),
      async () => {
        const [a, b] = await Promise.all([
          load(options.duration, `${one}${article}`, {}, 10),
          load(options.duration, `${two}${article}`, {}, 10),
        ]);
        return {
          rps: a.rps + b.rps,
          p50: Math.max(a.p50, b.p50),
          p99: Math.max(a.p99, b.p99),
          errors: a.errors + b.errors,
        };
      },
    ])) as [Load, Load];
    console.log(
      `  one instance ${describe(single)}; two instances on the same database (10 connections each, summed) ${describe(pair)}; ratio ${(pair.rps / single.rps).toFixed(2)} (the machine has ${os.cpus().length} cores, shared with the load generator)`,
    );
    const [withRedis, without] = (await inTurns(options.rounds, [
      () => load(options.duration, `${shared}${article}`),
      () => load(options.duration, `${one}${article}`),
    ])) as [Load, Load];
    console.log(
      `  one instance with REDIS_URL ${describe(withRedis)}; without ${describe(without)}; ratio ${(withRedis.rps / without.rps).toFixed(2)}`,
    );
  } finally {
    if (nginx && nginx.exitCode === null) {
      nginx.kill('SIGQUIT');
      await new Promise((resolve) => nginx?.once('exit', resolve));
    }
    for (const server of servers) await stopSite(server);
    await database.drop();
    const redis = createClient({ url: redisUrl });
    redis.on('error', () => undefined);
    await redis.connect().then(
      async () => {
        for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 }))
          if (keys.length > 0) await redis.del(keys);
        await redis.close();
      },
      () => undefined,
    );
  }
}
