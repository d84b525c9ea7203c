import { getPrisma } from '@/lib/db/client';
import { SECTION_PAGE_SIZE } from '@/lib/queries/loaders';

/**
 * What exists, as far as the site's front door needs to know: each article's section
 * and each section's number of pages. Only what exists is remembered (a flood of
 * made-up addresses costs one indexed query each and grows nothing); an import's
 * notice forgets everything, and the next request asks the database again.
 * Kept on globalThis: the server's front door and the notice's route handler are
 * bundled apart but run in one process.
 */
interface KnownPages {
  articles: Map<string, string>;
  sectionPages: Map<string, number>;
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

/** What is already known of an article's section (undefined: not known yet, ask articleSection). */
export const knownArticleSection = (slug: string): string | undefined => store.articles.get(slug);
/** What is already known of a section's page count (undefined: not known yet). */
export const knownSectionPages = (slug: string): number | undefined => store.sectionPages.get(slug);

/** The section an article is in, or null when there is no such article. */
export async function articleSection(slug: string): Promise<string | null> {
  const known = store.articles.get(slug);
  if (known !== undefined) return known;
  const row = await (
    await getPrisma()
  ).article.findUnique({
    where: { slug },
    select: { section: { select: { slug: true } } },
  });
  if (!row) return null;
  store.articles.set(slug, row.section.slug);
  return row.section.slug;
}

/** How many listing pages a section has, or null when it has no articles (or does not exist). */
export async function sectionPageCount(slug: string): Promise<number | null> {
  const known = store.sectionPages.get(slug);
  if (known !== undefined) return known;
  const section = await (await getPrisma()).section.findUnique({ where: { slug }, select: { articleCount: true } });
  if (!section || section.articleCount === 0) return null;
  const pages = Math.ceil(section.articleCount / SECTION_PAGE_SIZE);
  store.sectionPages.set(slug, pages);
  return pages;
}
