import { createHash } from 'node:crypto';
import type http from 'node:http';
import zlib from 'node:zlib';
import { preferencesScript } from '@/components/reader-preferences';
import {
  type Conditions,
  conditionalAnswer,
  type Encoding,
  encodedTag,
  entityTag,
  handOver,
  isCacheable,
  NOT_MODIFIED_OMITS,
} from './conditional';
import { erasable } from '@/lib/erasable';
import { contentSecurityPolicyFor } from './security-headers';

/**
 * How the server finishes every response Next.js writes (scripts/server.ts): the body is
 * collected, then sent with a validator and compressed for the client, both worked out once
 * per distinct body and not once per request.
 *
 * Why here and not in Next: for a cached page, Next hashes the whole page in JavaScript
 * (fnv1a) to make its ETag, and gzips it again, on every request. Hashing alone took a sixth
 * of the server's time under load; gzip costs more than serving the cached page itself. Both
 * are switched off in next.config.js (`generateEtags`, `compress`) and done here: the ETag
 * (lib/http/conditional.ts: a native SHA-256) of a body not seen before, and its gzip or Brotli
 * copy kept beside it, so a warm page costs a memory comparison. The same goes for a route
 * handler's answer: the server makes its validator and answers its conditions (why there:
 * lib/http/conditional.ts). A page that failed to render (500) is replaced by `onServerError`.
 *
 * Every body is held until it ends, even one that is neither cacheable nor HTML (framework data
 * for client navigation, the health check, API answers): a 5xx must be held to be replaced;
 * framework data is compressed, in one call on the whole body, where passing it through would
 * take a compressing stream per response; and the others are a few bytes.
 */
export interface FinishOptions {
  /** Sends the site's own page in place of a 5xx response that Next was about to send. */
  onServerError: (res: http.ServerResponse) => void;
  /** Headers that replace Next's on a 200 (a page rendered per request has Next's `no-store`). */
  headers?: Readonly<Record<string, string>>;
}

/** Responses below this size are sent as they are: compressing them saves next to nothing. */
const MIN_COMPRESSED_SIZE = 1024;
const COMPRESSIBLE =
  /^(?:text\/|application\/(?:json|xml|rss\+xml|atom\+xml|feed\+json|manifest\+json|ld\+json|javascript|opensearchdescription\+xml)|image\/svg\+xml)/u;
/** At most this many bytes of bodies and their compressed copies are kept (least recently used go first). */
const MEMO_BYTES = 64 * 1024 * 1024;

interface Known {
  body: Buffer;
  /** Made on first use: an answer that brings its own validator is not hashed. */
  etag?: string;
  /** The page's Content-Security-Policy (HTML only), naming each of its inline scripts. */
  csp?: string;
  encoded: Partial<Record<Encoding, Buffer>>;
  bytes: number;
}

/** Bodies of cacheable responses by address, with their ETag and compressed copies. */
const known = new Map<string, Known>();
let knownBytes = 0;
// A legal removal's text may be in any body kept here: it empties them all (lib/erasable.ts).
erasable(() => {
  known.clear();
  knownBytes = 0;
});

function remember(key: string, entry: Known): void {
  const old = known.get(key);
  if (old) {
    knownBytes -= old.bytes;
    known.delete(key);
  }
  known.set(key, entry);
  knownBytes += entry.bytes;
  for (const [oldest, value] of known) {
    if (knownBytes <= MEMO_BYTES) break;
    known.delete(oldest);
    knownBytes -= value.bytes;
  }
}

/** What a body is known as: its ETag and compressed copies are reused while the body stays the same. */
function lookUp(key: string, body: Buffer): Known {
  const found = known.get(key);
  if (found && found.body.equals(body)) {
    // Most recently used goes last.
    known.delete(key);
    known.set(key, found);
    return found;
  }
  const entry: Known = {
    body,
    encoded: {},
    bytes: body.byteLength,
  };
  remember(key, entry);
  return entry;
}

