// The production server that `npm start` runs: Next.js in this process, behind the
// site's front door (lib/front-door.ts), which answers what must not reach a page route.
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { disconnectPrisma, getPrimaryPrisma } from '@/lib/db/client';
import { requireReadPosition } from '@/lib/db/read-position';
import { knowBuildFiles, listBuildFiles } from '@/lib/build-files';
import { frontDoor, type Verdict } from '@/lib/front-door';
import { forgetKnownPages } from '@/lib/known-pages';
import { reconcileSharedCache } from '@/lib/shared-cache/content-version';
import { describeRedisUrl, sharedCache } from '@/lib/shared-cache/store';
import { asksForWebSocket, connectionLimits, limitConnections, SERVER_OPTIONS } from '@/lib/http/connection-policy';
import { finishResponse } from '@/lib/http/finish-response';
import { asksForFrameworkData, markFrameworkData } from '@/lib/http/framework-data';
import { hasBadRouterState } from '@/lib/http/router-state';
import { SECURITY_HEADERS } from '@/lib/http/security-headers';

// Run from its bundle in the build folder (see scripts/build.ts), or from scripts/: either way one level down.
const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME_BIND || undefined;
// No route matches four segments: Next renders its 404 page there, in full, with status 404.
const NOT_FOUND_PATH = '/_not-found/no/such/page';

const PAGES: Record<400 | 405 | 503, { title: string; text: string; headers?: Record<string, string> }> = {
  400: { title: 'Bad address', text: 'This address is not valid: it may have been cut short or mistyped.' },
  405: { title: 'Not allowed', text: 'Pages of this site can only be read.', headers: { allow: 'GET, HEAD' } },
  503: {
    title: 'Temporarily unavailable',
    text: 'The site cannot show this page just now. Please try again in a minute.',
    headers: { 'retry-after': '60' },
  },
};

function plainPage(res: http.ServerResponse, status: 400 | 405 | 503, allow?: string): void {
  const page = PAGES[status];
  const { title } = page;
  const text = allow ? `This address only takes ${allow} requests.` : page.text;
  const headers = allow ? { ...page.headers, allow } : (page.headers ?? {});
  for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(plainPageHtml(title, text));
}

