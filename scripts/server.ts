// The production server that `npm start` runs: Next.js in this process, behind the
// site's front door (lib/front-door.ts, served by lib/http/front-door-server.ts), which
// answers what must not reach a page route.
// Next's environment first, as Next's own server loads it: the content-changed subscriptions
// (lib/caches.ts) load next/cache, whose modules need the AsyncLocalStorage it sets up.
import 'next/dist/server/node-environment.js';
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { disconnectPrisma, getPrimaryPrisma } from '@/lib/db/client';
import { knowBuildFiles, listBuildFiles } from '@/lib/build-files';
import { setNextDistDir } from '@/lib/next-cache-erase';
import { contentChanged } from '@/lib/caches';
import { startReleaseClock } from '@/lib/release';
import { reconcileSharedCache } from '@/lib/shared-cache/content-version';
import { describeRedisUrl, sharedCache } from '@/lib/shared-cache/store';
import { connectionLimits, limitConnections, SERVER_OPTIONS } from '@/lib/http/connection-policy';
import { finishResponse } from '@/lib/http/finish-response';
import { asksForFrameworkData } from '@/lib/http/framework-data';
import { answerClientErrors, frontDoorListener, plainPage } from '@/lib/http/front-door-server';
import { SECURITY_HEADERS } from '@/lib/http/security-headers';

// Run from its bundle in the build folder (see scripts/build.ts), or from scripts/: either way one level down.
const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME_BIND || undefined;

/**
 * A page or feed that failed to render (the database did not answer, and the cache held
 * nothing to serve instead) is sent as the 503 page, with Retry-After, instead of Next's
 * 500 error shell, which stays blank without JavaScript (or is empty, for a feed).
 */
const FINISH = { onServerError: (res: http.ServerResponse) => plainPage(res, 503) };

/**
 * With REDIS_URL: before Redis is read (at start and after an outage), its entries are
 * checked against the database; every expiry, made by whichever instance or import, is a
 * change of content for this one's caches (lib/caches.ts), as is a database found changed
 * while Redis was not told.
 */
function joinSharedCache(): void {
  const shared = sharedCache();
  if (!shared) return;
  shared.onConnect(async (cache) => {
    if ((await reconcileSharedCache(cache, await getPrimaryPrisma())) === 'expired') {
      console.log(
        'Shared cache: the database changed since Redis last heard of it: every page will be rendered again.',
      );
      contentChanged({ tags: ['*'], lsn: null });
    }
  });
  shared.onExpiry((notice) => contentChanged({ tags: notice.expiries.map(([tag]) => tag), lsn: notice.lsn }));
  // A legal removal, erased by whichever instance or editor's command: this one's copies go too.
  shared.onErase((tags) => contentChanged({ tags, lsn: null, erase: true }));
  console.log(`Shared cache: Redis at ${describeRedisUrl(process.env.REDIS_URL ?? '')}`);
}

async function main(): Promise<void> {
  const limits = connectionLimits();
  joinSharedCache();
  // Next attaches its WebSocket handler (for rewrites to other hosts, which this site has
  // none of) to the server of its first request, where it left every other upgrade request
  // open. Given a server of its own that never listens, it attaches there; the site's server
  // then has no 'upgrade' listener, and Node hands upgrade requests to the request handler.
  const app = next({ dev: false, dir: root, port, hostname, httpServer: http.createServer() });
  await app.prepare();
  knowBuildFiles(listBuildFiles(path.resolve(root, process.env.NEXT_DIST_DIR || '.next')));
  setNextDistDir(path.resolve(root, process.env.NEXT_DIST_DIR || '.next'));
  const handle = app.getRequestHandler();

  const server = http.createServer(
    SERVER_OPTIONS,
    frontDoorListener({
      handle,
      securityHeaders: SECURITY_HEADERS,
      beforeNext: (req, res, { pathname, headers, notFound }) =>
        // Framework data (client navigation) is kept apart from the page's HTML in the body memo.
        finishResponse(req, res, notFound || !asksForFrameworkData(req.headers) ? pathname : `${pathname} (data)`, {
          ...FINISH,
          headers,
        }),
    }),
  );
  answerClientErrors(server, SECURITY_HEADERS);
  limitConnections(server, limits);
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  console.log(`▲ Next.js ready on http://${hostname ?? 'localhost'}:${port}`);
  // Scheduled articles appear at their time, on this instance, with nothing else needed (docs/scheduling.md).
  const releaseClock = startReleaseClock();

  const stop = () => {
    releaseClock.stop();
    server.close();
    server.closeAllConnections();
    void Promise.allSettled([app.close(), disconnectPrisma(), sharedCache()?.close()]).finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(`server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
