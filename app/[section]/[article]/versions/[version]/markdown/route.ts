import { cacheableResponse, notFoundResponse } from '@/lib/http/cacheable-response';
import { getArticleVersion } from '@/lib/queries';
import { ROUTES, readParams } from '@/lib/routes';
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
  const version = where && (await getArticleVersion(where.article, where.version));
  if (!where || !version) return notFoundResponse(`No version "${raw.version}" of "${raw.article}".`);
  // A moved article's old address the front door has sent on; the cached version may predate the move.
  return cacheableResponse(request, {
    body: versionMarkdown(version),
    contentType: 'text/markdown; charset=utf-8',
    lastModified: new Date(version.writtenAt),
    headers: { link: `<${absoluteUrl(versionPath(where.section, where.article, version.n))}>; rel="canonical"` },
  });
}
