import { liteFrontPage } from '@/lib/lite/pages';
import { liteResponse, newest } from '@/lib/lite/respond';
import { getFrontPage, getSections } from '@/lib/queries';

// Read per request from the cached, tagged query layer (no database at build time): an
// import's notice expires what it read, and the answer carries the shared cache header.
export const dynamic = 'force-dynamic';

/** The lite front page: the same stories as `/`, as text only. */
export async function GET(request: Request) {
  const [front, sections] = await Promise.all([getFrontPage(), getSections()]);
  const shown = [front.lead, ...front.latest, ...front.sections.flatMap((block) => block.articles)];
  const times = shown.flatMap((article) => (article ? [article.updatedAt] : []));
  return liteResponse(request, liteFrontPage(front, sections), '/', newest(times));
}
