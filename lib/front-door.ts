import {
  articleSection,
  feedArchiveCount,
  knownArticleSection,
  knownFeedArchives,
  lastKnownFeedArchives,
  knownSectionPages,
  lastKnownArticleSection,
  lastKnownSectionPages,
  sectionPageCount,
} from '@/lib/known-pages';
import {
  API_ROUTES,
  ARCHIVE_ROUTE_FILES,
  ARTICLE_ROUTE_FILES,
  FRONT_EDITION,
  SAVED_LIST,
  PUBLIC_FILES,
  RESERVED_ARTICLE_SLUGS,
  RESERVED_SLUGS,
  ROOT_PAGES,
  ROOT_ROUTE_FILES,
  SECTION_ROUTE_FILES,
} from '@/lib/routes';
import { isBuildFile } from '@/lib/build-files';
import { CACHE_POLICIES } from '@/lib/http/cache-policy';
import { parseSitemapFileName } from '@/lib/seo/sitemap';
import { articlePath, litePath, sectionPagePath } from '@/lib/site';
import { SLUG_MAX_LENGTH, SLUG_PATTERN, parsePageParam } from '@/lib/url-params';

/**
 * What the server does with a request before Next.js sees it. Why a front door, and
 * not Next's proxy.ts: Next 16 sends a 404 raised by notFound() in a page rendered on
 * demand as an empty shell that only JavaScript fills in, and caches it per address
 * (vercel/next.js#62228), so what names nothing must never reach the page routes; and
 * a proxy, even one that only calls next(), halves the throughput of cached pages.
 * Here an address that exists costs a map look-up.
 */
export type Verdict =
  | { action: 'next'; url?: string; headers?: Readonly<Record<string, string>> }
  | { action: 'not-found' }
  | { action: 'redirect'; location: string }
  | { action: 'page'; status: 400 | 405 | 503; allow?: string };

const NEXT: Verdict = { action: 'next' };
/** Search renders per request, for one reader's query (lib/http/cache-policy.ts `reader`). Results are never indexed. */
export const SEARCH_PAGE: Verdict = {
  action: 'next',
  headers: { 'cache-control': CACHE_POLICIES.reader, 'x-robots-tag': 'noindex' },
};
const NOT_FOUND: Verdict = { action: 'not-found' };
const LITE = 'lite';
const SAVED = 'saved';
/** The saved-articles page lives under a dynamic segment, as the front page does, so that it is rendered with the navigation. */
const SAVED_PAGE_ROUTE = `/saved/${SAVED_LIST}`;
/** The route that renders the front page: a dynamic segment, so that the build needs no database. */
const FRONT_PAGE_ROUTE = `/front/${FRONT_EDITION}`;
const isSlug = (value: string) => value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
const PAGE_NUMBER = /^[1-9][0-9]{0,5}$/u;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/u;
/** What no address of the site holds once decoded: a dot segment, a backslash, a NUL. */
const HIDDEN_TRAVERSAL = /\/\.\.?(?:\/|$)|[\\\0]/u;

/**
 * Synchronous when what the request names is already known (a cached page costs a
 * map look-up and no promise); a promise when the database must be asked.
 */
