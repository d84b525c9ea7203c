/** Cache tag names, in one place: the queries tag with them, the revalidation route expires them. */
export const LISTINGS_TAG = 'listings';
export const articleTag = (slug: string) => `article:${slug}`;
/** On every article's entry: one expiry for an import that changed too many to name one by one. */
export const ALL_ARTICLES_TAG = 'articles';
/**
 * Past this many changed articles a notice expires ALL_ARTICLES_TAG instead of one tag each:
 * each revalidateTag call scans the tags already pending in the request, so naming 100,000
 * would hold the server for seconds, while re-rendering every article on demand costs nothing up front.
 */
export const ARTICLE_TAGS_PER_NOTICE = 1_000;
/** Longest a page may lag an import the site was not told about. */
export const REVALIDATE_SECONDS = 60;
