import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { frontDoor, type Verdict } from '@/lib/front-door';
import { asksForWebSocket } from '@/lib/http/connection-policy';
import { asksForFrameworkData, markFrameworkData } from '@/lib/http/framework-data';
import { hasBadRouterState } from '@/lib/http/router-state';
import { CACHE_POLICIES } from '@/lib/http/conditional';
import { SECURITY_HEADERS } from '@/lib/http/security-headers';
import { goneResponse } from '@/lib/http/gone-page';
import { words } from '@/lib/i18n';
import { SITE_DIRECTION, SITE_LANGUAGE } from '@/lib/site';

/**
 * The front door (lib/front-door.ts) as a Node request listener in front of Next's request
 * handler: what the front door answers itself (redirects, the site's own 400, 405 and 503
 * pages) never reaches Next, and what names nothing gets Next's full 404 page. Used by the
 * production server (scripts/server.ts), which finishes each response Next writes
 * (lib/http/finish-response.ts), and by the development server (scripts/dev.ts).
 */

/** No route matches four segments: Next renders its 404 page there, in full, with status 404. */
export const NOT_FOUND_PATH = '/_not-found/no/such/page';

export const PLAIN_PAGES: Record<
  400 | 405 | 503,
  { title: string; text: string; headers?: Readonly<Record<string, string>> }
> = {
  400: words().plain.badAddress,
  405: { ...words().plain.notAllowed, headers: { allow: 'GET, HEAD' } },
  503: { ...words().plain.unavailable, headers: { 'retry-after': '60' } },
};

/** One of the site's own plain pages (no scripts, no styles sheet): 400, 405 (with what `allow`s) or 503. */
export function plainPage(res: http.ServerResponse, status: 400 | 405 | 503, allow?: string): void {
  const page = PLAIN_PAGES[status];
  const text = allow ? words().plain.onlyTakes(allow) : page.text;
  const headers = allow ? { ...page.headers, allow } : (page.headers ?? {});
  for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': CACHE_POLICIES.none,
    ...headers,
  });
  res.end(plainPageHtml(page.title, text));
}

/** The site has no live connections: what a WebSocket upgrade is answered. */
export const NO_LIVE_CONNECTION = words().plain.noLiveConnection;

export function plainPageHtml(title: string, text: string): string {
  return (
    `<!doctype html><html lang="${SITE_LANGUAGE}" dir="${SITE_DIRECTION}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>` +
    `<body style="font-family:system-ui,sans-serif;margin:2rem;line-height:1.5"><h1>${title}</h1><p>${text}</p><p><a href="/">${words().errors.home}</a></p></body></html>`
  );
}

