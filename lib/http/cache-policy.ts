import { REVALIDATE_SECONDS } from '@/lib/cache-tags';

/**
 * Every Cache-Control the site sends, by name: each answer's policy is one of these.
 *
 * Pages are kept REVALIDATE_SECONDS by any shared cache and served stale a few minutes more
 * while it fetches a fresh copy; browsers ask again each time (with the ETag), so an import
 * shows at once. Next writes this header itself for the pages it caches, from each page's
 * `revalidate` and next.config.js's `expireTime` (PAGE_EXPIRE_SECONDS, which
 * lib/http/cache-policy.test.ts holds to this file).
 */
export const PAGE_STALE_SECONDS = 240;
export const PAGE_EXPIRE_SECONDS = REVALIDATE_SECONDS + PAGE_STALE_SECONDS;

export const CACHE_POLICIES = {
  /** A page (full or lite): shared caches keep it a minute, browsers revalidate. */
  page: `s-maxage=${REVALIDATE_SECONDS}, stale-while-revalidate=${PAGE_STALE_SECONDS}`,
  /** A machine-readable document (feed, sitemap, share image): everyone keeps it a minute, stale ten more. */
  document: `public, max-age=${REVALIDATE_SECONDS}, s-maxage=${REVALIDATE_SECONDS}, stale-while-revalidate=600`,
  /**
   * What does not change once written (a full feed archive): browsers and feed readers keep it
   * a day; shared caches ask again after a minute, and get a 304 unless it changed.
   */
  archive: `public, max-age=86400, s-maxage=${REVALIDATE_SECONDS}, stale-while-revalidate=600`,
  /**
   * One reader's page (search results): no shared cache may keep it (it cannot be told of
   * imports, and made-up queries would fill it); the reader's own browser may reuse it a minute.
   */
  reader: `private, max-age=${REVALIDATE_SECONDS}`,
  /** Framework data (client navigation) at a page's address: nobody's to share or keep. */
  frameworkData: 'private, no-store',
  /** An answer for this moment (errors, the health check): kept by nobody. */
  none: 'no-store',
  /** A redirect the site's addresses make (an old page address, a moved article): five minutes. */
  redirect: 'public, max-age=300',
} as const;

export type CachePolicy = keyof typeof CACHE_POLICIES;

/** Whether a response under this Cache-Control may be remembered and answered with validators. */
export const isCacheable = (cacheControl: string) =>
  !/no-store|no-cache|private/u.test(cacheControl) && /s-maxage=[1-9]|max-age=[1-9]/u.test(cacheControl);
