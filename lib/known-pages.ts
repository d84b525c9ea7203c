import { REVALIDATE_SECONDS } from '@/lib/cache-tags';
import { getPrisma } from '@/lib/db/client';
import { archiveCount } from '@/lib/feeds/archive';
import { sectionPageCount as pagesOf } from '@/lib/queries/loaders';

/**
 * What exists, as far as the site's front door needs to know: each article's section
 * and each section's number of pages. Only what exists is remembered (a flood of
 * made-up addresses costs one indexed query each and grows nothing: at most one entry
 * per article and section); an import's notice forgets everything, and an entry older
 * than REVALIDATE_SECONDS is asked for again (but kept, for when the database is down), so an import the site was not told about shows within the same minute as
 * the pages. Kept on globalThis: the server's front door and the notice's route
 * handler are bundled apart but run in one process.
 */
interface Known<T> {
  value: T;
  until: number;
}
interface KnownPages {
  articles: Map<string, Known<string>>;
  sectionPages: Map<string, Known<number>>;
  /** Feed archives: '' for the site's feed, a section's slug for its own. */
  feedArchives: Map<string, Known<number>>;
}

const KEY = Symbol.for('newsroom.known-pages');
const store = ((globalThis as Record<symbol, KnownPages | undefined>)[KEY] ??= {
  articles: new Map(),
  sectionPages: new Map(),
  feedArchives: new Map(),
});
// A store made before feed archives were known to it (the same process, an older bundle) gains the map.
store.feedArchives ??= new Map();

export function forgetKnownPages(): void {
  store.articles.clear();
  store.sectionPages.clear();
  store.feedArchives.clear();
}

function fresh<T>(map: Map<string, Known<T>>, key: string): T | undefined {
  const known = map.get(key);
  return known !== undefined && known.until > Date.now() ? known.value : undefined;
}

function remember<T>(map: Map<string, Known<T>>, key: string, value: T): T {
  map.set(key, { value, until: Date.now() + REVALIDATE_SECONDS * 1000 });
  return value;
}

/** What is already known of an article's section (undefined: not known, ask articleSection). */
export const knownArticleSection = (slug: string): string | undefined => fresh(store.articles, slug);
/** What is already known of a section's page count (undefined: not known, ask sectionPageCount). */
export const knownSectionPages = (slug: string): number | undefined => fresh(store.sectionPages, slug);

/**
 * What was last known, however long ago: while the database does not answer, a page that
 * existed is handed to Next, which serves it from its cache (stale if need be).
 */
export const lastKnownArticleSection = (slug: string): string | undefined => store.articles.get(slug)?.value;
export const lastKnownSectionPages = (slug: string): number | undefined => store.sectionPages.get(slug)?.value;

/** The section an article is in now (asked of the database), or null when there is no such article. */
export async function articleSection(slug: string): Promise<string | null> {
  // Plain SQL, as the listings are read: one round trip, without the client's per-query planning.
  const [row] = await (
    await getPrisma()
  ).$queryRaw<Array<{ section: string }>>`
    SELECT s.slug AS section FROM articles a JOIN sections s ON s.id = a.section_id WHERE a.slug = ${slug}`;
  return row ? remember(store.articles, slug, row.section) : null;
}

/** How many listing pages a section has now, or null when it has no articles (or does not exist). */
export async function sectionPageCount(slug: string): Promise<number | null> {
  const [section] = await (
    await getPrisma()
  ).$queryRaw<Array<{ articles: number }>>`
    SELECT article_count AS articles FROM sections WHERE slug = ${slug}`;
  if (!section || section.articles === 0) return null;
  return remember(store.sectionPages, slug, pagesOf(section.articles));
}

/** What is already known of a feed's number of archives (site: no section). */
export const knownFeedArchives = (sectionSlug?: string): number | undefined =>
  fresh(store.feedArchives, sectionSlug ?? '');
export const lastKnownFeedArchives = (sectionSlug?: string): number | undefined =>
  store.feedArchives.get(sectionSlug ?? '')?.value;

/**
 * How many archives a feed has now (lib/feeds/archive.ts), or null for a section that shows
 * no articles: one row read (or one sum over the sections), never a count of articles.
 */
export async function feedArchiveCount(sectionSlug?: string): Promise<number | null> {
  const prisma = await getPrisma();
  let total: number;
  if (sectionSlug === undefined) {
    total = (await prisma.section.aggregate({ _sum: { articleCount: true } }))._sum.articleCount ?? 0;
  } else {
    const section = await prisma.section.findUnique({ where: { slug: sectionSlug }, select: { articleCount: true } });
    if (!section || section.articleCount === 0) return null;
    total = section.articleCount;
  }
  return remember(store.feedArchives, sectionSlug ?? '', archiveCount(total));
}
