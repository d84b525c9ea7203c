import { liteSectionResponse } from '@/lib/lite/section-response';
import { ROUTES, readParams } from '@/lib/routes';

// Read per request from the cached, tagged query layer (see app/lite/route.ts).
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ section: string }> }) {
  const raw = await params;
  const where = readParams(ROUTES.liteSection, raw);
  return liteSectionResponse(request, where && { ...where, page: 1 }, raw.section);
}
