import { CACHE_POLICIES, type CachePolicy } from '@/lib/http/conditional';
import type { ArticleAt, RemovedAt, WithdrawnAt } from '@/lib/queries/article-at-loaders';
import type { VersionsAt } from '@/lib/queries/versions';
import { parseSitemapFileName, type SitemapFile } from '@/lib/seo/sitemap';
import { archiveCount } from '@/lib/feeds/archive';
import { sectionPageCount } from '@/lib/listing';
import {
  CORRECTIONS_PATH,
  articlePath,
  authorPagePath,
  correctionsPagePath,
  litePath,
  sectionPagePath,
  sectionPath,
  tagPagePath,
  versionPath,
  versionsChainPath,
} from '@/lib/site';
import { ARCHIVE_NUMBER, PAGE_NUMBER, VERSION_NUMBER, isSlug, parsePageParam, type ParamKind } from '@/lib/url-params';

/**
 * The site's URL shapes, each declared once: its pattern and how its parameters parse, how the
 * front door checks that what it names exists, its canonical address and redirects, its cache
 * policy, and the files of app/ (or public/) that serve it. The front door (lib/front-door.ts)
 * is a matcher over this table; pages and route handlers parse their parameters through their
 * entry (readParams, and lib/route-params.ts); lib/routes.test.ts holds it against app/.
 *
 * Nothing here reads: an entry names the memo of lib/known-pages.ts that says whether what it
 * names exists, so the document parser can take the reserved slugs from here without a database.
 */

/** The memos of lib/known-pages.ts an existence check asks, and what each remembers. */
export interface MemoValues {
  /** A section's number of listing pages (null: it shows no articles, or does not exist). */
  sectionPages: number;
  /** The section an article is in now, or what is left of a withdrawn or removed one (null: nothing at the slug). */
  articleSection: ArticleAt;
  /** A feed's number of archives, by section (undefined: the site's feed). */
  feedArchives: number;
  /** An author's number of public articles (null: none, or no such author): its pages and feed archives follow. */
  authorArticles: number;
  /** A tag's, as an author's. */
  tagArticles: number;
  /** The corrections listing's number of entries (0: none yet, its page 1 still is one). */
  correctionEntries: number;
  /** What is at an article's slug (as articleSection) and, for a public article, its number of versions. */
  articleVersions: VersionsAt;
}
export type Memo = keyof MemoValues;

/** What answers at the address of an article withdrawn (410) or legally removed (451), instead of it. */
export type Gone = WithdrawnAt | RemovedAt;

/**
 * What a look-up says of an address: `true`, it exists; `false`, it names nothing; parameters,
 * what it names lives at the same shape's address for those now (a moved article); gone, it
 * was withdrawn or removed.
 */
export type Outcome<P> = boolean | P | Gone;

const isGone = (outcome: object): outcome is Gone => 'gone' in outcome;

type Existence<P> = {
  [M in Memo]: {
    memo: M;
    /** The memo's key: a slug, or undefined for the site's own feed. */
    key(params: P): string | undefined;
    outcome(value: MemoValues[M] | null, params: P): Outcome<P>;
    /** Whether a remembered value may decide without asking again (default: always). */
    trust?(value: MemoValues[M], params: P): boolean;
  };
}[Memo];

