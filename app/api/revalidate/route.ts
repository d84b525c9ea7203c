import { createHash, timingSafeEqual } from 'node:crypto';
import { revalidateTag } from 'next/cache';
import { z } from 'zod';
import { TAG_PATTERN } from '@/lib/cache-tags';
import { forgetKnownPages } from '@/lib/known-pages';
import { forgetSearchResults } from '@/lib/queries/search-cache';

const notice = z.object({ tags: z.array(z.string().regex(TAG_PATTERN)).max(20_000) });

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compares digests, so that a token of any length or bytes is simply wrong, in constant time. */
function authorized(request: Request): boolean {
  const secret = process.env.REVALIDATE_SECRET;
  const given = request.headers.get('authorization')?.replace(/^Bearer /u, '') ?? '';
  return Boolean(secret) && timingSafeEqual(digest(given), digest(secret ?? ''));
}

/** The import script's notice of what changed: expire those cache tags, at once. */
export async function POST(request: Request) {
  if (!authorized(request)) return Response.json({ error: 'not authorized' }, { status: 401 });
  const parsed = notice.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: 'expected {"tags": ["article:<slug>", …]}' }, { status: 400 });
  const tags = [...new Set(parsed.data.tags)];
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  forgetKnownPages();
  // Any change may add, drop or reorder the results of any search.
  if (tags.length > 0) forgetSearchResults();
  return Response.json({ expired: tags.length });
}
