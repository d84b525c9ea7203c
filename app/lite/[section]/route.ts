import { liteSectionResponse } from '@/lib/lite/section-response';

// Read per request from the cached, tagged query layer (see app/lite/route.ts).
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ section: string }> }) {
  return liteSectionResponse(request, (await params).section, 1);
}