interface RouteSpec<P> {
  /**
   * `/<segment>/…`: a literal (`page`), literals one of which is there (`feed.xml|atom.xml`), or a
   * parameter (`:section`, parsed by `params.section`), which may end in a literal (`:article.md`).
   */
  pattern: string;
  params: { [K in keyof P]: ParamKind<P[K]> };
  /** The files that serve it, from the project's root: app/… (or public/…). */
  files: readonly string[];
  /** Its Cache-Control by name (lib/http/conditional.ts); none for public/, whose headers are Next's. */
  cache: CachePolicy | null;
  /** Its canonical address, for its parameters. */
  address?(params: P): string;
  /**
   * What is answered before any look-up: a redirect to where this address's content lives
   * (page 1 of a section, an old `?page=N` address), or false for an address that names nothing.
   * `query` is the query string, without its `?` ('' for none).
   */
  redirect?(params: P, query: string): string | false | undefined;
  /** How the front door checks that it exists (none: the shape is enough). */
  exists?: Existence<P>;
  /** The route Next renders it from, when that is not its own address (`/` is /front/today). */
  internal?(params: P): string;
  /** Headers the front door adds to the answer. */
  headers?: Readonly<Record<string, string>>;
  /** The one method it answers (default: GET and HEAD); only under /api/. */
  method?: 'POST';
  /**
   * Its route answers a withdrawn or removed article's 410 or 451 itself (the front door lets it
   * through): the article's hash chain, which stays verifiable after a removal (docs/versions.md).
   */
  answersGone?: true;
}

export interface Route<P = Record<string, unknown>> extends RouteSpec<P> {
  readonly name: string;
  readonly segments: readonly Segment[];
}

/** An entry of the table as a page or route handler names it (ROUTES.article). */
export type Shape<P> = Omit<Route<P>, 'name'>;

export type Segment =
  | { readonly literals: readonly string[] }
  | { readonly param: string; readonly kind: ParamKind<unknown>; readonly suffix: string };

function compile(pattern: string, params: Record<string, ParamKind<unknown>>): Segment[] {
  if (pattern === '/') return [];
  return pattern
    .slice(1)
    .split('/')
    .map((segment): Segment => {
      if (!segment.startsWith(':')) return { literals: segment.split('|') };
      const [name = '', ...suffix] = segment.slice(1).split('.');
      const kind = params[name];
      if (!kind) throw new Error(`${pattern}: no parser for :${name}`);
      return { param: name, kind, suffix: suffix.length > 0 ? `.${suffix.join('.')}` : '' };
    });
}

const route = <P>(spec: RouteSpec<P>): Shape<P> => ({
  ...spec,
  segments: compile(spec.pattern, spec.params as Record<string, ParamKind<unknown>>),
});

/** The lite twin of a full page (`/lite` and the full page's address): it exists when the page does. */
const liteTwin = <P>(full: Shape<P>, file: string): Shape<P> => {
  const { redirect, address } = full;
  return route({
    pattern: full.pattern === '/' ? '/lite' : `/lite${full.pattern}`,
    params: full.params,
    files: [file],
    cache: full.cache,
    ...(address && { address: (params: P) => litePath(address(params)) }),
    ...(redirect && {
      redirect: (params: P, query: string) => {
        const to = redirect(params, query);
        return typeof to === 'string' ? litePath(to) : to;
      },
    }),
    ...(full.exists && { exists: full.exists }),
  } as RouteSpec<P>);
};

/** The front page's internal address is /front/<FRONT_EDITION>: a dynamic segment, so that the build needs no database. */
export const FRONT_EDITION = 'today';
/** The saved-articles page's internal address is /saved/<SAVED_LIST>: rendered with the navigation, as the front page is. */
export const SAVED_LIST = 'on-this-device';

/** The corrections listing's internal address is /corrections/<CORRECTIONS_LISTING>: a dynamic segment, as the front page's. */
export const CORRECTIONS_LISTING = 'newest';

/** A section's slug: a slug that no route of the site owns as its first segment. */
const SECTION: ParamKind<string> = { parse: (raw) => (isSlug(raw) && !RESERVED_SLUGS.has(raw) ? raw : null) };
/** An article's slug: a slug that no route under a section owns. */
const ARTICLE: ParamKind<string> = { parse: (raw) => (isSlug(raw) && !RESERVED_ARTICLE_SLUGS.has(raw) ? raw : null) };
/** An author's or a tag's slug (its own table's: any slug the import may give). */
const BYLINE: ParamKind<string> = { parse: (raw) => (isSlug(raw) ? raw : null) };
const SITEMAP_FILE: ParamKind<SitemapFile> = { parse: parseSitemapFileName };

