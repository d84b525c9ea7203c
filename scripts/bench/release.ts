// The bench's release part: how long after its time a scheduled article is on the front page.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrate } from '@/lib/db/migrate';
import { createPool } from '@/lib/db/pool';
import type { SourceDocument } from '@/lib/documents/read';
import { importDocuments } from '@/lib/importer/import-documents';
import { signNotice } from '@/lib/revalidate-notice';
import { listingDocument } from '../../test/support/listing';
import { build } from '../build';
import { buildIsCurrent, clearPageCaches, distDir } from '../build-stamp';
import { waitFor } from '../floor-app';
import { percentile, postgresDatabase, root, stopSite } from './support';
import { benchPort, readyOrFailed, startProcess, type BenchProcess } from './processes';

export const RELEASES = 20;
/** The goal: at most this long from an article's time to the front page showing it. */
const GOAL_MS = 1_000;
/** Each article is scheduled this far ahead: time to cache the front page before it. */
const AHEAD_S = 2;
/** How often the front page is asked for after the time (each ask only observes: the clock releases). */
const POLL_MS = 20;
/** Past this an article counts as not released (the clock's safety net is 60 s). */
const GIVE_UP_MS = 70_000;

/**
 * One instance (no Redis) on the PostgreSQL server with the main corpus; 20 times: an import of
 * one article, scheduled AHEAD_S ahead in SQL (until documents carry date lines), the site told
 * as the import tells it, the front page cached (asked for twice), then no request until its
 * time; from then on the front page is asked for every POLL_MS until it shows the article.
 * The time of the article is the database's, carried to this process's clock by the round trip.
 */
export async function benchRelease(sources: SourceDocument[]) {
  if (!buildIsCurrent(root)) build(root);
  const database = await postgresDatabase('release');
  const secret = 'bench-release-secret';
  const port = benchPort(3971);
  const base = `http://127.0.0.1:${port}`;
  let server: BenchProcess | undefined;
  const pool = createPool(database.url, 'import');
  try {
    await migrate(database.url);
    await importDocuments(pool, sources);
    clearPageCaches(root);
    server = startProcess(process.execPath, [path.join(distDir(root), 'newsroom-server.mjs')], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_URL: database.url,
        REDIS_URL: '',
        REVALIDATE_SECRET: secret,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await readyOrFailed(server, waitFor(`${base}/robots.txt`, 60_000));
    const notify = async () => {
      const body = JSON.stringify({ tags: [] });
      const response = await fetch(`${base}/api/revalidate`, {
        method: 'POST',
        headers: { authorization: signNotice(secret, body), 'content-type': 'application/json' },
        body,
      });
      if (!response.ok) throw new Error(`the site refused the notice: ${response.status}`);
    };
    const front = async () => (await fetch(`${base}/`)).text();

    const lags: number[] = [];
    for (let n = 1; n <= RELEASES; n++) {
      const headline = `Release bench ${process.pid} number ${n} goes out`;
      const text = listingDocument([{ headline, section: 'World' }]);
      await importDocuments(pool, [{ file: `release-${n}.txt`, bytes: new TextEncoder().encode(text) }]);
      const asked = performance.timeOrigin + performance.now();
      const { rows } = await pool.query<{ in_ms: number }>(
        `UPDATE articles SET public_at = now() + make_interval(secs => $1), published_at = now() + make_interval(secs => $1)
          WHERE headline = $2 RETURNING (extract(epoch FROM public_at - now()) * 1000)::float8 AS in_ms`,
        [AHEAD_S, headline],
      );
      const answered = performance.timeOrigin + performance.now();
      // The database's now fell somewhere in the round trip: its middle.
      const releaseAt = (asked + answered) / 2 + Number(rows[0]?.in_ms);
      await notify();
      await front();
      if ((await front()).includes(headline)) throw new Error(`${headline} showed before its time`);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, releaseAt - Date.now())));
      for (;;) {
        if ((await front()).includes(headline)) break;
        if (Date.now() - releaseAt > GIVE_UP_MS) throw new Error(`${headline} was not on the front page after 70 s`);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      lags.push(Math.max(0, Date.now() - releaseAt));
    }
    lags.sort((a, b) => a - b);
    const worst = lags.at(-1) ?? NaN;
    console.log(
      `release (scheduled time → on the front page, ${RELEASES} releases, one instance): p50 ${percentile(lags, 50).toFixed(0)} ms, worst ${worst.toFixed(0)} ms (goal ≤ ${GOAL_MS} ms: ${worst <= GOAL_MS ? 'met' : 'missed'})`,
    );
  } finally {
    await pool.end();
    if (server) await stopSite(server);
    await database.drop();
  }
}
