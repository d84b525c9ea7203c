import { expireEverywhere } from '@/lib/caches';
import { getPrimaryPrisma } from '@/lib/db/client';
import { tagsToExpire } from '@/lib/importer/expiry';
import type { ChangedArticle } from '@/lib/importer/report';
import { loadReleaseLook, type ReleasedArticle } from '@/lib/queries/release-loaders';
import { ReleaseClock, setRunningReleaseClock } from '@/lib/release-clock';
import { sharedCacheConfig } from '@/lib/shared-cache/store';

/**
 * Without REDIS_URL, Next's own cache dates an entry from when it is stored: a render that read
 * the database just before a release and is stored just after its expiry would keep the page
 * without the article. The release is expired again after these delays (ms), which catch it.
 * (Redis's entries are dated from when their render began: lib/shared-cache/handler.ts.)
 */
export const EXPIRE_AGAIN_AFTER_MS = [300, 900, 5_000] as const;

/** The first few slugs released, and how many more: a log line of a big batch stays short. */
export function describeReleased(articles: readonly ReleasedArticle[], named = 5): string {
  const slugs = articles.slice(0, named).map((article) => article.slug);
  const more = articles.length - slugs.length;
  return more > 0 ? `${slugs.join(', ')} and ${more} more` : slugs.join(', ');
}

/** The cache tags of what shows these articles now that they are public, as for an import that created them. */
export async function releaseTags(articles: readonly ReleasedArticle[]): Promise<string[]> {
  const changed: ChangedArticle[] = articles.map((article) => ({
    slug: article.slug,
    sectionSlug: article.sectionSlug,
    created: true,
    authorSlugs: article.authorSlugs,
    tagSlugs: article.tagSlugs,
    ...(article.corrections ? { corrections: true } : {}),
  }));
  const sectionsChanged = articles.some((article) => article.firstInSection);
  return tagsToExpire(await getPrimaryPrisma(), { changed, sectionsChanged });
}

/**
 * Starts this instance's release clock (lib/release-clock.ts) on the primary (a replica may not
 * have replayed an import's scheduled article yet), expiring each release everywhere
 * (expireEverywhere in lib/caches.ts: with REDIS_URL, recorded in Redis for every instance).
 */
export function startReleaseClock(log: (message: string) => void = console.log): ReleaseClock {
  // A release's tags are worked out once; its repeats (againAfter) expire the same ones.
  const tagsOf = new WeakMap<readonly ReleasedArticle[], Promise<string[]>>();
  const clock = new ReleaseClock({
    look: async (since) => loadReleaseLook(await getPrimaryPrisma(), since),
    release: async (articles, again) => {
      let tags = tagsOf.get(articles);
      if (!tags) {
        tags = releaseTags(articles);
        tagsOf.set(articles, tags);
        // A look-up that failed (the database away) is asked again by the next repeat.
        tags.catch(() => tagsOf.delete(articles));
      }
      const reach = await expireEverywhere(await tags);
      if (!again) log(`Released ${describeReleased(articles)} (${reach}).`);
    },
    againAfter: sharedCacheConfig() ? [] : EXPIRE_AGAIN_AFTER_MS,
    log,
  });
  setRunningReleaseClock(clock);
  void clock.start();
  return clock;
}
