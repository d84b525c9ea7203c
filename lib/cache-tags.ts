/** Cache tag names, in one place: the queries tag with them, the revalidation route expires them. */
export const LISTINGS_TAG = 'listings';
export const articleTag = (slug: string) => `article:${slug}`;
/** Longest a page may lag an import the site was not told about. */
export const REVALIDATE_SECONDS = 60;
