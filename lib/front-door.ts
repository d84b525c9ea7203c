import {
  articleSection,
  articleVersions,
  knownArticleVersions,
  lastKnownArticleVersions,
  bylineArticleCount,
  correctionEntryCount,
  knownCorrectionEntries,
  lastKnownCorrectionEntries,
  knownBylineArticles,
  knownMovedSection,
  lastKnownBylineArticles,
  lastKnownMovedSection,
  movedSection,
  feedArchiveCount,
  knownArticleSection,
  knownFeedArchives,
  lastKnownFeedArchives,
  knownSectionPages,
  lastKnownArticleSection,
  lastKnownSectionPages,
  sectionPageCount,
} from '@/lib/known-pages';
import { isBuildFile } from '@/lib/build-files';
import {
  ALL_ROUTES,
  MOVED_SECTION_SEGMENTS,
  placement,
  type Gone,
  type Memo,
  type Route,
  type Segment,
} from '@/lib/routes';
import type { ParamKind } from '@/lib/url-params';

/**
 * What the server does with a request before Next.js sees it. Why a front door, and
 * not Next's proxy.ts: Next 16 sends a 404 raised by notFound() in a page rendered on
 * demand as an empty shell that only JavaScript fills in, and caches it per address
 * (vercel/next.js#62228), so what names nothing must never reach the page routes; and
 * a proxy, even one that only calls next(), halves the throughput of cached pages.
 * Here an address that exists costs a map look-up.
 *
 * The front door is a matcher over the route table (lib/routes.ts): an address that matches
 * no entry gets the full 404 page; one that does is redirected, looked up, or let through as
 * its entry says.
 */
export type Verdict =
  | { action: 'next'; url?: string; headers?: Readonly<Record<string, string>> }
  | { action: 'not-found' }
  | { action: 'redirect'; location: string }
  | { action: 'page'; status: 400 | 405 | 503; allow?: string }
  | { action: 'gone'; gone: Gone; form: GoneForm };

/**
 * Which copy of a withdrawn or removed article was asked for: its page (or share image), its
 * lite twin (whose links stay in the lite pages), or its Markdown copy (answered in Markdown).
 */
export type GoneForm = 'page' | 'lite' | 'markdown';
const goneForm = (entry: Route): GoneForm =>
  entry.pattern.startsWith('/lite/') ? 'lite' : entry.pattern.endsWith('.md') ? 'markdown' : 'page';

const NEXT: Verdict = { action: 'next' };
const NOT_FOUND: Verdict = { action: 'not-found' };
/** The first segment of the site's API, whose routes each answer one method of their own. */
const API = 'api';
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/u;
/** What no address of the site holds once decoded: a dot segment, a backslash, a NUL. */
const HIDDEN_TRAVERSAL = /\/\.\.?(?:\/|$)|[\\\0]/u;
const NO_SEGMENTS: readonly string[] = [];

/** What the front door asks lib/known-pages.ts, for each memo an entry names. */
interface MemoCalls {
  known(key: string | undefined): unknown;
  lastKnown(key: string | undefined): unknown;
  load(key: string | undefined): Promise<unknown>;
}
const MEMOS: Record<Memo, MemoCalls> = {
  sectionPages: {
    known: (slug) => knownSectionPages(slug ?? ''),
    lastKnown: (slug) => lastKnownSectionPages(slug ?? ''),
    load: (slug) => sectionPageCount(slug ?? ''),
  },
  articleSection: {
    known: (slug) => knownArticleSection(slug ?? ''),
    lastKnown: (slug) => lastKnownArticleSection(slug ?? ''),
    load: (slug) => articleSection(slug ?? ''),
  },
  feedArchives: {
    known: (section) => knownFeedArchives(section),
    lastKnown: (section) => lastKnownFeedArchives(section),
    load: (section) => feedArchiveCount(section),
  },
  authorArticles: {
    known: (slug) => knownBylineArticles('author', slug ?? ''),
    lastKnown: (slug) => lastKnownBylineArticles('author', slug ?? ''),
    load: (slug) => bylineArticleCount('author', slug ?? ''),
  },
  tagArticles: {
    known: (slug) => knownBylineArticles('tag', slug ?? ''),
    lastKnown: (slug) => lastKnownBylineArticles('tag', slug ?? ''),
    load: (slug) => bylineArticleCount('tag', slug ?? ''),
  },
  correctionEntries: {
    known: () => knownCorrectionEntries(),
    lastKnown: () => lastKnownCorrectionEntries(),
    load: () => correctionEntryCount(),
  },
  articleVersions: {
    known: (slug) => knownArticleVersions(slug ?? ''),
    lastKnown: (slug) => lastKnownArticleVersions(slug ?? ''),
    load: (slug) => articleVersions(slug ?? ''),
  },
};

