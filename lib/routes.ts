/** The front page's internal address is /front/<FRONT_EDITION> (see next.config.js). */
export const FRONT_EDITION = 'today';

/** The saved-articles page's internal address is /saved/<SAVED_LIST> (the front door rewrites /saved to it). */
export const SAVED_LIST = 'on-this-device';

/** Second path segments the site owns under a section: an article may not take one. */
export const RESERVED_ARTICLE_SLUGS: ReadonlySet<string> = new Set([
  'opengraph-image',
  'twitter-image',
  'page',
  // A section feed's archives (app/[section]/archive/[number]/…).
  'archive',
]);

/**
 * The files of each feed archive, `/archive/<n>/<file>` and `/<section>/archive/<n>/<file>`
 * (lib/routes.test.ts checks this against both folders of app/).
 */
export const ARCHIVE_ROUTE_FILES: ReadonlySet<string> = new Set(['feed.xml', 'atom.xml', 'feed.json']);

/** Routes under a section that are files, not articles: their own handlers answer for them. */
export const SECTION_ROUTE_FILES: ReadonlySet<string> = new Set([
  'feed.xml',
  'atom.xml',
  'feed.json',
  'opengraph-image',
]);

/** Routes under an article that are files (app/[section]/[article]/…). */
export const ARTICLE_ROUTE_FILES: ReadonlySet<string> = new Set(['opengraph-image']);

/**
 * First path segments that are a route of one segment (app/<name>/route.ts or a metadata
 * file): the front door hands these to Next and answers anything below them with the 404
 * page. lib/routes.test.ts checks this against app/.
 */
export const ROOT_ROUTE_FILES: ReadonlySet<string> = new Set([
  'feed.xml',
  'atom.xml',
  'feed.json',
  'sitemap.xml',
  'news-sitemap.xml',
  'robots.txt',
  'llms.txt',
  'opensearch.xml',
  'opengraph-image',
  'healthz',
]);

/**
 * First path segments that are a page of one segment (app/<name>/page.tsx), answered whatever
 * their query string: search. Anything below them is the 404 page. lib/routes.test.ts checks
 * this against app/.
 */
export const ROOT_PAGES: ReadonlySet<string> = new Set(['search']);

/** The files in public/ (lib/routes.test.ts checks this against the folder). */
export const PUBLIC_FILES: ReadonlySet<string> = new Set(['favicon.ico', 'logo.png', 'sw.js']);

/** The site's API: each route and the one method it answers. */
export const API_ROUTES: ReadonlyMap<string, string> = new Map([['/api/revalidate', 'POST']]);

/**
 * First path segments the site owns. A section slug may never take one of these,
 * or the section would shadow (or be shadowed by) a route of the site.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  ...ROOT_ROUTE_FILES,
  ...ROOT_PAGES,
  ...PUBLIC_FILES,
  '_next',
  'api',
  'sitemaps',
  // Names Next or browsers give meaning to, and pages the site may have one day.
  'icon',
  'apple-icon',
  'twitter-image',
  'manifest.webmanifest',
  'about',
  'offline',
  // The lite pages (app/lite) and the saved-articles page (app/saved).
  'lite',
  'saved',
  // Serves the front page internally (the server's front door rewrites / to it).
  'front',
  // The site feed's archives (app/archive/[number]/…).
  'archive',
]);
