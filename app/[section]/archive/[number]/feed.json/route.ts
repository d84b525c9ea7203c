import { feedArchiveResponse } from '@/lib/feeds/respond';

// Read per request from the cached query layer: there is no database at build time.
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ section: string; number: string }> }) {
  const { section, number } = await params;
  return feedArchiveResponse(request, 'json', number, section);
}
