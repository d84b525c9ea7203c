import { z } from 'zod';
import { expireEverywhere } from '@/lib/cache-expire';
import { TAG_PATTERN } from '@/lib/cache-tags';
import { forgetSearchResults } from '@/lib/queries/search-cache';
import { checkNotice, NOTICE_WINDOW_MS, SeenNonces } from '@/lib/revalidate-notice';
import { sharedCache } from '@/lib/shared-cache/store';

const notice = z.object({ tags: z.array(z.string().regex(TAG_PATTERN)).max(20_000) });

/** The nonces of the notices this instance took, for as long as a notice can be sent again. */
const seen = new SeenNonces();

const refused = () => Response.json({ error: 'not authorized' }, { status: 401 });

/**
 * Whether this notice's nonce is seen for the first time: here, and with REDIS_URL in Redis
 * too, so that a notice taken by one instance is refused by every other (while Redis does
 * not answer, only by this one).
 */
async function firstTime(nonce: string, expiresAt: number): Promise<boolean | null> {
  // Kept twice the window: an instance whose clock is behind the signer's still takes it that long.
  const here = seen.claim(nonce, expiresAt + NOTICE_WINDOW_MS);
  if (here !== true) return here;
  const shared = sharedCache();
  if (!shared) return true;
  await shared.ready;
  return (await shared.claimOnce(`notice:${nonce}`, 2 * NOTICE_WINDOW_MS)) ?? true;
}

/**
 * The import script's notice of what changed, signed over its body with a time and a nonce
 * (lib/revalidate-notice.ts): expire those cache tags, at once (lib/cache-expire.ts).
 */
export async function POST(request: Request) {
  const body = await request.text().catch(() => '');
  const check = checkNotice(request.headers.get('authorization'), body, process.env.REVALIDATE_SECRET);
  if (!check.ok) return refused();
  const first = await firstTime(check.nonce, check.expiresAt);
  if (first === null) return Response.json({ error: 'too many notices at once' }, { status: 503 });
  if (!first) return refused();
  let json: unknown = null;
  try {
    json = JSON.parse(body);
  } catch {
    // answered below
  }
  const parsed = notice.safeParse(json);
  if (!parsed.success) return Response.json({ error: 'expected {"tags": ["article:<slug>", …]}' }, { status: 400 });
  const tags = [...new Set(parsed.data.tags)];
  // Any change may add, drop or reorder the results of any search (this instance's; others' within 60 s).
  if (tags.length > 0) forgetSearchResults();
  const reach = await expireEverywhere(tags);
  return Response.json({ expired: tags.length, reach });
}
