import { correctionsFeedArchiveResponse } from '@/lib/feeds/respond';

// Read per request from the cached query layer: there is no database at build time.
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  return correctionsFeedArchiveResponse(request, 'atom', (await params).number);
}
