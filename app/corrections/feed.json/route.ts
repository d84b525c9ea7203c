import { correctionsFeedResponse } from '@/lib/feeds/respond';

// Read per request from the cached query layer: there is no database at build time.
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return correctionsFeedResponse(request, 'json');
}