/** The files of each feed, the site's and a section's, and of each of its archives. */
const FEED_FILES = 'feed.xml|atom.xml|feed.json';
const feedFiles = (folder: string) => FEED_FILES.split('|').map((file) => `app/${folder}${file}/route.ts`);

/** Whether a section shows articles (its feeds and share image exist only then). */
const showsArticles: Existence<{ section: string }> = {
  memo: 'sectionPages',
  key: ({ section }) => section,
  outcome: (pages) => pages !== null,
};

/**
 * An article's shapes exist where the article is; under another section, they lead to the same
 * shape under its own. A remembered section other than the one asked for is asked again before
 * the redirect: the memory may predate a move the site was not told about, and must not loop.
 * A withdrawn article is gone where it was (and leads there from another section, as it did);
 * a legal removal keeps only its slug's hash, so it is gone under any section.
 */
const homeOf = (at: ArticleAt, asked: string): string =>
  typeof at === 'string' ? at : at.gone === 410 ? at.section : asked;
type ArticleParams = { section: string; article: string };
function articleOutcome<P extends ArticleParams>(at: ArticleAt | null, params: P): Outcome<P> {
  if (at === null) return false;
  const home = homeOf(at, params.section);
  if (home !== params.section) return { ...params, section: home };
  return typeof at === 'string' || at;
}
const articleIsHere: Existence<ArticleParams> = {
  memo: 'articleSection',
  key: ({ article }) => article,
  outcome: articleOutcome,
  trust: (at, { section }) => homeOf(at, section) === section,
};
/** A version of an article exists where the article is (or is gone with it), up to its last. */
const versionIsHere: Existence<ArticleParams & { version: number }> = {
  memo: 'articleVersions',
  key: ({ article }) => article,
  outcome: (found, params) => {
    const outcome = articleOutcome(found?.at ?? null, params);
    return outcome === true && params.version > (found?.versions ?? 0) ? false : outcome;
  },
  trust: (found, { section }) => homeOf(found.at, section) === section,
};

/** A feed's archive exists up to the feed's last (one read of the feed's length, remembered as pages are). */
const archiveExists: Existence<{ section?: string; number: number }> = {
  memo: 'feedArchives',
  key: ({ section }) => section,
  outcome: (archives, { number }) => archives !== null && number <= archives,
};

/** A one-segment document of the site, its own handler's (no parameters, nothing to look up). */
const oneSegment = (name: string, cache: CachePolicy = 'document') =>
  route({ pattern: `/${name}`, params: {}, files: [`app/${name}/route.ts`], cache, address: () => `/${name}` });

const front = route({
  pattern: '/',
  params: {},
  files: [`app/front/[edition]/page.tsx`],
  cache: 'page',
  address: () => '/',
  internal: () => `/front/${FRONT_EDITION}`,
});
/** The old `/<listing>?page=N` lives at `/<listing>/page/N`: where `query` sends page 1 of a listing. */
function oldPageQuery(query: string, pagePath: (page: number) => string): string | false | undefined {
  const pages = query === '' ? [] : new URLSearchParams(query).getAll('page');
  if (pages.length === 0) return undefined;
  const page = parsePageParam(pages.length > 1 ? pages : pages[0]);
  return page === null ? false : pagePath(page);
}

const section = route({
  pattern: '/:section',
  params: { section: SECTION },
  files: ['app/[section]/page.tsx'],
  cache: 'page',
  address: ({ section }) => sectionPath(section),
  redirect: ({ section }, query) => oldPageQuery(query, (page) => sectionPagePath(section, page)),
  exists: showsArticles,
});
const sectionPage = route({
  pattern: '/:section/page/:page',
  params: { section: SECTION, page: PAGE_NUMBER },
  files: ['app/[section]/page/[page]/page.tsx'],
  cache: 'page',
  address: ({ section, page }) => sectionPagePath(section, page),
  // Page 1 is the section's own address.
  redirect: ({ section, page }) => (page === 1 ? sectionPagePath(section, 1) : undefined),
  exists: {
    memo: 'sectionPages',
    key: ({ section }) => section,
    outcome: (pages, { page }) => pages !== null && page <= pages,
  },
});
const article = route({
  pattern: '/:section/:article',
  params: { section: SECTION, article: ARTICLE },
  files: ['app/[section]/[article]/page.tsx'],
  cache: 'page',
  address: ({ section, article }) => articlePath(section, article),
  exists: articleIsHere,
});