type Params = Record<string, unknown>;
/** An entry's existence check, as the matcher calls it (its types are the entry's own). */
interface Check {
  memo: Memo;
  key(params: Params): string | undefined;
  trust?(value: unknown, params: Params): boolean;
}

/** An entry as the matcher holds it: what it answers when what it names is here, made once. */
interface Door {
  entry: Route;
  served: Verdict | undefined;
}

/** A node of the table's segments: literal ones looked up in a map, then parameters in order. */
interface Node {
  literals: Map<string, Node>;
  params: Array<{ name: string; kind: ParamKind<unknown>; suffix: string; node: Node }>;
  door?: Door;
}

const newNode = (): Node => ({ literals: new Map(), params: [] });

function childOf(node: Node, segment: Segment): Node[] {
  if ('literals' in segment)
    return segment.literals.map((literal) => {
      const child = node.literals.get(literal) ?? newNode();
      node.literals.set(literal, child);
      return child;
    });
  const same = node.params.find(
    (param) => param.name === segment.param && param.kind === segment.kind && param.suffix === segment.suffix,
  );
  if (same) return [same.node];
  const child = newNode();
  node.params.push({ name: segment.param, kind: segment.kind, suffix: segment.suffix, node: child });
  return [child];
}

/** The table, compiled once: no address's match builds a pattern. */
const ROOT = newNode();
for (const entry of ALL_ROUTES) {
  const door: Door = {
    entry,
    served: entry.internal ? undefined : entry.headers ? { action: 'next', headers: entry.headers } : NEXT,
  };
  const nodes = entry.segments.reduce<Node[]>((at, segment) => at.flatMap((node) => childOf(node, segment)), [ROOT]);
  for (const node of nodes) {
    if (node.door) throw new Error(`${entry.name} and ${node.door.entry.name} have one shape`);
    node.door = door;
  }
}

/** The entry an address's segments match, its parameters parsed into `params`. */
function match(node: Node, segments: readonly string[], index: number, params: Params): Door | undefined {
  if (index === segments.length) return node.door;
  const segment = segments[index] ?? '';
  const literal = node.literals.get(segment);
  const found = literal && match(literal, segments, index + 1, params);
  if (found) return found;
  for (const param of node.params) {
    if (!segment.endsWith(param.suffix)) continue;
    const value = param.kind.parse(param.suffix === '' ? segment : segment.slice(0, -param.suffix.length));
    if (value === null) continue;
    params[param.name] = value;
    const deeper = match(param.node, segments, index + 1, params);
    if (deeper) return deeper;
  }
  return undefined;
}

/**
 * Synchronous when what the request names is already known (a cached page costs a
 * map look-up and no promise); a promise when the database must be asked.
 */
export function frontDoor(method: string, url: string): Verdict | Promise<Verdict> {
  const verdict = answer(method, url);
  return verdict instanceof Promise
    ? verdict.then((found) => orMoved(found, method, url))
    : orMoved(verdict, method, url);
}

/**
 * An address that names nothing under a first segment a section held before a route took it
 * (`/tags`, `/tags/page/2`, `/tags/<article>`, `/lite/tags`: MOVED_SECTION_SEGMENTS) answers
 * 308 to the same path under the section's new slug, when that names something. A real author's
 * or tag's page is answered before: only what names nothing of theirs gets here.
 */
