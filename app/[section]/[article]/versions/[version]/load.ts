import { notFound } from 'next/navigation';
import { getArticleVersion } from '@/lib/queries';
import { pageParams, pagePlacement } from '@/lib/route-params';
import type { Shape } from '@/lib/routes';

type VersionParams = { section: string; article: string; version: number };
/** A version page's parameters as Next hands them over, and its props. */
export type VersionRouteParams = { section: string; article: string; version: string };
export interface VersionPageProps {
  params: Promise<VersionRouteParams>;
}

/**
 * Version n of the article a version page's address names, or the 404 page; under another
 * section, a 308 to the same address under its own (the front door has answered both first).
 */
export async function loadVersion(entry: Shape<VersionParams>, params: Promise<VersionRouteParams>) {
  const where = await pageParams(entry, params);
  const found = await getArticleVersion(where.article, where.version);
  if (!found) notFound();
  // Read, so it exists: only where the article is now is left to check.
  pagePlacement(entry, where, { at: found.section, versions: found.version.n });
  return { ...found, slug: where.article };
}
