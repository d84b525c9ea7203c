import { createHash } from 'node:crypto';
import { CACHE_POLICIES, type CachePolicy } from './cache-policy';

export interface Representation {
  body: string;
  contentType: string;
  /** `document` unless given (lib/http/cache-policy.ts). */
  cachePolicy?: CachePolicy;
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
    'cache-control': CACHE_POLICIES[representation.cachePolicy ?? 'document'],
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
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': CACHE_POLICIES.document },
  });
}
