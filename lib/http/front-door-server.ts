import type http from 'node:http';
import { frontDoor, type Verdict } from '@/lib/front-door';
import { SECURITY_HEADERS } from '@/lib/http/security-headers';

/**
 * The front door (lib/front-door.ts) as a Node request listener in front of Next's request
 * handler: what the front door answers itself (redirects, the site's own 400, 405 and 503
 * pages) never reaches Next, and what names nothing gets Next's full 404 page. Used by the
 * development server (scripts/dev.ts); the production server (scripts/server.ts) answers
 * verdicts the same way, and finishes each response Next writes (lib/http/finish-response.ts).
 */

/** No route matches four segments: Next renders its 404 page there, in full, with status 404. */
export const NOT_FOUND_PATH = '/_not-found/no/such/page';

export const PLAIN_PAGES: Record<
  400 | 405 | 503,
  { title: string; text: string; headers?: Readonly<Record<string, string>> }
> = {
  400: { title: 'Bad address', text: 'This address is not valid: it may have been cut short or mistyped.' },
  405: { title: 'Not allowed', text: 'Pages of this site can only be read.', headers: { allow: 'GET, HEAD' } },
  503: {
    title: 'Temporarily unavailable',
    text: 'The site cannot show this page just now. Please try again in a minute.',
    headers: { 'retry-after': '60' },
  },
};

/** One of the site's own plain pages (no scripts, no styles sheet): 400, 405 (with what `allow`s) or 503. */
export function plainPage(res: http.ServerResponse, status: 400 | 405 | 503, allow?: string): void {
  const page = PLAIN_PAGES[status];
  const text = allow ? `This address only takes ${allow} requests.` : page.text;
  const headers = allow ? { ...page.headers, allow } : (page.headers ?? {});
  for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(plainPageHtml(page.title, text));
}

export function plainPageHtml(title: string, text: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>` +
    `<body style="font-family:system-ui,sans-serif;margin:2rem;line-height:1.5"><h1>${title}</h1><p>${text}</p><p><a href="/">Go to the front page</a></p></body></html>`
  );
}

export interface FrontDoorServing {
  /** Next's request handler (`app.getRequestHandler()`). */
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> | void;
  /** Sent with every answer before anything else is set. */
  securityHeaders: ReadonlyArray<readonly [string, string]>;
  /**
   * Called as a request goes on to Next, with the path Next is asked for and the headers the
   * front door adds for it. By default, those headers are set on the response.
   */
  beforeNext?(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    pathname: string,
    headers: Readonly<Record<string, string>> | undefined,
  ): void;
  /** Addresses that go to Next before the front door looks (the development server's own endpoints). */
  admit?(pathname: string): boolean;
}

const pathOf = (url: string) => (url.includes('?') ? url.slice(0, url.indexOf('?')) : url);

const setHeaders: NonNullable<FrontDoorServing['beforeNext']> = (_req, res, _pathname, headers) => {
  for (const [name, value] of Object.entries(headers ?? {})) res.setHeader(name, value);
};

/** The request listener: the front door's verdict for each request, answered. */
export function frontDoorListener(serving: FrontDoorServing): http.RequestListener {
  const { handle, securityHeaders, beforeNext = setHeaders, admit } = serving;
  const answer = (req: http.IncomingMessage, res: http.ServerResponse, verdict: Verdict) => {
    switch (verdict.action) {
      case 'next':
        if (verdict.url) req.url = verdict.url + (req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '');
        beforeNext(req, res, pathOf(req.url ?? '/'), verdict.headers);
        return handle(req, res);
      case 'not-found':
        req.url = NOT_FOUND_PATH;
        beforeNext(req, res, NOT_FOUND_PATH, undefined);
        return handle(req, res);
      case 'redirect':
        res.writeHead(308, { location: verdict.location, 'cache-control': 'public, max-age=300' });
        return res.end();
      case 'page':
        return plainPage(res, verdict.status, verdict.allow);
    }
  };

  return (req, res) => {
    for (const [name, value] of securityHeaders) res.setHeader(name, value);
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
