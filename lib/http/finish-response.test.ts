import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preferencesScript } from '@/components/reader-preferences';
import { cacheableResponse } from './cacheable-response';
import { encodedTag, entityTag } from './conditional';
import { chooseEncoding, finishResponse, isFrameworkScript, pagePolicy } from './finish-response';

// A server that answers like Next does for a cached page (one end() with the whole body),
// a streamed one (several writes), a failed render (500) and a route's own 503, each
// finished by finishResponse.
let body = `<!doctype html><html><body>${'<p>The minister said talks would resume.</p>'.repeat(200)}</body></html>`;
let server: http.Server;
let base: string;

// A route handler's answer (a feed), as Next's route handlers write a Web Response to `res`.
const feed = {
  body: `<rss>${'<item>A correction to the harbour story</item>'.repeat(100)}</rss>`,
  contentType: 'application/rss+xml; charset=utf-8',
  lastModified: new Date('2026-03-02T11:30:00.000Z'),
};
/** What the route handler was asked, last: the method and the conditions it saw. */
let routeSaw: { method: string; ifNoneMatch: string | null; ifModifiedSince: string | null } | undefined;
async function answerAsRoute(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) headers.set(name, String(value));
  const request = new Request(`http://x${req.url}`, { method: req.method, headers });
  routeSaw = {
    method: request.method,
    ifNoneMatch: request.headers.get('if-none-match'),
    ifModifiedSince: request.headers.get('if-modified-since'),
  };
  const response = cacheableResponse(request, feed);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    finishResponse(req, res, new URL(req.url ?? '/', 'http://x').pathname, {
      onServerError: (r) => {
        r.writeHead(503, { 'content-type': 'text/html' });
        r.end('<h1>Temporarily unavailable</h1>');
      },
      // What the front door gives the search page (its entry in lib/routes.ts, as lib/front-door.ts answers it).
      headers: req.url?.startsWith('/per-request') ? { 'cache-control': 'private, max-age=60' } : undefined,
    });
    const path = req.url ?? '/';
    if (path === '/feed.xml') {
      void answerAsRoute(req, res);
    } else if (path.startsWith('/cached')) {
      res.setHeader('cache-control', 's-maxage=60, stale-while-revalidate=240');
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(body);
    } else if (path.startsWith('/per-request')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-store' });
      res.end(`<p>results for ${path}</p><script>(self.__next_f=self.__next_f||[]).push([0])</script>`);
    } else if (path === '/streamed') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.write('<p>one</p>'.repeat(200));
      res.write(Buffer.from('<p>two</p>'));
      res.end();
    } else if (path === '/failed') {
      res.statusCode = 500;
      res.end('Internal error: at render (/app/page.tsx:12)');
    } else {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end('{"status":"unavailable"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw GET (fetch would decompress and hide what was sent). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .request(`${base}${path}`, { headers, method }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject)
      .end();
  });
}

