import { createHash } from 'node:crypto';
import type http from 'node:http';
import { REVALIDATE_SECONDS } from '@/lib/cache-tags';

/**
 * Cache policies and conditional requests, written once for both ways the site answers: pages, whose responses
 * the server finishes on Node's ServerResponse (lib/http/finish-response.ts), and route
 * handlers, which answer with a Web Response (cacheableResponse, lib/http/cacheable-response.ts).
 * The validator (entityTag), how If-None-Match and If-Modified-Since are compared, what a 304
 * keeps, and what a HEAD is sent are here; the callers only read and write their own headers.
 *
 * Which layer makes a route handler's validator. Under `npm start`, the server finishes every
 * answer Next writes, a route handler's too; under `npm run dev`, and when a unit test calls a
 * route handler, nothing does. So the server hands each GET and HEAD to Next marked as one it
 * will finish (handOver): it takes the request's conditions off (Next and the route never see
 * them: one layer answers them, the one that knows which encoding it sends, and so which ETag),
 * and asks for a GET (so that it has the body of a HEAD to measure and validate). A route handler
 * that sees the mark makes no validator for a body that may be cached: the server makes it, once
 * per distinct body, and answers 304 from a comparison of bytes and a look-up, where the route
 * would hash its whole body on every request. Without the mark, the route handler makes the
 * validator and answers the conditions itself, with the same functions, so the ETag is the same
 * either way. A validator an answer brings of its own (a share image's, which names what it
 * shows; a static file's) is kept by the server, which then hashes nothing.
 */

/**
 * Every Cache-Control the site sends, by name: each answer's policy is one of these.
 *
 * Pages are kept REVALIDATE_SECONDS by any shared cache and served stale a few minutes more
 * while it fetches a fresh copy; browsers ask again each time (with the ETag), so an import
 * shows at once. Next writes this header itself for the pages it caches, from each page's
 * `revalidate` and next.config.js's `expireTime` (PAGE_EXPIRE_SECONDS, which
 * lib/http/conditional.test.ts holds to this file).
 */
export const PAGE_STALE_SECONDS = 240;
export const PAGE_EXPIRE_SECONDS = REVALIDATE_SECONDS + PAGE_STALE_SECONDS;

export const CACHE_POLICIES = {
  /** A page (full or lite): shared caches keep it a minute, browsers revalidate. */
  page: `s-maxage=${REVALIDATE_SECONDS}, stale-while-revalidate=${PAGE_STALE_SECONDS}`,
  /** A machine-readable document (feed, sitemap, share image): everyone keeps it a minute, stale ten more. */
  document: `public, max-age=${REVALIDATE_SECONDS}, s-maxage=${REVALIDATE_SECONDS}, stale-while-revalidate=600`,
  /**
   * What does not change once written (a full feed archive): browsers and feed readers keep it
   * a day; shared caches ask again after a minute, and get a 304 unless it changed.
   */
  archive: `public, max-age=86400, s-maxage=${REVALIDATE_SECONDS}, stale-while-revalidate=600`,
  /**
   * One reader's page (search results): no shared cache may keep it (it cannot be told of
   * imports, and made-up queries would fill it); the reader's own browser may reuse it a minute.
   */
  reader: `private, max-age=${REVALIDATE_SECONDS}`,
  /** Framework data (client navigation) at a page's address: nobody's to share or keep. */
  frameworkData: 'private, no-store',
  /** An answer for this moment (errors, the health check): kept by nobody. */
  none: 'no-store',
  /**
   * A withdrawn or legally removed article's 410 or 451 answer: a few seconds, within the
   * micro-cache's, so that a restore or a lift shows soon (the withdrawal expires caches itself).
   */
  gone: 'public, max-age=5, s-maxage=5',
  /** A redirect the site's addresses make (an old page address, a moved article): five minutes. */
  redirect: 'public, max-age=300',
} as const;

export type CachePolicy = keyof typeof CACHE_POLICIES;

/** Whether a response under this Cache-Control may be remembered and answered with validators. */
export const isCacheable = (cacheControl: string) =>
  !/no-store|no-cache|private/u.test(cacheControl) && /s-maxage=[1-9]|max-age=[1-9]/u.test(cacheControl);

