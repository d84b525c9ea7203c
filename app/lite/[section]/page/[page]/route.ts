import { liteSectionResponse } from '@/lib/lite/section-response';
import { parsePageParam } from '@/lib/url-params';

// Read per request from the cached, tagged query layer (see app/lite/route.ts).
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ section: string; page: string }> }) {
  const { section, page } = await params;
  return liteSectionResponse(request, section, parsePageParam(page) ?? 0);
}
