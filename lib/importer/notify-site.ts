import fs from 'node:fs';
import path from 'node:path';
import { resolveDataDir } from '@/lib/db/embedded';
import { signNotice } from '@/lib/revalidate-notice';

/** Written by `npm start` so that an import on the same machine can tell the running site. */
export interface RunningSite {
  url: string;
  secret: string;
  pid: number;
}

export function runningSiteFile(dataDir = resolveDataDir()): string {
  return path.join(dataDir, 'site.json');
}

function findSite(): { url: string; secret: string } | null {
  const secret = process.env.REVALIDATE_SECRET;
  if (secret) {
    const url = process.env.SITE_URL || `http://localhost:${process.env.PORT || 3000}`;
    return { url, secret };
  }
  try {
    const site = JSON.parse(fs.readFileSync(runningSiteFile(), 'utf8')) as RunningSite;
    process.kill(site.pid, 0);
    return site;
  } catch {
    return null;
  }
}

/**
 * The notice's body: the cache tags to expire, and with `schedule`, why a notice that expires
 * nothing is sent at all: the import scheduled an article (or moved one's time), which the site's
 * release clock must hear (every notice publishes the site's content-changed event). With
 * `erase` (a legal removal, lib/withdrawal/), the site deletes every entry under those tags
 * rather than only expiring it: `{"tags": […], "erase": true}`.
 */
export function noticeBody(tags: readonly string[], schedule = false, erase = false): string {
  if (erase && tags.length > 0) return JSON.stringify({ tags, erase: true });
  return JSON.stringify(schedule && tags.length === 0 ? { tags, reason: 'schedule' } : { tags });
}

/**
 * Asks the running site to expire these cache tags (lib/importer/expiry.ts); says what happened.
 * With `schedule` (expiry.ts `releaseDue`), the site is told even when no tag is to expire.
 */
export async function notifySite(tags: readonly string[], { schedule = false, erase = false } = {}): Promise<string> {
  if (tags.length === 0 && !schedule) return 'Nothing changed, so the site was not told.';
  const site = findSite();
  if (!site) return 'No running site found to tell: it shows the change within 60 seconds of its next visit.';
  const endpoint = new URL('/api/revalidate', site.url);
  const body = noticeBody(tags, schedule, erase);
  try {
    // Signed now, over this body, with a nonce: the site takes it once, within a minute.
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { authorization: signNotice(site.secret, body), 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok)
      return `The site at ${site.url} refused the update notice (HTTP ${response.status}): it shows the change within 60 seconds.`;
    return tags.length === 0
      ? `The site at ${site.url} was told of the schedule.`
      : `The site at ${site.url} was told and shows the change now.`;
  } catch (error) {
    return `The site at ${site.url} could not be reached (${(error as Error).message}): it shows the change within 60 seconds.`;
  }
}