/** The compressed copy of a known body, made on first use and counted against the memory bound. */
function encodedCopy(key: string, entry: Known, encoding: Encoding): Buffer {
  let copy = entry.encoded[encoding];
  if (!copy) {
    copy = compress(entry.body, encoding);
    entry.encoded[encoding] = copy;
    entry.bytes += copy.byteLength;
    if (known.get(key) === entry) knownBytes += copy.byteLength;
  }
  return copy;
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/giu;
const DATA_BLOCK = /\btype\s*=\s*["']?application\/(?:ld\+)?json/iu;

/** Parses `text` as JSON, or says it is not. */
function json(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

/** Text between a fixed start and end, parsed as JSON (null: not of that shape). */
function between(text: string, start: string, end: string): { value: unknown } | null {
  return text.startsWith(start) && text.endsWith(end) && text.length >= start.length + end.length
    ? json(text.slice(start.length, text.length - end.length))
    : null;
}

/** Next's bootstrap of its flight data. */
const FLIGHT_START = '(self.__next_f=self.__next_f||[]).push([0])';
/** Turbopack's list of the page's chunks (the `<script id="_R_">`). */
const CHUNKS_START = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(';
const CHUNK = /^static\/chunks\/[\w.-]+\.(?:js|css)$/u;

/**
 * Whether an inline script is one the framework or the site itself writes, recognised by
 * its exact shape: the site's head script (its exact text), Next's flight bootstrap (exact),
 * a flight chunk `self.__next_f.push([1, "…"])` whose argument is JSON and nothing else, and
 * Turbopack's list of chunks (JSON naming only build chunks). Anything else, such as text
 * that came from a document and reached the HTML as a script, is not approved.
 */
export function isFrameworkScript(text: string): boolean {
  if (text === preferencesScript || text === FLIGHT_START) return true;
  const flight = between(text, 'self.__next_f.push(', ')');
  if (flight) {
    const chunk = flight.value;
    return (
      Array.isArray(chunk) &&
      chunk.length === 2 &&
      (((chunk[0] === 1 || chunk[0] === 3) && typeof chunk[1] === 'string') || chunk[0] === 2)
    );
  }
  const chunks = between(text, CHUNKS_START, ');');
  if (chunks) {
    const list = chunks.value as { otherChunks?: unknown } | null;
    return (
      typeof list === 'object' &&
      list !== null &&
      !Array.isArray(list) &&
      Array.isArray(list.otherChunks) &&
      list.otherChunks.every((chunk) => typeof chunk === 'string' && CHUNK.test(chunk))
    );
  }
  return false;
}

/**
 * The policy for an HTML page: the SHA-256 of each inline script the framework or the site
 * wrote (isFrameworkScript; scripts with a src, and JSON data blocks, need none), so that the
 * policy needs no 'unsafe-inline' and approves no script of any other origin. The text
 * between the tags is hashed as it stands in the page.
 */
export function pagePolicy(html: string): string {
  const digests = new Set<string>();
  for (const [, attributes = '', text = ''] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/iu.test(attributes) || DATA_BLOCK.test(attributes) || !isFrameworkScript(text)) continue;
    digests.add(createHash('sha256').update(text, 'utf8').digest('base64'));
  }
  return contentSecurityPolicyFor([...digests]);
}

function compress(body: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? zlib.brotliCompressSync(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        },
      })
    : zlib.gzipSync(body, { level: 6 });
}

/** The encoding the client prefers among those it accepts (`q=0` refuses one), Brotli first on a tie. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  let best: Encoding | null = null;
  let bestQ = 0;
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!(q > 0)) continue;
    const encoding = name === 'br' ? 'br' : name === 'gzip' || name === 'x-gzip' ? 'gzip' : null;
    if (encoding && (q > bestQ || (q === bestQ && encoding === 'br'))) {
      best = encoding;
      bestQ = q;
    }
  }
  return best;
}

function addVary(res: http.ServerResponse, name: string): void {
  const vary = String(res.getHeader('vary') ?? '');
  if (
    !vary
      .toLowerCase()
      .split(/\s*,\s*/u)
      .includes(name.toLowerCase())
  )
    res.setHeader('vary', vary ? `${vary}, ${name}` : name);
}

function headerValue(res: http.ServerResponse, name: string): string {
  const value = res.getHeader(name);
  return Array.isArray(value) ? value.join(', ') : value === undefined ? '' : String(value);
}

