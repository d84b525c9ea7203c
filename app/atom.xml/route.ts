import { feedResponse } from '@/lib/feeds/respond';

// Read per request from the cached query layer: there is no database at build time.
export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return feedResponse(request, 'atom');
}
