import { notFound } from 'next/navigation';
import { getArticleVersion } from '@/lib/queries';
import { pageParams } from '@/lib/route-params';
import type { Shape } from '@/lib/routes';

type VersionParams = { section: string; article: string; version: number };
/** A version page's parameters as Next hands them over, and its props. */
export type VersionRouteParams = { section: string; article: string; version: string };
export interface VersionPageProps {
  params: Promise<VersionRouteParams>;
}

/**
 * Version n of the article a version page's address names, or the 404 page (the front door has
 * answered what names nothing, and a moved article's 308, first).
 */
export async function loadVersion(entry: Shape<VersionParams>, params: Promise<VersionRouteParams>) {
  const where = await pageParams(entry, params);
  const version = await getArticleVersion(where.article, where.version);
  if (!version) notFound();
  // The section it names is the article's now: the front door (which asks afresh after every
  // change) sent any other here, while the cached version (kept across imports) may predate a move.
  return { version, section: where.section, slug: where.article };
}
