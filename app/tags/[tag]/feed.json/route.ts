import { bylineFeedResponse } from '@/lib/feeds/respond';

// Read per request from the cached query layer: there is no database at build time.
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ tag: string }> }) {
  return bylineFeedResponse(request, 'json', 'tag', (await params).tag);
}