/** A WebSocket upgrade gets the no-live-connection page, then the connection closes. */
function webSocketRefused(res: http.ServerResponse): void {
  const body = plainPageHtml(NO_LIVE_CONNECTION.title, NO_LIVE_CONNECTION.text);
  res.writeHead(400, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': CACHE_POLICIES.none,
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/**
 * A plain page written straight to a socket that no response object is left for (Node's
 * parser refused the request, or it was handed over as an upgrade), then the connection
 * closes. A HEAD is answered without the body.
 */
export function endWithPlainPage(
  socket: Duplex,
  status: 400 | 431,
  page: { title: string; text: string },
  securityHeaders: ReadonlyArray<readonly [string, string]>,
  head = false,
): void {
  const body = plainPageHtml(page.title, page.text);
  const headers = [
    ...securityHeaders,
    ['Content-Type', 'text/html; charset=utf-8'],
    ['Cache-Control', CACHE_POLICIES.none],
    ['Connection', 'close'],
    ['Content-Length', String(Buffer.byteLength(body))],
  ];
  socket.end(
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n${headers.map(([name, value]) => `${name}: ${value}`).join('\r\n')}\r\n\r\n${head ? '' : body}`,
  );
}

/**
 * What Node's parser refuses before any handler runs (an address or headers over 16 KB,
 * malformed requests) still gets a page that says what was wrong.
 */
export function answerClientErrors(
  server: http.Server,
  securityHeaders: ReadonlyArray<readonly [string, string]>,
): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const page = tooLarge ? words().plain.tooLong : PLAIN_PAGES[400];
    // What the parser read of the request says whether it was a HEAD.
    const head = (error as { rawPacket?: Buffer }).rawPacket?.toString('latin1', 0, 5) === 'HEAD ';
    endWithPlainPage(socket, tooLarge ? 431 : 400, page, securityHeaders, head);
  });
}

export interface FrontDoorServing {
  /** Next's request handler (`app.getRequestHandler()`). */
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> | void;
  /** Sent with every answer before anything else is set. */
  securityHeaders: ReadonlyArray<readonly [string, string]>;
  /**
   * Called as a request goes on to Next, with the path Next is asked for, the headers the
   * front door adds for it, and whether it is the 404 page. By default, those headers are set
   * on the response.
   */
  beforeNext?(req: http.IncomingMessage, res: http.ServerResponse, toNext: ToNext): void;
  /** Addresses that go to Next before the front door looks (the development server's own endpoints). */
  admit?(pathname: string): boolean;
}

export interface ToNext {
  pathname: string;
  headers?: Readonly<Record<string, string>>;
  notFound: boolean;
}

const pathOf = (url: string) => (url.includes('?') ? url.slice(0, url.indexOf('?')) : url);

const setHeaders: NonNullable<FrontDoorServing['beforeNext']> = (_req, res, { headers }) => {
  for (const [name, value] of Object.entries(headers ?? {})) res.setHeader(name, value);
};

/**
 * The request listener: the front door's verdict for each request, answered. Before it, what
 * no page route can serve: an upgrade request reaches the listener when the server has no
 * 'upgrade' listener of its own (see lib/http/connection-policy.ts); a WebSocket is refused,
 * any other protocol asked for is ignored, and either way the connection then closes.
 * Framework data is marked as nobody's to share, and a router state Next's client never made
 * (Next would fail on it and log each one) gets the 400 page.
 */
export function frontDoorListener(serving: FrontDoorServing): http.RequestListener {
  const { handle, securityHeaders, beforeNext = setHeaders, admit } = serving;
  const answer = (req: http.IncomingMessage, res: http.ServerResponse, verdict: Verdict) => {
    switch (verdict.action) {
      case 'next':
        if (verdict.url) req.url = verdict.url + (req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '');
        beforeNext(req, res, { pathname: pathOf(req.url ?? '/'), headers: verdict.headers, notFound: false });
        return handle(req, res);
      case 'not-found':
        req.url = NOT_FOUND_PATH;
        beforeNext(req, res, { pathname: NOT_FOUND_PATH, notFound: true });
        return handle(req, res);
      case 'redirect':
        res.writeHead(308, { location: verdict.location, 'cache-control': CACHE_POLICIES.redirect });
        return res.end();
      case 'page':
        return plainPage(res, verdict.status, verdict.allow);
      case 'gone':
        return goneResponse(res, verdict.gone, verdict.form);
    }
  };

  return (req, res) => {
    for (const [name, value] of securityHeaders) res.setHeader(name, value);
    if (req.headers.upgrade !== undefined) {
      res.shouldKeepAlive = false;
      if (asksForWebSocket(req)) return webSocketRefused(res);
    }
    if (asksForFrameworkData(req.headers)) {
      markFrameworkData(res);
      if (hasBadRouterState(req.headers)) return plainPage(res, 400);
    }
    const failed = (error: unknown) => {
      console.error(`${req.method} ${req.url}:`, error);
      if (!res.headersSent) plainPage(res, 503);
      else res.destroy();
    };
    try {
      if (admit?.(pathOf(req.url ?? '/'))) {
        void Promise.resolve(handle(req, res)).catch(failed);
        return;
      }
      const verdict = frontDoor(req.method ?? 'GET', req.url ?? '/');
      if (verdict instanceof Promise) verdict.then((known) => answer(req, res, known)).catch(failed);
      else void Promise.resolve(answer(req, res, verdict)).catch(failed);
    } catch (error) {
      failed(error);
    }
  };
}
