import type { IncomingHttpHeaders } from 'node:http';
import { parseAndValidateFlightRouterState } from 'next/dist/server/app-render/parse-and-validate-flight-router-state.js';

/**
 * Whether a request carries a `Next-Router-State-Tree` that Next would refuse: sent twice,
 * over Next's 40,000 characters, or not a router state at all. A browser sends the one Next's
 * own client made; only a stranger sends another. Next reads the header only when it renders
 * the page for that request, a page rendered per request (search): there it throws, answers
 * 500 (which the server sends as its 503 page, with Retry-After) and prints the error each time,
 * about 560 bytes of log per request. The server answers such a request 400 before Next sees it.
 * Next's own parser decides, so the two cannot disagree.
 */
export function hasBadRouterState(headers: IncomingHttpHeaders): boolean {
  const state = headers['next-router-state-tree'];
  if (state === undefined) return false;
  try {
    parseAndValidateFlightRouterState(state);
    return false;
  } catch {
    return true;
  }
}