function orMoved(verdict: Verdict, method: string, url: string): Verdict | Promise<Verdict> {
  if (verdict.action !== 'not-found') return verdict;
  const query = url.indexOf('?');
  const segments = (query === -1 ? url : url.slice(0, query)).slice(1).split('/');
  const at = segments[0] === 'lite' ? 1 : 0;
  const old = segments[at] ?? '';
  if (!MOVED_SECTION_SEGMENTS.has(old)) return verdict;
  const follow = (slug: string | null): Verdict | Promise<Verdict> => {
    if (!slug) return verdict;
    const path = `/${segments.map((segment, index) => (index === at ? slug : segment)).join('/')}`;
    const there = `${path}${query === -1 ? '' : url.slice(query)}`;
    const settle = (found: Verdict): Verdict =>
      found.action === 'next' ? { action: 'redirect', location: there } : found;
    const found = answer(method, there);
    return found instanceof Promise ? found.then(settle) : settle(found);
  };
  const known = knownMovedSection(old);
  if (known !== undefined) return follow(known);
  return movedSection(old).then(follow, (error: unknown) => {
    console.error(`${method} ${url}: the database did not answer:`, error);
    return lastKnownMovedSection(old) === undefined ? verdict : follow(lastKnownMovedSection(old) ?? null);
  });
}

function answer(method: string, url: string): Verdict | Promise<Verdict> {
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
  const segments = pathname === '/' ? NO_SEGMENTS : pathname.slice(1).split('/');
  const params: Params = {};
  if (segments[0] === API) {
    const allowed = match(ROOT, segments, 0, params)?.entry.method;
    if (allowed === undefined) return NOT_FOUND;
    return method === allowed ? NEXT : { action: 'page', status: 405, allow: allowed };
  }
  if (method !== 'GET' && method !== 'HEAD') return { action: 'page', status: 405 };
  // The build's own files, and nothing else: any other /_next/ address would reach a page route.
  if (segments[0] === '_next') return buildFile(pathname, decoded);
  // Every address below here either reaches a route of the site, or gets the full 404 page:
  // Next's own answer for a missing page rendered on demand is an empty shell.
  const door = match(ROOT, segments, 0, params);
  if (door === undefined || door.entry.method !== undefined) return NOT_FOUND;
  const redirect = door.entry.redirect?.(params, query === -1 ? '' : url.slice(query + 1));
  if (redirect === false) return NOT_FOUND;
  if (redirect !== undefined) return { action: 'redirect', location: redirect };
  const check = door.entry.exists as Check | undefined;
  if (check === undefined) return served(door, params);
  const memo = MEMOS[check.memo];
  const key = check.key(params);
  const known = memo.known(key);
  const trusted = known !== undefined && (check.trust === undefined || check.trust(known, params));
  return lookUp(method, pathname, door, params, trusted ? known : undefined, memo, key);
}

/** What the front door answers for an address that names what is there. */
const served = (door: Door, params: Params): Verdict =>
  door.served ?? { action: 'next', url: door.entry.internal?.(params) ?? '/' };

/** The verdict for what the entry's look-up found: here, nowhere, moved, or gone (410, 451). */
function decide(door: Door, params: Params, found: unknown): Verdict {
  const place = placement(door.entry, params, found);
  if (place === true) return served(door, params);
  if (place === false) return NOT_FOUND;
  if (typeof place === 'object')
    return door.entry.answersGone ? served(door, params) : { action: 'gone', gone: place, form: goneForm(door.entry) };
  return { action: 'redirect', location: place };
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

/** After the database failed to answer, how long the front door stops asking it (ms). */
const DATABASE_PAUSE_MS = 5_000;
let databaseFailedAt = -Infinity;

/**
 * Decides from what is known, or asks the database first. While the database does not
 * answer, a page that existed when last asked goes to Next, which serves it from its cache
 * (stale if need be), and anything else gets the 503 page; after a failure the database is
 * left alone for a few seconds, so a hung one does not make every reader wait for its timeout.
 */
function lookUp(
  method: string,
  pathname: string,
  door: Door,
  params: Params,
  known: unknown,
  memo: MemoCalls,
  key: string | undefined,
): Verdict | Promise<Verdict> {
  if (known !== undefined) return decide(door, params, known);
  const unavailable = (): Verdict => {
    const last = memo.lastKnown(key);
    return last === undefined ? { action: 'page', status: 503 } : decide(door, params, last);
  };
  if (performance.now() - databaseFailedAt < DATABASE_PAUSE_MS) return unavailable();
  return memo.load(key).then(
    (found) => decide(door, params, found),
    (error: unknown) => {
      databaseFailedAt = performance.now();
      console.error(`${method} ${pathname}: the database did not answer:`, error);
      return unavailable();
    },
  );
}