/**
 * An author's or a tag's listing (`/authors/<slug>`, `/tags/<slug>`): its pages, feeds and feed
 * archives, and the lite twins of its pages, as a section's. What exists is what has public
 * articles: the memo remembers how many, and pages and archives follow from it.
 */
function bylineRoutes<K extends 'author' | 'tag'>(
  key: K,
  folder: 'authors' | 'tags',
  memo: 'authorArticles' | 'tagArticles',
  pagePath: (slug: string, page: number) => string,
) {
  type One = { [k in K]: string };
  type Paged = One & { page: number };
  type Numbered = One & { number: number };
  const slug = (params: One): string => params[key];
  const dir = `${folder}/[${key}]/`;
  const has = (test: (articles: number, params: never) => boolean) =>
    ({
      memo,
      key: (params: One) => slug(params),
      outcome: (articles: number | null, params: never) => articles !== null && test(articles, params),
    }) as unknown as Existence<never>;
  const listing = route<One>({
    pattern: `/${folder}/:${key}`,
    params: { [key]: BYLINE } as never,
    files: [`app/${dir}page.tsx`],
    cache: 'page',
    address: (params) => pagePath(slug(params), 1),
    redirect: (params, query) => oldPageQuery(query, (page) => pagePath(slug(params), page)),
    exists: has(() => true),
  });
  const later = route<Paged>({
    pattern: `/${folder}/:${key}/page/:page`,
    params: { [key]: BYLINE, page: PAGE_NUMBER } as never,
    files: [`app/${dir}page/[page]/page.tsx`],
    cache: 'page',
    address: (params) => pagePath(slug(params), params.page),
    redirect: (params) => (params.page === 1 ? pagePath(slug(params), 1) : undefined),
    exists: has((articles, params: Paged) => params.page <= sectionPageCount(articles)),
  });
  return {
    listing,
    later,
    liteListing: liteTwin(listing, `app/lite/${dir}route.ts`),
    liteLater: liteTwin(later, `app/lite/${dir}page/[page]/route.ts`),
    feed: route<One>({
      pattern: `/${folder}/:${key}/${FEED_FILES}`,
      params: { [key]: BYLINE } as never,
      files: feedFiles(dir),
      cache: 'document',
      exists: has(() => true),
    }),
    /** Its share image, which its pages' og:image names (the nearest opengraph-image route). */
    image: route<One>({
      pattern: `/${folder}/:${key}/opengraph-image`,
      params: { [key]: BYLINE } as never,
      files: [`app/${dir}opengraph-image.tsx`],
      cache: 'document',
      address: (params) => `${pagePath(slug(params), 1)}/opengraph-image`,
      exists: has(() => true),
    }),
    feedArchive: route<Numbered>({
      pattern: `/${folder}/:${key}/archive/:number/${FEED_FILES}`,
      params: { [key]: BYLINE, number: ARCHIVE_NUMBER } as never,
      files: feedFiles(`${dir}archive/[number]/`),
      cache: 'archive',
      exists: has((articles, params: Numbered) => params.number <= archiveCount(articles)),
    }),
  };
}

const authors = bylineRoutes('author', 'authors', 'authorArticles', authorPagePath);
const tags = bylineRoutes('tag', 'tags', 'tagArticles', tagPagePath);

/**
 * The corrections listing (docs/corrections.md): its pages, feeds and archives, as a listing's.
 * Page 1 always exists (an empty listing says so); later pages and archives follow from the
 * number of entries.
 */