/** The validator of a body: its SHA-256 (of its UTF-8 bytes, for text), strong. */
export const entityTag = (body: string | Uint8Array): string =>
  `"${createHash('sha256').update(body).digest('base64url')}"`;

export type Encoding = 'br' | 'gzip';
const SUFFIX: Record<Encoding, string> = { br: '-br', gzip: '-gz' };

/**
 * The ETag of a compressed copy: a strong ETag names one sequence of bytes, so each encoding
 * has its own, the body's with a suffix (which If-None-Match takes off again). A weak one
 * already stands for every copy of the same content.
 */
export const encodedTag = (etag: string, encoding: Encoding | null): string =>
  encoding && !etag.startsWith('W/') ? `${etag.slice(0, -1)}${SUFFIX[encoding]}"` : etag;

/** A tag as compared: without weakness (RFC 9110 §8.8.3.2, weak comparison) or encoding suffix. */
function opaqueTag(tag: string): string {
  let value = tag.trim().replace(/^W\//u, '');
  for (const suffix of Object.values(SUFFIX)) {
    if (value.endsWith(`${suffix}"`)) value = `${value.slice(0, -suffix.length - 1)}"`;
  }
  return value;
}

/** RFC 9110 §13.1.2: If-None-Match lists tags (or is `*`), compared weakly. */
export function noneMatch(header: string, etag: string): boolean {
  const wanted = opaqueTag(etag);
  return header.split(',').some((tag) => tag.trim() === '*' || opaqueTag(tag) === wanted);
}

/** HTTP dates have whole seconds: a resource changed within the second it was fetched is still "not modified". */
function notModifiedSince(header: string, lastModified: string): boolean {
  const since = Date.parse(header);
  const modified = Date.parse(lastModified);
  return !Number.isNaN(since) && !Number.isNaN(modified) && Math.floor(modified / 1000) * 1000 <= since;
}

/** What a request asks to be spared (absent: null). */
export interface Conditions {
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
}

/** What a 200 answer would carry to be compared with them (absent: null or empty). */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

/**
 * How a GET or HEAD is answered, given what a 200 would carry: 304 with no body when the
 * client has this version, else 200, with the body unless it is a HEAD (which gets the headers
 * of the GET). If-None-Match wins over If-Modified-Since, as RFC 9110 §13.2.2 orders them.
 */
export function conditionalAnswer(
  method: string,
  conditions: Conditions,
  validators: Validators,
): { status: 200 | 304; body: boolean } {
  const { ifNoneMatch, ifModifiedSince } = conditions;
  const fresh =
    ifNoneMatch !== null
      ? Boolean(validators.etag) && noneMatch(ifNoneMatch, validators.etag!)
      : ifModifiedSince !== null && Boolean(validators.lastModified)
        ? notModifiedSince(ifModifiedSince, validators.lastModified!)
        : false;
  if (fresh) return { status: 304, body: false };
  return { status: 200, body: method !== 'HEAD' };
}

/**
 * What a 304 leaves out: the headers that describe the body it does not send. It keeps the
 * validators, Cache-Control and Vary (RFC 9110 §15.4.5), and a page's Content-Security-Policy,
 * by which a browser may replace the one it stored with the page.
 */
export const NOT_MODIFIED_OMITS = ['content-type', 'content-length', 'content-encoding'] as const;

/** The request header by which the server tells Next's routes that it finishes their answer. */
export const FINISHED_BY_SERVER = 'x-finished-by-server';

/**
 * Hands a request on to Next as one the server finishes (see above): its conditions taken
 * off and returned, a HEAD asked as a GET, and the mark set (over any the client sent). What
 * is not a GET or a HEAD goes as it came, unmarked.
 */
export function handOver(req: http.IncomingMessage): { method: string; conditions: Conditions } | null {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    delete req.headers[FINISHED_BY_SERVER];
    return null;
  }
  const conditions = {
    ifNoneMatch: req.headers['if-none-match'] ?? null,
    ifModifiedSince: req.headers['if-modified-since'] ?? null,
  };
  delete req.headers['if-none-match'];
  delete req.headers['if-modified-since'];
  req.headers[FINISHED_BY_SERVER] = '1';
  req.method = 'GET';
  return { method, conditions };
}
