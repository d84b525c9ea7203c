import type http from 'node:http';
import { CACHE_POLICIES } from './conditional';

/**
 * The request headers by which Next.js asks for framework data (React Server Components
 * payloads: navigations, prefetches, segment prefetches) instead of a page, at the page's
 * own address: Next's FLIGHT_HEADERS (next/dist/client/components/app-router-headers.js).
 * Next answers some of them with `text/x-component` even without `RSC` (a prefetch of the
 * route tree, `Next-Router-Segment-Prefetch: /_tree`), so each one counts on its own.
 * deploy/nginx.conf bypasses its cache on each of these (e2e/nginx.spec.ts checks both agree).
 */
export const FRAMEWORK_DATA_HEADERS = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-hmr-refresh',
  'next-router-segment-prefetch',
] as const;

/** Whether the request carries any of those headers (with any value, even empty). */
export const asksForFrameworkData = (headers: http.IncomingHttpHeaders): boolean =>
  FRAMEWORK_DATA_HEADERS.some((name) => headers[name] !== undefined);

/**
 * Marks whatever the server sends for such a request as nobody's to share: a shared cache
 * (a CDN, a proxy) would otherwise keep the payload under the page's address and give it to
 * the next reader of the page. Applied as the head is written, over what Next said
 * (`s-maxage=60`). The server's own fixed answers (redirects, error pages) are the same for
 * every request to the address, so the headers they write themselves stand.
 */
export function markFrameworkData(res: http.ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: http.ServerResponse, ...args: Parameters<typeof writeHead>) {
    if (!this.headersSent) {
      this.setHeader('cache-control', CACHE_POLICIES.frameworkData);
      const vary = this.getHeader('vary');
      const names = (Array.isArray(vary) ? vary.join(', ') : String(vary ?? ''))
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean);
      const missing = FRAMEWORK_DATA_HEADERS.filter((name) => !names.some((named) => named.toLowerCase() === name));
      if (missing.length > 0) this.setHeader('vary', [...names, ...missing].join(', '));
    }
    return writeHead.apply(this, args);
  } as typeof writeHead;
}