function plainPageHtml(title: string, text: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>` +
    `<body style="font-family:system-ui,sans-serif;margin:2rem;line-height:1.5"><h1>${title}</h1><p>${text}</p><p><a href="/">Go to the front page</a></p></body></html>`
  );
}

/** The site has no live connections: a WebSocket upgrade gets this page, then the connection closes. */
function webSocketRefused(res: http.ServerResponse): void {
  const body = plainPageHtml('No live connection', 'This site sends pages only: reload the page to see what is new.');
  res.writeHead(400, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/**
 * A page or feed that failed to render (the database did not answer, and the cache held
 * nothing to serve instead) is sent as the 503 page, with Retry-After, instead of Next's
 * 500 error shell, which stays blank without JavaScript (or is empty, for a feed).
 */
const FINISH = { onServerError: (res: http.ServerResponse) => plainPage(res, 503) };
const pathOf = (url: string) => (url.includes('?') ? url.slice(0, url.indexOf('?')) : url);

/**
 * With REDIS_URL: before Redis is read (at start and after an outage), its entries are
 * checked against the database; every expiry, made by whichever instance or import, makes
 * this one forget what it knew of the site's pages and read from the primary until the
 * replicas have replayed the change.
 */
function joinSharedCache(): void {
  const shared = sharedCache();
  if (!shared) return;
  shared.onConnect(async (cache) => {
    if ((await reconcileSharedCache(cache, await getPrimaryPrisma())) === 'expired')
      console.log(
        'Shared cache: the database changed since Redis last heard of it: every page will be rendered again.',
      );
  });
  shared.onExpiry((notice) => {
    forgetKnownPages();
    requireReadPosition(notice.lsn);
  });
  console.log(`Shared cache: Redis at ${describeRedisUrl(process.env.REDIS_URL ?? '')}`);
}

async function main(): Promise<void> {
  const limits = connectionLimits();
  joinSharedCache();
  // Next attaches its WebSocket handler (for rewrites to other hosts, which this site has
  // none of) to the server of its first request, where it left every other upgrade request
  // open. Given a server of its own that never listens, it attaches there; the site's server
  // then has no 'upgrade' listener, and Node hands upgrade requests to the request handler.
  const app = next({ dev: false, dir: root, port, hostname, httpServer: http.createServer() });
  await app.prepare();
  knowBuildFiles(listBuildFiles(path.resolve(root, process.env.NEXT_DIST_DIR || '.next')));
  const handle = app.getRequestHandler();

  const answer = (req: http.IncomingMessage, res: http.ServerResponse, verdict: Verdict) => {
    switch (verdict.action) {
      case 'next':
        if (verdict.url) req.url = verdict.url + (req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '');
        // Framework data (client navigation) is kept apart from the page's HTML in the body memo.
        finishResponse(req, res, `${pathOf(req.url ?? '/')}${asksForFrameworkData(req.headers) ? ' (data)' : ''}`, {
          ...FINISH,
          headers: verdict.headers,
        });
        return handle(req, res);
      case 'not-found':
        req.url = NOT_FOUND_PATH;
        finishResponse(req, res, NOT_FOUND_PATH, FINISH);
        return handle(req, res);
      case 'redirect':
        res.writeHead(308, { location: verdict.location, 'cache-control': 'public, max-age=300' });
        return res.end();
      case 'page':
        return plainPage(res, verdict.status, verdict.allow);
    }
  };

  const server = http.createServer(SERVER_OPTIONS, (req, res) => {
    for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
    if (req.headers.upgrade !== undefined) {
      // Answered (see connection-policy.ts), then the connection is closed.
      res.shouldKeepAlive = false;
      if (asksForWebSocket(req)) return webSocketRefused(res);
    }
    if (asksForFrameworkData(req.headers)) {
      markFrameworkData(res);
      // A router state Next's client never made: Next would fail on it and log each one.
      if (hasBadRouterState(req.headers)) return plainPage(res, 400);
    }
    const failed = (error: unknown) => {
      console.error(`${req.method} ${req.url}:`, error);
      if (!res.headersSent) plainPage(res, 503);
      else res.destroy();
    };
    try {
      const verdict = frontDoor(req.method ?? 'GET', req.url ?? '/');
      if (verdict instanceof Promise) verdict.then((known) => answer(req, res, known)).catch(failed);
      else void Promise.resolve(answer(req, res, verdict)).catch(failed);
    } catch (error) {
      failed(error);
    }
  });
  // What Node's parser refuses before any handler runs (an address or headers over 16 KB,
  // malformed requests) still gets a page that says what was wrong.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const [status, title, text] = tooLarge
      ? [431, 'Address too long', 'This address, or what the browser sent with it, is too long to be read.']
      : [400, PAGES[400].title, PAGES[400].text];
    const body = plainPageHtml(title, text);
    const headers = [
      ...SECURITY_HEADERS,
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Cache-Control', 'no-store'],
      ['Connection', 'close'],
      ['Content-Length', String(Buffer.byteLength(body))],
    ];
    // A HEAD is answered without the body (what the parser read of the request says which it was).
    const head = (error as { rawPacket?: Buffer }).rawPacket?.toString('latin1', 0, 5) === 'HEAD ';
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n${headers.map(([name, value]) => `${name}: ${value}`).join('\r\n')}\r\n\r\n${head ? '' : body}`,
    );
  });
  limitConnections(server, limits);
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  console.log(`▲ Next.js ready on http://${hostname ?? 'localhost'}:${port}`);

  const stop = () => {
    server.close();
    server.closeAllConnections();
    void Promise.allSettled([app.close(), disconnectPrisma(), sharedCache()?.close()]).finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(`server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
