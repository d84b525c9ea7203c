import { checkHealth } from '@/lib/db/health';
import { CACHE_POLICIES } from '@/lib/http/conditional';

// Answers for this instance now: never cached, by Next or by anyone in front.
export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'cache-control': CACHE_POLICIES.none },
  });
}
