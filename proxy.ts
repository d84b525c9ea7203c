import { type NextRequest, NextResponse } from 'next/server';
import { pageExists } from '@/lib/page-exists';
import { getSections } from '@/lib/queries';

// No route matches four segments: Next renders its not-found page there, in full, with 404.
const NOT_FOUND_PATH = '/_not-found/no/such/page';

const plainPage = (status: number, title: string, text: string, headers: Record<string, string> = {}) =>
  new NextResponse(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>` +
      `<body style="font-family:system-ui,sans-serif;margin:2rem;line-height:1.5"><h1>${title}</h1><p>${text}</p><p><a href="/">Go to the front page</a></p></body></html>`,
    { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } },
  );

/**
 * Answers what no route can: an address that is not valid percent-encoding (Next.js
 * would answer a bare 500), writes to pages (the site has no forms; only the import
 * script's notice at /api/revalidate takes a POST), addresses that name no section or
 * article, and a database that does not answer (Next.js would send an error shell
 * that stays blank without JavaScript, or an empty 500 for a feed).
 */
export async function proxy(request: NextRequest) {
  const rawPath = new URL(request.url).pathname;
  try {
    decodeURIComponent(rawPath);
  } catch {
    return plainPage(400, 'Bad address', 'This address is not valid: it may have been cut short or mistyped.');
  }
  if (request.method !== 'GET' && request.method !== 'HEAD' && !rawPath.startsWith('/api/')) {
    return plainPage(405, 'Not allowed', 'Pages of this site can only be read.', { allow: 'GET, HEAD' });
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
  let exists: boolean | null;
  try {
    // Every page's layout reads the sections: from the cache, normally without a database round trip.
    await getSections();
    exists = await pageExists(rawPath, request.nextUrl.searchParams);
  } catch (error) {
    console.error(`${request.method} ${rawPath}: the database did not answer:`, error);
    return plainPage(
      503,
      'Temporarily unavailable',
      'The site cannot show this page just now. Please try again in a minute.',
      {
        'retry-after': '60',
        'cache-control': 'no-store',
      },
    );
  }
  return exists === false ? NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url)) : NextResponse.next();
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
