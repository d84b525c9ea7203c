import { timingSafeEqual } from 'node:crypto';
import { revalidateTag } from 'next/cache';
import { z } from 'zod';
import { ALL_ARTICLES_TAG, ARTICLE_TAGS_PER_NOTICE, LISTINGS_TAG, articleTag } from '@/lib/cache-tags';

const notice = z.object({
  articles: z
    .array(
      z.object({
        slug: z.string().min(1).max(200),
        sectionSlug: z.string(),
        previousSectionSlug: z.string().optional(),
      }),
    )
    .max(100_000),
});

function authorized(request: Request): boolean {
  const secret = process.env.REVALIDATE_SECRET;
  const given = request.headers.get('authorization')?.replace(/^Bearer /u, '') ?? '';
  if (!secret || given.length !== secret.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(secret));
}

/** The import script's notice that articles changed: expire what the site cached of them, at once. */
export async function POST(request: Request) {
  if (!authorized(request)) return Response.json({ error: 'not authorized' }, { status: 401 });
  const parsed = notice.safeParse(await request.json().catch(() => null));
  if (!parsed.success)
    return Response.json({ error: 'expected {"articles": [{"slug", "sectionSlug"}]}' }, { status: 400 });
  const { articles } = parsed.data;
  revalidateTag(LISTINGS_TAG, { expire: 0 });
  if (articles.length > ARTICLE_TAGS_PER_NOTICE) revalidateTag(ALL_ARTICLES_TAG, { expire: 0 });
  else for (const article of articles) revalidateTag(articleTag(article.slug), { expire: 0 });
  return Response.json({ revalidated: articles.length });
}