export function frontDoor(method: string, url: string): Verdict | Promise<Verdict> {
  const query = url.indexOf('?');
  const pathname = query === -1 ? url : url.slice(0, query);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { action: 'page', status: 400 };
  }
  // Browsers resolve `.` and `..` before they send an address: one that still holds them names
  // nothing, and neither does one that holds them (or a backslash) percent-encoded.
  if (DOT_SEGMENT.test(pathname) || HIDDEN_TRAVERSAL.test(decoded)) return NOT_FOUND;
  const [section = '', second, third, ...rest] = pathname.slice(1).split('/');
  if (section === 'api') {
    const allowed = API_ROUTES.get(pathname);
    if (allowed === undefined) return NOT_FOUND;
    return method === allowed ? NEXT : { action: 'page', status: 405, allow: allowed };
  }
  if (method !== 'GET' && method !== 'HEAD') return { action: 'page', status: 405 };
  if (pathname === '/') return { action: 'next', url: FRONT_PAGE_ROUTE };
  // The build's own files, and nothing else: any other /_next/ address would reach a page route.
  if (section === '_next') return buildFile(pathname, decoded);
  if (section === LITE) return liteDoor(method, pathname, query === -1 ? '' : url.slice(query));
  if (section === SAVED) return second === undefined ? { action: 'next', url: SAVED_PAGE_ROUTE } : NOT_FOUND;
  // Every address below here either reaches a route of the site, or gets the full 404 page:
  // Next's own answer for a missing page rendered on demand is an empty shell.
  if (ROOT_ROUTE_FILES.has(section) || PUBLIC_FILES.has(section)) return second === undefined ? NEXT : NOT_FOUND;
  if (ROOT_PAGES.has(section)) return second === undefined ? SEARCH_PAGE : NOT_FOUND;
  if (section === 'sitemaps')
    return second !== undefined && third === undefined && parseSitemapFileName(second) ? NEXT : NOT_FOUND;
  if (section === 'archive') return feedArchive(method, pathname, undefined, second, third, rest);
  if (RESERVED_SLUGS.has(section) || !isSlug(section)) return NOT_FOUND;
  if (second === 'archive') return feedArchive(method, pathname, section, third, rest[0], rest.slice(1));
  if (rest.length > 0) return NOT_FOUND;

  if (second === undefined) {
    const pageParams = query === -1 ? [] : new URLSearchParams(url.slice(query + 1)).getAll('page');
    if (pageParams.length > 0) return oldPageAddress(section, pageParams);
    return bySectionPages(method, pathname, section, (pages) => (pages === null ? NOT_FOUND : NEXT));
  }
  if (second === 'page' && third !== undefined) {
    if (!PAGE_NUMBER.test(third)) return NOT_FOUND;
    const page = Number(third);
    if (page === 1) return { action: 'redirect', location: sectionPagePath(section, 1) };
    return bySectionPages(method, pathname, section, (pages) => (pages !== null && page <= pages ? NEXT : NOT_FOUND));
  }
  // A section's feed or share image: only a section that shows articles has them.
  if (SECTION_ROUTE_FILES.has(second))
    return third === undefined
      ? bySectionPages(method, pathname, section, (pages) => (pages === null ? NOT_FOUND : NEXT))
      : NOT_FOUND;
  if (third !== undefined && !ARTICLE_ROUTE_FILES.has(third)) return NOT_FOUND;
  const slug = second.endsWith('.md') && third === undefined ? second.slice(0, -3) : second;
  if (!isSlug(slug) || RESERVED_ARTICLE_SLUGS.has(slug)) return NOT_FOUND;
  // A known article under another section is asked for again before the redirect: the
  // memory may predate a move the site was not told about, and must not send a loop.
  const known = knownArticleSection(slug);
  return lookUp(
    method,
    pathname,
    known === section ? known : undefined,
    () => lastKnownArticleSection(slug),
    () => articleSection(slug),
    (home) => {
      if (home === null) return NOT_FOUND;
      // An article's share image lives under the article, wherever that is now.
      const file = third === undefined ? '' : `/${third}`;
      if (home !== section)
        return { action: 'redirect', location: `${articlePath(home, slug)}${slug === second ? '' : '.md'}${file}` };
      if (third !== undefined) return NEXT;
      // The Markdown copy is a route under the article (article slugs never hold a dot).
      return slug === second ? NEXT : { action: 'next', url: `${articlePath(home, slug)}/markdown` };
    },
  );
}

/**
 * A build file reaches Next under the one address the build's pages write for it: the server
 * remembers each response body by its path (lib/http/finish-response.ts), and every other
 * encoding of a name (`%61` for `a`, `%6A` or `%6a`) would be a body of its own there, so a
 * few thousand spellings of one script would fill that memory and push the pages out of it.
 */
function buildFile(pathname: string, decoded: string): Verdict {
  if (!isBuildFile(decoded)) return NOT_FOUND;
  const canonical = decoded.split('/').map(encodeURIComponent).join('/');
  return pathname === canonical ? NEXT : { action: 'next', url: canonical };
}

const ARCHIVE_NUMBER = /^[1-9][0-9]{0,8}$/u;

