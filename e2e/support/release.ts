import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listingDocument, type DocumentArticle } from '../../test/support/listing';
import { runSeed } from './instances';

/**
 * Scheduled articles for the release spec (e2e/release.spec.ts), as an editor makes them: a
 * document whose articles carry a date line `seconds` from now, imported with `npm run seed`,
 * which stores them scheduled and tells the site at `site` (its notice reaches the release
 * clock). Returns when they come due, and what the import said.
 */
export async function scheduleArticles(
  databaseUrl: string,
  articles: Array<Omit<DocumentArticle, 'date'>>,
  seconds: number,
  site: { base: string; secret: string },
): Promise<{ releaseAt: number; said: string }> {
  const at = new Date(Date.now() + seconds * 1000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-release-'));
  fs.writeFileSync(
    path.join(dir, 'scheduled.txt'),
    listingDocument(articles.map((a) => ({ ...a, date: at.toISOString() }))),
  );
  const run = await runSeed([dir], { DATABASE_URL: databaseUrl, SITE_URL: site.base, REVALIDATE_SECRET: site.secret });
  fs.rmSync(dir, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`the import failed:\n${run.stdout}\n${run.stderr}`);
  return { releaseAt: at.getTime(), said: run.stdout };
}

export const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
