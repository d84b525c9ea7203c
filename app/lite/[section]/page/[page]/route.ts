import { liteSectionResponse } from '@/lib/lite/section-response';
import { ROUTES, readParams } from '@/lib/routes';

// Read per request from the cached, tagged query layer (see app/lite/route.ts).
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ section: string; page: string }> }) {
  const raw = await params;
  return liteSectionResponse(request, readParams(ROUTES.liteSectionPage, raw), `${raw.section}/page/${raw.page}`);
}
