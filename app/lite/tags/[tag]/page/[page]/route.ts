import { liteBylineResponse } from '@/lib/lite/section-response';
import { ROUTES, readParams } from '@/lib/routes';

// Read per request from the cached, tagged query layer (see app/lite/route.ts).
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ tag: string; page: string }> }) {
  const raw = await params;
  const where = readParams(ROUTES.liteTagPage, raw);
  return liteBylineResponse(
    request,
    'tag',
    where && { slug: where.tag, page: where.page },
    `tags/${raw.tag}/page/${raw.page}`,
  );
}
