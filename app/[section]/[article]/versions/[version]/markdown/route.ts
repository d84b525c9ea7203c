import { cacheableResponse, notFoundResponse } from '@/lib/http/cacheable-response';
import { getArticleVersion } from '@/lib/queries';
import { ROUTES, placement, readParams } from '@/lib/routes';
import { absoluteUrl, versionPath } from '@/lib/site';
import { versionMarkdown } from '@/lib/versions/markdown';

// Read per request from the cached query layer: there is no database at build time.
export const dynamic = 'force-dynamic';

/**
 * Version n's Markdown copy, served at `/<section>/<article>/versions/<n>.md` (the front door
 * rewrites it here): byte-stable forever, what the version's hash in the chain covers.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ section: string; article: string; version: string }> },
) {
  const raw = await params;
  const where = readParams(ROUTES.versionMarkdown, raw);
  const found = where && (await getArticleVersion(where.article, where.version));
  if (!where || !found) return notFoundResponse(`No version "${raw.version}" of "${raw.article}".`);
  const place = placement(ROUTES.versionMarkdown, where, { at: found.section, versions: found.version.n });
  if (typeof place === 'string') return Response.redirect(absoluteUrl(place), 308);
  return cacheableResponse(request, {
    body: versionMarkdown(found.version),
    contentType: 'text/markdown; charset=utf-8',
    lastModified: new Date(found.version.writtenAt),
    headers: { link: `<${absoluteUrl(versionPath(found.section, where.article, found.version.n))}>; rel="canonical"` },
  });
}