describe('finishResponse', () => {
  it('sends a page rendered per request with the headers it was given in place of Next’s, with no ETag', async () => {
    const page = await get('/per-request?q=harbour');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('private, max-age=60');
    expect(page.headers.etag).toBeUndefined();
    expect(page.headers['content-security-policy']).toContain(
      `'sha256-${createHash('sha256').update('(self.__next_f=self.__next_f||[]).push([0])').digest('base64')}'`,
    );
  });

  it('gives a cacheable page an ETag and answers a request that has it with 304 and no body', async () => {
    const first = await get('/cached');
    expect(first.status).toBe(200);
    expect(first.body.toString()).toBe(body);
    expect(first.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(first.headers.etag).toMatch(/^"[\w-]{20,}"$/u);
    expect((await get('/cached')).headers.etag).toBe(first.headers.etag);

    const again = await get('/cached', { 'if-none-match': first.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
    expect((await get('/cached', { 'if-none-match': '"another-version"' })).status).toBe(200);
  });

  it('gives a changed page a new ETag, and the old one no longer gets a 304', async () => {
    const before = (await get('/cached-changing')).headers.etag!;
    body = body.replace('minister', 'ministers');
    const after = await get('/cached-changing', { 'if-none-match': before });
    expect(after.status).toBe(200);
    expect(after.body.toString()).toContain('ministers');
    expect(after.headers.etag).not.toBe(before);
  });

  it('compresses for a client that accepts it, with Brotli preferred, and the copy decodes to the page', async () => {
    const br = await get('/cached', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/iu);
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(body);
    expect(Number(br.headers['content-length'])).toBe(br.body.byteLength);
    expect(br.body.byteLength).toBeLessThan(Buffer.byteLength(body) / 5);

    const gzip = await get('/cached', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(body);
    // Each representation has its own validator, and each is recognised when sent back.
    expect(gzip.headers.etag).not.toBe(br.headers.etag);
    expect((await get('/cached', { 'accept-encoding': 'br', 'if-none-match': br.headers.etag! })).status).toBe(304);
    expect((await get('/cached', { 'if-none-match': gzip.headers.etag! })).status).toBe(304);

    const none = await get('/cached', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.toString()).toBe(body);
  });

  it('sends a streamed answer whole, compressed, with no ETag when it may not be cached', async () => {
    const streamed = await get('/streamed', { 'accept-encoding': 'gzip' });
    expect(streamed.status).toBe(200);
    expect(zlib.gunzipSync(streamed.body).toString()).toBe(`${'<p>one</p>'.repeat(200)}<p>two</p>`);
    expect(streamed.headers.etag).toBeUndefined();
  });

  it('replaces a failed render with the site’s own page, and leaves a route’s own 503 alone', async () => {
    const failed = await get('/failed');
    expect(failed.status).toBe(503);
    expect(failed.body.toString()).toBe('<h1>Temporarily unavailable</h1>');
    const health = await get('/health');
    expect(health.status).toBe(503);
    expect(health.body.toString()).toBe('{"status":"unavailable"}');
  });

  it('answers HEAD with the headers of a GET and no body', async () => {
    const head = await get('/cached', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.byteLength).toBe(0);
    expect(head.headers['content-type']).toMatch(/text\/html/u);
  });

  it('gives a HEAD the ETag, length and encoding of the GET, and answers its conditions like a GET’s', async () => {
    for (const path of ['/cached', '/feed.xml']) {
      const headers = { 'accept-encoding': 'gzip' };
      const [got, head] = [await get(path, headers), await get(path, headers, 'HEAD')];
      expect(head.body.byteLength, path).toBe(0);
      for (const name of ['etag', 'content-length', 'content-encoding', 'content-type'])
        expect(head.headers[name], `${path} ${name}`).toBe(got.headers[name]);
      expect((await get(path, { ...headers, 'if-none-match': got.headers.etag! }, 'HEAD')).status, path).toBe(304);
    }
  });

  it('gives a route handler’s answer the ETag it has without the server, and answers its conditions itself', async () => {
    const alone = cacheableResponse(new Request('http://x/feed.xml'), feed);
    const first = await get('/feed.xml');
    expect(first.status).toBe(200);
    expect(first.body.toString()).toBe(feed.body);
    expect(first.headers.etag).toBe(alone.headers.get('etag'));
    expect(first.headers.etag).toBe(entityTag(feed.body));
    expect(first.headers['last-modified']).toBe('Mon, 02 Mar 2026 11:30:00 GMT');

    const gzip = await get('/feed.xml', { 'accept-encoding': 'gzip' });
    expect(gzip.headers.etag).toBe(encodedTag(entityTag(feed.body), 'gzip'));
    for (const conditions of [
      { 'if-none-match': first.headers.etag! } as Record<string, string>,
      { 'if-none-match': gzip.headers.etag! },
      { 'if-modified-since': first.headers['last-modified']! },
    ]) {
      const again = await get('/feed.xml', { 'accept-encoding': 'gzip', ...conditions });
      expect(again.status, JSON.stringify(conditions)).toBe(304);
      expect(again.body.byteLength).toBe(0);
      expect(again.headers.etag).toBe(gzip.headers.etag);
      expect(again.headers['cache-control']).toBe(first.headers['cache-control']);
      expect(again.headers['content-type']).toBeUndefined();
      // The route answered in full; the server, which knows the encoding, answered the condition.
      expect(routeSaw).toEqual({ method: 'GET', ifNoneMatch: null, ifModifiedSince: null });
    }
    const changed = await get('/feed.xml', {
      'if-none-match': '"an-older-version"',
      'if-modified-since': first.headers['last-modified']!,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.toString()).toBe(feed.body);
  });
});

describe('chooseEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['identity', null],
    ['*', null],
  ])('for Accept-Encoding %j picks %j', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('pagePolicy', () => {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
  const scriptSources = (policy: string) => (/script-src ([^;]*)/u.exec(policy)?.[1] ?? '').split(' ').sort();
  const chunks =
    '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/13pbsh18br6t7.js"],"runtimeModuleIds":[94553]});';
  const bootstrap = '(self.__next_f=self.__next_f||[]).push([0])';
  const flight = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n Zürich – “quoted”"])';

  it("names each of the framework's and the site's inline scripts by its SHA-256", () => {
    const policy = pagePolicy(
      `<html><head><script src="/_next/static/app.js" async></script><script>${preferencesScript}</script>` +
        `<script type="application/ld+json">{"@type":"NewsArticle"}</script></head>` +
        `<body><script id="_R_">${chunks}</script><script>${bootstrap}</script><script>${flight}</script>` +
        `<script>${flight}</script></body></html>`,
    );
    expect(scriptSources(policy)).toEqual(
      ["'self'", ...[preferencesScript, chunks, bootstrap, flight].map((text) => `'sha256-${digest(text)}'`)].sort(),
    );
    expect(policy).toMatch(/^default-src 'self'; script-src /u);
  });

  it("approves no script whose text came from anywhere else, even beside or shaped like the framework's", () => {
    for (const text of [
      'alert(1)',
      "document.documentElement.classList.add('js')",
      'self.__next_f.push([1,""]);alert(1)',
      'self.__next_f.push([1,""]),alert(1)',
      'self.__next_f.push([1,alert(1)])',
      'self.__next_f.push([1,"a"],alert(1))',
      'self.__next_f.push(alert(1))',
      'self.__next_f.push([1,"a"]) ',
      `${bootstrap};alert(1)`,
      `${preferencesScript};alert(1)`,
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["//evil.example/x.js"]});',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]});alert(1);',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(alert(1));',
    ]) {
      expect(isFrameworkScript(text), text).toBe(false);
      expect(scriptSources(pagePolicy(`<p>A story</p><script>${text}</script>`)), text).toEqual(["'self'"]);
    }
  });

  it("approves nothing of an article body's script that reached the page, and still the framework's", () => {
    const policy = pagePolicy(`<article><p>Alert</p><script>alert(1)</script></article><script>${bootstrap}</script>`);
    expect(scriptSources(policy)).toEqual(["'self'", `'sha256-${digest(bootstrap)}'`].sort());
  });

  it('allows no inline script on a page that has none', () => {
    expect(/script-src ([^;]*)/u.exec(pagePolicy('<p>No scripts</p>'))?.[1]).toBe("'self'");
  });
});
