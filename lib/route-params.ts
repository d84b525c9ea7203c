import { notFound, permanentRedirect } from 'next/navigation';
import { placement, readParams, type Shape } from '@/lib/routes';

/**
 * A page's side of the route table (lib/routes.ts): the front door has answered what names
 * nothing and what has moved before a request gets here, so these are the fallbacks, and
 * follow the same entry.
 */

/**
 * Whether the page goes on: nowhere is the 404 page, an address is a 308 there. What is gone
 * the front door answers (a page cannot say 410 or 451): one that gets here shows nothing of it.
 */
function settle(place: ReturnType<typeof placement>): void {
  if (place === false || typeof place === 'object') notFound();
  if (typeof place === 'string') permanentRedirect(place);
}

/** A page's parameters, parsed by its entry: the 404 page for what names nothing, and the entry's redirects. */
export async function pageParams<P>(
  entry: Pick<Shape<P>, 'params' | 'redirect'>,
  params: Promise<Readonly<Record<string, string>>>,
): Promise<P> {
  const parsed = readParams(entry, await params);
  if (parsed === null) notFound();
  settle(entry.redirect?.(parsed, '') ?? true);
  return parsed;
}

/** What the page's own read found (null: nothing), answered as the front door would: here, the 404 page, or a 308. */
export function pagePlacement<P>(entry: Pick<Shape<P>, 'exists' | 'address'>, params: P, found: unknown): void {
  settle(placement(entry, params, found));
}
