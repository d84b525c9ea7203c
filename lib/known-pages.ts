import { REVALIDATE_SECONDS } from '@/lib/cache-tags';
import { getPrisma } from '@/lib/db/client';
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
}

const KEY = Symbol.for('newsroom.known-pages');
const store = ((globalThis as Record<symbol, KnownPages | undefined>)[KEY] ??= {
  articles: new Map(),
  sectionPages: new Map(),
});

export function forgetKnownPages(): void {
  store.articles.clear();
  store.sectionPages.clear();
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
  const row = await (
    await getPrisma()
  ).article.findUnique({
    where: { slug },
    select: { section: { select: { slug: true } } },
  });
  return row ? remember(store.articles, slug, row.section.slug) : null;
}

/** How many listing pages a section has now, or null when it has no articles (or does not exist). */
export async function sectionPageCount(slug: string): Promise<number | null> {
  const section = await (await getPrisma()).section.findUnique({ where: { slug }, select: { articleCount: true } });
  if (!section || section.articleCount === 0) return null;
  return remember(store.sectionPages, slug, pagesOf(section.articleCount));
}