/**
 * Holds back what Next writes to `res` until it ends, then sends it finished. Call before
 * handing the request to Next: a GET or HEAD is handed over as one the server finishes (its
 * conditions kept here, a HEAD asked as a GET: lib/http/conditional.ts). `key` names the
 * response among those of other addresses.
 */
export function finishResponse(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  key: string,
  { onServerError, headers }: FinishOptions,
): void {
  const asked = handOver(req);
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const chunks: Buffer[] = [];
  const toBuffer = (chunk: unknown, encoding?: unknown): Buffer =>
    Buffer.isBuffer(chunk)
      ? chunk
      : typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array);

  res.writeHead = function (this: http.ServerResponse, status: number, ...rest: unknown[]) {
    res.statusCode = status;
    const headers = rest.find((arg) => arg !== null && typeof arg === 'object');
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers as Record<string, string | string[] | number>))
        if (value !== undefined) res.setHeader(name, value);
    }
    return res;
  } as typeof res.writeHead;
  res.flushHeaders = () => {};
  res.write = function (chunk: unknown, encoding?: unknown, callback?: unknown) {
    if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, encoding));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
    return true;
  } as typeof res.write;
  res.end = function (chunk?: unknown, encoding?: unknown, callback?: unknown) {
    if (typeof chunk === 'function') callback = chunk;
    else if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, encoding));
    if (typeof encoding === 'function') callback = encoding;
    Object.assign(res, original);
    // Next's answer when a page or route failed; a route's own 503 (the health check) is its answer.
    if (res.statusCode === 500) {
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      onServerError(res);
    } else {
      if (headers && res.statusCode === 200)
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      send(req, res, key, Buffer.concat(chunks), asked);
    }
    if (typeof callback === 'function') res.once('finish', callback as () => void);
    return res;
  } as typeof res.end;
}

/** Sends the body Next wrote, finished, as the answer to what was `asked` (null: neither GET nor HEAD). */
function send(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  key: string,
  body: Buffer,
  asked: { method: string; conditions: Conditions } | null,
): void {
  const type = headerValue(res, 'content-type');
  const compressible = res.statusCode === 200 && COMPRESSIBLE.test(type) && !res.hasHeader('content-encoding');
  const encoding =
    compressible && body.byteLength >= MIN_COMPRESSED_SIZE ? chooseEncoding(req.headers['accept-encoding']) : null;
  if (compressible) addVary(res, 'Accept-Encoding');

  const html = type.startsWith('text/html') && body.byteLength > 0;
  let entry: Known | null = null;
  if (res.statusCode === 200 && asked && isCacheable(headerValue(res, 'cache-control'))) {
    entry = lookUp(key, body);
    if (!res.hasHeader('etag')) res.setHeader('etag', (entry.etag ??= entityTag(body)));
    // Sent with a 304 too: a browser may replace the policy it stored with the page by this one.
    if (html) res.setHeader('content-security-policy', (entry.csp ??= pagePolicy(body.toString('utf8'))));
  } else if (html) {
    res.setHeader('content-security-policy', pagePolicy(body.toString('utf8')));
  }
  const etag = headerValue(res, 'etag');
  if (etag) res.setHeader('etag', encodedTag(etag, encoding));
  const answer =
    asked && res.statusCode === 200
      ? conditionalAnswer(asked.method, asked.conditions, {
          etag: etag || null,
          lastModified: headerValue(res, 'last-modified') || null,
        })
      : { status: res.statusCode, body: asked?.method !== 'HEAD' };
  if (answer.status === 304) {
    res.statusCode = 304;
    for (const name of NOT_MODIFIED_OMITS) res.removeHeader(name);
    res.end();
    return;
  }
  let payload = body;
  if (encoding) {
    payload = entry ? encodedCopy(key, entry, encoding) : compress(body, encoding);
    res.setHeader('content-encoding', encoding);
  }
  // A HEAD was asked of Next as a GET: it gets the GET's headers, its length included, and no body.
  res.setHeader('content-length', payload.byteLength);
  if (answer.body) res.end(payload);
  else res.end();
}
