import {
  CACHE_POLICIES,
  conditionalAnswer,
  entityTag,
  FINISHED_BY_SERVER,
  isCacheable,
  NOT_MODIFIED_OMITS,
  type CachePolicy,
} from './conditional';

export interface Representation {
  body: string;
  contentType: string;
  /** `document` unless given (lib/http/conditional.ts). */
  cachePolicy?: CachePolicy;
  /** The newest change to what the body shows; null when it shows nothing that changes. */
  lastModified: Date | null;
  headers?: Record<string, string>;
}

/**
 * A route handler's GET or HEAD answer with validators: a strong ETag of the body and
 * Last-Modified, and 304 Not Modified when the client already has this version (the rules
 * are lib/http/conditional.ts's). When the server finishes the answer (under `npm start`),
 * the server makes the ETag and answers the conditions instead, once per distinct body:
 * this sends the body with Last-Modified and the policy, and the server does the rest.
 */
export function cacheableResponse(request: Request, representation: Representation): Response {
  const cacheControl = CACHE_POLICIES[representation.cachePolicy ?? 'document'];
  const finished = request.headers.has(FINISHED_BY_SERVER) && isCacheable(cacheControl);
  const headers = new Headers({
    'content-type': representation.contentType,
    'cache-control': cacheControl,
    ...(finished ? {} : { etag: entityTag(representation.body) }),
    ...representation.headers,
  });
  if (representation.lastModified) headers.set('last-modified', representation.lastModified.toUTCString());
  if (finished) return new Response(representation.body, { status: 200, headers });

  const answer = conditionalAnswer(
    request.method,
    { ifNoneMatch: request.headers.get('if-none-match'), ifModifiedSince: request.headers.get('if-modified-since') },
    { etag: headers.get('etag'), lastModified: headers.get('last-modified') },
  );
  if (answer.status === 304) for (const name of NOT_MODIFIED_OMITS) headers.delete(name);
  return new Response(answer.body ? representation.body : null, { status: answer.status, headers });
}

/** A plain-text answer for a request the route cannot serve (unknown section, malformed file name). */
export function notFoundResponse(what: string): Response {
  return new Response(`${what}\n`, {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': CACHE_POLICIES.document },
  });
}
