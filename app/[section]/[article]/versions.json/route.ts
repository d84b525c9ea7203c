import { goneHeaders } from '@/lib/http/gone-page';
import { cacheableResponse, notFoundResponse } from '@/lib/http/cacheable-response';
import { getArticleChain } from '@/lib/queries';
import { ROUTES, placement, readParams } from '@/lib/routes';
import { absoluteUrl, articlePath, versionPath } from '@/lib/site';
import { chainDocument, chainJson } from '@/lib/versions/chain-document';

// Read per request from the cached query layer: there is no database at build time.
export const dynamic = 'force-dynamic';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The article's history as a hash chain (docs/versions.md). A withdrawn article's answers 410 and
 * a legal removal's 451 (the front door lets this address through to say so itself), each with
 * the chain it keeps, so that the chain stays verifiable.
 */
export async function GET(request: Request, { params }: { params: Promise<{ section: string; article: string }> }) {
  const raw = await params;
  const where = readParams(ROUTES.versionsChain, raw);
  const chain = where && (await getArticleChain(where.article));
  if (!where || !chain) return notFoundResponse(`No article "${raw.article}".`);
  if (chain.status === 451) {
    return new Response(chainJson(chainDocument(chain, null)), {
      status: 451,
      headers: { 'content-type': JSON_TYPE, ...goneHeaders(451) },
    });
  }
  // A moved article's chain lives under its section now, as its page does.
  const place = chain.status === 200 ? placement(ROUTES.versionsChain, where, chain.section) : true;
  if (typeof place === 'string') return Response.redirect(absoluteUrl(place), 308);
  const body = chainJson(
    chainDocument(chain, {
      article: absoluteUrl(articlePath(chain.section, where.article)),
      version: (n) => absoluteUrl(versionPath(chain.section, where.article, n)),
    }),
  );
  if (chain.status === 410) {
    return new Response(body, { status: 410, headers: { 'content-type': JSON_TYPE, ...goneHeaders(410) } });
  }
  return cacheableResponse(request, {
    body,
    contentType: JSON_TYPE,
    lastModified: new Date(chain.entries.at(-1)?.at ?? 0),
  });
}
