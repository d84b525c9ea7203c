import { bylineFeedArchiveResponse } from '@/lib/feeds/respond';

// Read per request from the cached query layer: there is no database at build time.
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ author: string; number: string }> }) {
  const { author, number } = await params;
  return bylineFeedArchiveResponse(request, 'json', 'author', author, number);
}