const corrections = route({
  pattern: CORRECTIONS_PATH,
  params: {},
  files: ['app/corrections/[listing]/page.tsx'],
  cache: 'page',
  address: () => CORRECTIONS_PATH,
  redirect: (_params, query) => oldPageQuery(query, correctionsPagePath),
  internal: () => `${CORRECTIONS_PATH}/${CORRECTIONS_LISTING}`,
});
const correctionsPage = route({
  pattern: `${CORRECTIONS_PATH}/page/:page`,
  params: { page: PAGE_NUMBER },
  files: ['app/corrections/page/[page]/page.tsx'],
  cache: 'page',
  address: ({ page }) => correctionsPagePath(page),
  redirect: ({ page }) => (page === 1 ? correctionsPagePath(1) : undefined),
  exists: {
    memo: 'correctionEntries',
    key: () => undefined,
    outcome: (entries, { page }) => entries !== null && page <= Math.max(1, sectionPageCount(entries)),
  },
});

export const ROUTES = {
  front,
  liteFront: liteTwin(front, 'app/lite/route.ts'),
  section,
  liteSection: liteTwin(section, 'app/lite/[section]/route.ts'),
  sectionPage,
  liteSectionPage: liteTwin(sectionPage, 'app/lite/[section]/page/[page]/route.ts'),
  article,
  liteArticle: liteTwin(article, 'app/lite/[section]/[article]/route.ts'),
  /** The Markdown copy: a route under the article, since the page owns its address (article slugs hold no dot). */
  markdown: route({
    pattern: '/:section/:article.md',
    params: { section: SECTION, article: ARTICLE },
    files: ['app/[section]/[article]/markdown/route.ts'],
    cache: 'document',
    address: ({ section, article }) => `${articlePath(section, article)}.md`,
    internal: ({ section, article }) => `${articlePath(section, article)}/markdown`,
    exists: articleIsHere,
  }),
  /** Version n of an article (docs/versions.md): a page of its own, kept as it was (an import does not expire it). */
  version: route({
    pattern: '/:section/:article/versions/:version',
    params: { section: SECTION, article: ARTICLE, version: VERSION_NUMBER },
    files: ['app/[section]/[article]/versions/[version]/page.tsx'],
    cache: 'page',
    address: ({ section, article, version }) => versionPath(section, article, version),
    exists: versionIsHere,
  }),
  /** A version's Markdown copy: byte-stable forever, what its hash in the chain covers. */
  versionMarkdown: route({
    pattern: '/:section/:article/versions/:version.md',
    params: { section: SECTION, article: ARTICLE, version: VERSION_NUMBER },
    files: ['app/[section]/[article]/versions/[version]/markdown/route.ts'],
    cache: 'document',
    address: ({ section, article, version }) => `${versionPath(section, article, version)}.md`,
    internal: ({ section, article, version }) => `${versionPath(section, article, version)}/markdown`,
    exists: versionIsHere,
  }),
  /** What changed from version n to the article now. */
  versionChanges: route({
    pattern: '/:section/:article/versions/:version/changes',
    params: { section: SECTION, article: ARTICLE, version: VERSION_NUMBER },
    files: ['app/[section]/[article]/versions/[version]/changes/page.tsx'],
    cache: 'page',
    address: ({ section, article, version }) => `${versionPath(section, article, version)}/changes`,
    exists: versionIsHere,
  }),
  /** The article's history as a hash chain; a withdrawn or removed article's answers 410 or 451 with its chain. */
  versionsChain: route({
    pattern: '/:section/:article/versions.json',
    params: { section: SECTION, article: ARTICLE },
    files: ['app/[section]/[article]/versions.json/route.ts'],
    cache: 'document',
    address: ({ section, article }) => versionsChainPath(section, article),
    exists: articleIsHere,
    answersGone: true,
  }),
  /** An article's share image lives under the article, wherever that is now. */
  articleImage: route({
    pattern: '/:section/:article/opengraph-image',
    params: { section: SECTION, article: ARTICLE },
    files: ['app/[section]/[article]/opengraph-image.tsx'],
    cache: 'document',
    address: ({ section, article }) => `${articlePath(section, article)}/opengraph-image`,
    exists: articleIsHere,
  }),
  sectionFeed: route({
    pattern: `/:section/${FEED_FILES}`,
    params: { section: SECTION },
    files: feedFiles('[section]/'),
    cache: 'document',
    exists: showsArticles,
  }),
  sectionImage: route({
    pattern: '/:section/opengraph-image',
    params: { section: SECTION },
    files: ['app/[section]/opengraph-image.tsx'],
    cache: 'document',
    address: ({ section }) => `${sectionPath(section)}/opengraph-image`,
    exists: showsArticles,
  }),
  /** The archives of a section's feed (RFC 5005): a full one does not change. */
  sectionFeedArchive: route({
    pattern: `/:section/archive/:number/${FEED_FILES}`,
    params: { section: SECTION, number: ARCHIVE_NUMBER },
    files: feedFiles('[section]/archive/[number]/'),
    cache: 'archive',
    exists: archiveExists,
  }),
  author: authors.listing,
  authorPage: authors.later,
  liteAuthor: authors.liteListing,
  liteAuthorPage: authors.liteLater,
  authorFeed: authors.feed,
  authorFeedArchive: authors.feedArchive,
  authorImage: authors.image,
  tag: tags.listing,
  tagPage: tags.later,
  liteTag: tags.liteListing,
  liteTagPage: tags.liteLater,
  tagFeed: tags.feed,
  tagFeedArchive: tags.feedArchive,
  tagImage: tags.image,
  corrections,
  correctionsPage,
  liteCorrections: liteTwin(corrections, 'app/lite/corrections/route.ts'),
  liteCorrectionsPage: liteTwin(correctionsPage, 'app/lite/corrections/page/[page]/route.ts'),
  correctionsFeed: route({
    pattern: `${CORRECTIONS_PATH}/${FEED_FILES}`,
    params: {},
    files: feedFiles('corrections/'),
    cache: 'document',
  }),
  correctionsFeedArchive: route({
    pattern: `${CORRECTIONS_PATH}/archive/:number/${FEED_FILES}`,
    params: { number: ARCHIVE_NUMBER },
    files: feedFiles('corrections/archive/[number]/'),
    cache: 'archive',
    exists: {
      memo: 'correctionEntries',
      key: () => undefined,
      outcome: (entries, { number }) => entries !== null && number <= archiveCount(entries),
    },
  }),
  siteFeed: route({ pattern: `/${FEED_FILES}`, params: {}, files: feedFiles(''), cache: 'document' }),
  siteFeedArchive: route({
    pattern: `/archive/:number/${FEED_FILES}`,
    params: { number: ARCHIVE_NUMBER },
    files: feedFiles('archive/[number]/'),
    cache: 'archive',
    exists: archiveExists,
  }),
  /** Search renders per request, for one reader's query, answered whatever it is. Results are never indexed. */
  search: route({
    pattern: '/search',
    params: {},
    files: ['app/search/page.tsx'],
    cache: 'reader',
    address: () => '/search',
    headers: { 'cache-control': CACHE_POLICIES.reader, 'x-robots-tag': 'noindex' },
  }),
  saved: route({
    pattern: '/saved',
    params: {},
    files: ['app/saved/[list]/page.tsx'],
    cache: 'page',
    address: () => '/saved',
    internal: () => `/saved/${SAVED_LIST}`,
  }),
  sitemapIndex: oneSegment('sitemap.xml'),
  sitemapFile: route({
    pattern: '/sitemaps/:file',
    params: { file: SITEMAP_FILE },
    files: ['app/sitemaps/[file]/route.ts'],
    cache: 'document',
  }),
  newsSitemap: oneSegment('news-sitemap.xml'),
  robots: oneSegment('robots.txt'),
  llms: oneSegment('llms.txt'),
  openSearch: oneSegment('opensearch.xml'),
  siteImage: route({ pattern: '/opengraph-image', params: {}, files: ['app/opengraph-image.tsx'], cache: 'document' }),
  health: oneSegment('healthz', 'none'),
  publicFile: route({
    pattern: '/favicon.ico|logo.png|sw.js',
    params: {},
    files: ['public/favicon.ico', 'public/logo.png', 'public/sw.js'],
    cache: null,
  }),
  /** The import's notice (the site's API: each route answers one method). */
  revalidate: route({
    pattern: '/api/revalidate',
    params: {},
    files: ['app/api/revalidate/route.ts'],
    cache: 'none',
    method: 'POST',
  }),
};

