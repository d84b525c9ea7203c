import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { expireEverywhere } from '@/lib/cache-expire';
import { TAG_PATTERN } from '@/lib/cache-tags';
import { forgetSearchResults } from '@/lib/queries/search-cache';

const notice = z.object({ tags: z.array(z.string().regex(TAG_PATTERN)).max(20_000) });

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compares digests, so that a token of any length or bytes is simply wrong, in constant time. */
function authorized(request: Request): boolean {
  const secret = process.env.REVALIDATE_SECRET;
  const given = request.headers.get('authorization')?.replace(/^Bearer /u, '') ?? '';
  return Boolean(secret) && timingSafeEqual(digest(given), digest(secret ?? ''));
}

/** The import script's notice of what changed: expire those cache tags, at once (lib/cache-expire.ts). */
export async function POST(request: Request) {
  if (!authorized(request)) return Response.json({ error: 'not authorized' }, { status: 401 });
  const parsed = notice.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: 'expected {"tags": ["article:<slug>", …]}' }, { status: 400 });
  const tags = [...new Set(parsed.data.tags)];
  // Any change may add, drop or reorder the results of any search (this instance's; others' within 60 s).
  if (tags.length > 0) forgetSearchResults();
  const reach = await expireEverywhere(tags);
  return Response.json({ expired: tags.length, reach });
}
