import { liteCorrectionsResponse } from '@/lib/lite/section-response';

// Read per request from the cached, tagged query layer (see app/lite/route.ts).
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return liteCorrectionsResponse(request, 1, 'corrections');
}