export type RouteName = keyof typeof ROUTES;
/** Every entry, with its name. */
export const ALL_ROUTES: readonly Route[] = Object.entries(ROUTES).map(
  ([name, entry]) => ({ ...entry, name }) as unknown as Route,
);

/** The parameters of an address of this shape, as Next hands them to its route (null: it names nothing). */
export function readParams<P>(entry: Pick<Route<P>, 'params'>, raw: Readonly<Record<string, string>>): P | null {
  const params: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries<ParamKind<unknown>>(entry.params)) {
    const value = raw[name] === undefined ? null : kind.parse(raw[name]);
    if (value === null) return null;
    params[name] = value;
  }
  return params as P;
}

/**
 * Where what an address names is, given what its look-up found (null: nothing): true, here;
 * false, nowhere; gone, withdrawn or removed (410, 451); else the address of the same shape
 * where it lives now (a redirect).
 */
export function placement<P>(
  entry: Pick<Route<P>, 'exists' | 'address'>,
  params: P,
  found: unknown,
): boolean | string | Gone {
  if (!entry.exists) return true;
  const outcome = (entry.exists.outcome as (value: unknown, params: P) => Outcome<P>)(found, params);
  if (typeof outcome === 'boolean') return outcome;
  if (isGone(outcome as object)) return outcome as Gone;
  return entry.address ? entry.address(outcome as P) : false;
}

