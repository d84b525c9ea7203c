/**
 * Cache tag names, in one place. Rendered pages carry the tags of the data they read;
 * an import's notice expires exactly the tags of what it changed (lib/importer/expiry.ts).
 *
 * - `sections`: the navigation (every page's header). Expired when the set of sections changes.
 * - `front`: the front page. `latest`: the site's feeds, llms.txt, sitemaps.
 * - `section:<slug>`: a section's listing pages, feeds and card.
 * - `article:<slug>`: an article's page, Markdown copy and share image, its hash chain and what
 *   changed since each version.
 * - `versions:<slug>`: each version's page and Markdown copy, kept as they were: an import does
 *   not expire them (a new version changes no old one), a withdrawal and a legal removal do.
 * - `author:<slug>`, `tag:<slug>`: an author's or a tag's listing pages and feeds.
 * - `shows:<slug>`: every page that shows the article's headline in a list (neighbours, related).
 * - `articles`: on every article's entry, for an import too large to name them one by one.
 * - `corrections`: the corrections pages and their feeds (notes, withdrawals, legal removals).
 */
export const SECTIONS_TAG = 'sections';
export const FRONT_TAG = 'front';
export const LATEST_TAG = 'latest';
export const ALL_ARTICLES_TAG = 'articles';
export const CORRECTIONS_TAG = 'corrections';
export const sectionTag = (slug: string) => `section:${slug}`;
export const articleTag = (slug: string) => `article:${slug}`;
export const showsTag = (slug: string) => `shows:${slug}`;
export const versionsTag = (slug: string) => `versions:${slug}`;
export const authorTag = (slug: string) => `author:${slug}`;
export const tagTag = (slug: string) => `tag:${slug}`;

/** The tags of the listings that name an article: its section's, its authors' and its tags' pages and feeds. */
export const listingTagsOf = (article: {
  sectionSlug: string;
  authorSlugs?: readonly string[];
  tagSlugs?: readonly string[];
}): string[] => [
  sectionTag(article.sectionSlug),
  ...(article.authorSlugs ?? []).map(authorTag),
  ...(article.tagSlugs ?? []).map(tagTag),
];

/** The tags of an article's own pages and of every page that shows its headline in a list. */
export const pageTagsOf = (slug: string): string[] => [articleTag(slug), showsTag(slug)];

/** What a notice may name: the tags above, nothing else. */
export const TAG_PATTERN =
  /^(?:sections|front|latest|articles|corrections|(?:section|article|shows|versions|author|tag):[a-z0-9-]{1,200})$/u;

/**
 * Past this many changed articles an import's notice expires ALL_ARTICLES_TAG instead of
 * naming each article and its neighbours: each revalidateTag call scans the tags already
 * pending in the request (quadratic), so 100,000 names would hold the server for seconds,
 * while expiring every article page costs nothing until each is asked for again.
 */
export const ARTICLES_PER_NOTICE = 500;

/** Longest a page may lag an import the site was not told about (the pages' ISR revalidate). */
export const REVALIDATE_SECONDS = 60;
