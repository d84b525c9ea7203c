import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { signNotice } from '../../lib/revalidate-notice';
import { listingDocument, type DocumentArticle } from '../../test/support/listing';
import { runSeed } from './instances';

/**
 * Scheduled articles for the release specs (e2e/release.spec.ts, the bench), made as an editor
 * would until documents carry date lines: an import (which tells no site), then the article's
 * time moved `seconds` past the database's now, in SQL. Returns when it comes due, in this
 * process's clock (the database's now and this process's differ by what the round trip took).
 */
export async function scheduleArticles(
  databaseUrl: string,
  articles: DocumentArticle[],
  seconds: number,
): Promise<{ releaseAt: number; slugs: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-release-'));
  fs.writeFileSync(path.join(dir, 'scheduled.txt'), listingDocument(articles));
  const run = await runSeed([dir], { DATABASE_URL: databaseUrl });
  fs.rmSync(dir, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`the import failed:\n${run.stdout}\n${run.stderr}`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const asked = Date.now();
    const { rows } = await client.query<{ slug: string; in_ms: number }>(
      `UPDATE articles SET public_at = date_trunc('milliseconds', now()) + make_interval(secs => $1),
                           published_at = date_trunc('milliseconds', now()) + make_interval(secs => $1)
        WHERE headline = ANY($2)
        RETURNING slug, (extract(epoch FROM public_at - now()) * 1000)::float8 AS in_ms`,
      [seconds, articles.map((article) => article.headline)],
    );
    if (rows.length !== articles.length) throw new Error(`scheduled ${rows.length} of ${articles.length} articles`);
    return { releaseAt: asked + Number(rows[0]!.in_ms), slugs: rows.map((row) => row.slug) };
  } finally {
    await client.end();
  }
}

/**
 * What the import does after storing articles: a signed notice to the site (here with the tags
 * given), which tells its release clock to look at the schedule again.
 */
export async function notifySite(base: string, secret: string, tags: string[]): Promise<void> {
  const body = JSON.stringify({ tags });
  const response = await fetch(`${base}/api/revalidate`, {
    method: 'POST',
    headers: { authorization: signNotice(secret, body), 'content-type': 'application/json' },
    body,
  });
  if (!response.ok) throw new Error(`the notice was refused: ${response.status} ${await response.text()}`);
}

export const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
