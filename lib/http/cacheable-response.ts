import { createHash } from 'node:crypto';

/** Lets a CDN keep a machine-readable document for a minute and serve it stale while it refetches. */
export const SHARED_CACHE_CONTROL = 'public, max-age=60, s-maxage=60, stale-while-revalidate=600';

/**
 * For what does not change once written (a full feed archive): browsers and feed readers
 * keep it a day; shared caches ask again after a minute, and get a 304 unless it changed.
 */
export const LONG_CACHE_CONTROL = 'public, max-age=86400, s-maxage=60, stale-while-revalidate=600';

export interface Representation {
  body: string;
  contentType: string;
  /** SHARED_CACHE_CONTROL unless given. */
  cacheControl?: string;
  /** The newest change to what the body shows; null when it shows nothing that changes. */
  lastModified: Date | null;
  headers?: Record<string, string>;
}

export const entityTag = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

// RFC 9110 §13.1.2: If-None-Match compares weakly and lists tags (or `*`).
function noneMatch(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//u, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//u, '') === opaque);
}

// HTTP dates have whole seconds: a resource changed within the second it was fetched is still "not modified".
function notModifiedSince(header: string, lastModified: Date): boolean {
  const since = Date.parse(header);
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/**
 * A GET or HEAD answer with validators: a strong ETag of the body and Last-Modified,
 * and 304 Not Modified when the client already has this version. If-None-Match wins
 * over If-Modified-Since, as RFC 9110 §13.2.2 orders them.
 */
export function cacheableResponse(request: Request, representation: Representation): Response {
  const etag = entityTag(representation.body);
  const headers = new Headers({
    'content-type': representation.contentType,
    'cache-control': representation.cacheControl ?? SHARED_CACHE_CONTROL,
    etag,
    ...representation.headers,
  });
  if (representation.lastModified) headers.set('last-modified', representation.lastModified.toUTCString());

  const ifNoneMatch = request.headers.get('if-none-match');
  const ifModifiedSince = request.headers.get('if-modified-since');
  const fresh =
    ifNoneMatch !== null
      ? noneMatch(ifNoneMatch, etag)
      : ifModifiedSince !== null && representation.lastModified !== null
        ? notModifiedSince(ifModifiedSince, representation.lastModified)
        : false;
  if (fresh) {
    headers.delete('content-type');
    return new Response(null, { status: 304, headers });
  }
  return new Response(request.method === 'HEAD' ? null : representation.body, { status: 200, headers });
}

/** A plain-text answer for a request the route cannot serve (unknown section, malformed file name). */
export function notFoundResponse(what: string): Response {
  return new Response(`${what}\n`, {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': SHARED_CACHE_CONTROL },
  });
}
