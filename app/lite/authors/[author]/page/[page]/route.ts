import { liteBylineResponse } from '@/lib/lite/section-response';
import { ROUTES, readParams } from '@/lib/routes';

// Read per request from the cached, tagged query layer (see app/lite/route.ts).
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ author: string; page: string }> }) {
  const raw = await params;
  const where = readParams(ROUTES.liteAuthorPage, raw);
  return liteBylineResponse(
    request,
    'author',
    where && { slug: where.author, page: where.page },
    `authors/${raw.author}/page/${raw.page}`,
  );
}