const firstLiterals = (segment: Segment | undefined) => (segment && 'literals' in segment ? segment.literals : []);

/**
 * First path segments the site owns. A section slug may never take one of these, or the
 * section would shadow (or be shadowed by) a route of the site: every route's first literal,
 * the folders its internal routes live in, and names kept for what may come.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  ...ALL_ROUTES.flatMap((entry) => firstLiterals(entry.segments[0])),
  ...ALL_ROUTES.flatMap((entry) =>
    entry.internal && Object.keys(entry.params).length === 0 ? [entry.internal({}).split('/')[1] ?? ''] : [],
  ),
  // The build's files, served by Next.
  '_next',
  // Names Next or browsers give meaning to, and pages the site may have one day.
  'icon',
  'apple-icon',
  'twitter-image',
  'manifest.webmanifest',
  'about',
  'offline',
]);

/**
 * First segments that sections held before a route of the site took them (the migrations
 * 20261203000000_newsroom_lines and 20261205000000_corrections moved such a section to
 * `<slug>-section`, recorded in section_redirects): an address under one that names nothing of the route's answers 308 to the
 * same path under the section's new slug, if that names something (lib/front-door.ts).
 */
export const MOVED_SECTION_SEGMENTS: ReadonlySet<string> = new Set(['authors', 'tags', 'corrections']);

/** Second path segments the site owns under a section: an article may not take one. */
export const RESERVED_ARTICLE_SLUGS: ReadonlySet<string> = new Set([
  ...ALL_ROUTES.filter((entry) => entry.segments[0] && !('literals' in entry.segments[0])).flatMap((entry) =>
    firstLiterals(entry.segments[1]),
  ),
  // Next's other share image name.
  'twitter-image',
]);