/**
 * `/archive/<n>/<file>` (the site feed's) and `/<section>/archive/<n>/<file>`: a number past
 * the feed's last archive is a 404 from one read of the feed's length (remembered, as pages are).
 */
function feedArchive(
  method: string,
  pathname: string,
  sectionSlug: string | undefined,
  number: string | undefined,
  file: string | undefined,
  rest: string[],
): Verdict | Promise<Verdict> {
  if (number === undefined || !ARCHIVE_NUMBER.test(number) || file === undefined || rest.length > 0) return NOT_FOUND;
  if (!ARCHIVE_ROUTE_FILES.has(file)) return NOT_FOUND;
  const wanted = Number(number);
  return lookUp(
    method,
    pathname,
    knownFeedArchives(sectionSlug),
    () => lastKnownFeedArchives(sectionSlug),
    () => feedArchiveCount(sectionSlug),
    (archives) => (archives !== null && wanted <= archives ? NEXT : NOT_FOUND),
  );
}

/**
 * `/lite`, `/lite/<section>`, `/lite/<section>/page/<n>` and `/lite/<section>/<article>`:
 * each exists when its full twin does, so the full page's rules decide (and its redirects
 * lead to the lite twin of where they point). Nothing else lives under /lite: no feeds,
 * share images or Markdown copies.
 */
function liteDoor(method: string, pathname: string, search: string): Verdict | Promise<Verdict> {
  if (pathname === `/${LITE}`) return NEXT;
  const [section = '', second, third, ...rest] = pathname.slice(LITE.length + 2).split('/');
  const shaped =
    rest.length === 0 &&
    isSlug(section) &&
    !RESERVED_SLUGS.has(section) &&
    (second === undefined ||
      (third === undefined && isSlug(second) && !RESERVED_ARTICLE_SLUGS.has(second)) ||
      (second === 'page' && third !== undefined));
  if (!shaped) return NOT_FOUND;
  const toLite = (verdict: Verdict): Verdict => {
    if (verdict.action === 'redirect') return { action: 'redirect', location: litePath(verdict.location) };
    if (verdict.action === 'next' && verdict.url !== undefined) return NOT_FOUND;
    return verdict;
  };
  const verdict = frontDoor(method, pathname.slice(LITE.length + 1) + search);
  return verdict instanceof Promise ? verdict.then(toLite) : toLite(verdict);
}

/** Decides by how many listing pages a section has (null: none, or no such section). */
const bySectionPages = (
  method: string,
  pathname: string,
  section: string,
  decide: (pages: number | null) => Verdict,
): Verdict | Promise<Verdict> =>
  lookUp(
    method,
    pathname,
    knownSectionPages(section),
    () => lastKnownSectionPages(section),
    () => sectionPageCount(section),
    decide,
  );

/** After the database failed to answer, how long the front door stops asking it (ms). */
const DATABASE_PAUSE_MS = 5_000;
let databaseFailedAt = -Infinity;

/**
 * Decides from what is known, or asks the database first. While the database does not
 * answer, a page that existed when last asked goes to Next, which serves it from its cache
 * (stale if need be), and anything else gets the 503 page; after a failure the database is
 * left alone for a few seconds, so a hung one does not make every reader wait for its timeout.
 */
function lookUp<T>(
  method: string,
  pathname: string,
  known: T | undefined,
  lastKnown: () => T | undefined,
  load: () => Promise<T>,
  decide: (value: T) => Verdict,
): Verdict | Promise<Verdict> {
  if (known !== undefined) return decide(known);
  const unavailable = (): Verdict => {
    const last = lastKnown();
    return last === undefined ? { action: 'page', status: 503 } : decide(last);
  };
  if (performance.now() - databaseFailedAt < DATABASE_PAUSE_MS) return unavailable();
  return load().then(decide, (error: unknown) => {
    databaseFailedAt = performance.now();
    console.error(`${method} ${pathname}: the database did not answer:`, error);
    return unavailable();
  });
}

/** The old `/<section>?page=N`, which now lives at `/<section>/page/N`. */
function oldPageAddress(section: string, pageParams: string[]): Verdict {
  const page = parsePageParam(pageParams.length > 1 ? pageParams : pageParams[0]);
  return page === null ? NOT_FOUND : { action: 'redirect', location: sectionPagePath(section, page) };
}
