// npm run dev: the site in development, with fast refresh. The same steps as `npm start`
// before it serves (the database opened, migrated, seeded when empty: scripts/site-setup.ts),
// then Next in development mode in this process, behind the same front door as the
// production server (which is where `/` and the saved-articles page are routed, and made-up
// addresses answered), on PORT (default 3000), until Ctrl-C.
// Next builds into `<build folder>/dev` (.next/dev), beside the production build `npm start` serves.
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { disconnectPrisma } from '@/lib/db/client';
import type { DatabaseTarget } from '@/lib/db/connection';
import { isDevelopmentEndpoint, serveDevelopmentBuild } from '@/lib/build-files';
import {
  answerClientErrors,
  endWithPlainPage,
  frontDoorListener,
  NO_LIVE_CONNECTION,
} from '@/lib/http/front-door-server';
import { DEVELOPMENT_SECURITY_HEADERS } from '@/lib/http/security-headers';
import { announceSite, prepareDatabase, settingsFromEnv } from './site-setup';

const root = path.resolve(import.meta.dirname, '..');
/** Next's hot-reload socket (Next 16, with Turbopack). */
const HOT_RELOAD_PATH = '/_next/hmr';

/** Starts serving; each thing started adds to `stops` the step that stops it. */
async function serve(port: number, hostname: string | undefined, stops: Array<() => Promise<unknown>>) {
  const site = announceSite(port);
  stops.push(async () => site.remove());
  process.env.REVALIDATE_SECRET = site.secret;

  // Next attaches its own upgrade listener to the server it is given (else to the server of
  // the first request), which would take every upgrade request. It is given one that never
  // listens, and only its hot-reload socket's requests are passed on to it.
  const nextUpgrades = http.createServer();
  const app = next({ dev: true, turbopack: true, dir: root, port, hostname, httpServer: nextUpgrades });
  stops.push(() => app.close());
  await app.prepare();
  serveDevelopmentBuild();

  const server = http.createServer(
    frontDoorListener({
      handle: app.getRequestHandler(),
      securityHeaders: DEVELOPMENT_SECURITY_HEADERS,
      admit: isDevelopmentEndpoint,
    }),
  );
  server.on('upgrade', (req: http.IncomingMessage, socket, head: Buffer) => {
    if (req.url?.startsWith(HOT_RELOAD_PATH) && nextUpgrades.listenerCount('upgrade') > 0) {
      nextUpgrades.emit('upgrade', req, socket, head);
      return;
    }
    // Nothing else here speaks another protocol (and until the first page, Next's socket is not set up).
    endWithPlainPage(socket, 400, NO_LIVE_CONNECTION, DEVELOPMENT_SECURITY_HEADERS);
  });
  answerClientErrors(server, DEVELOPMENT_SECURITY_HEADERS);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, resolve);
  });
  stops.push(async () => {
    server.close();
    server.closeAllConnections();
  });
  // Scheduled articles appear at their time (docs/scheduling.md). Loaded once Next is prepared:
  // the caches it expires load next/cache, whose modules need the environment Next sets up.
  const { startReleaseClock } = await import('@/lib/release');
  const releaseClock = startReleaseClock();
  stops.push(async () => releaseClock.stop());
  console.log(`Development server ready on http://${hostname ?? 'localhost'}:${port}`);
}

async function main(): Promise<void> {
  const { port } = settingsFromEnv();
  const hostname = process.env.HOSTNAME_BIND || undefined;
  if (process.env.REDIS_URL) {
    console.log('REDIS_URL is ignored in development: one server, with its own caches.');
    delete process.env.REDIS_URL;
  }
  const database: DatabaseTarget = await prepareDatabase(root);
  // From here on, this process is the site: it reads as the site's role.
  delete process.env.DATABASE_OWNER_URL;

  // Stopped in reverse order, the database last, whether serving ended with a signal or failed to begin.
  const stops: Array<() => Promise<unknown>> = [disconnectPrisma];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const step of stops.reverse()) await step().catch(() => undefined);
    await database.close();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(130));
  process.once('SIGTERM', () => void stop(143));
  try {
    await serve(port, hostname, stops);
  } catch (error) {
    console.error(`dev: ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
  }
}

main().catch((error: unknown) => {
  console.error(`dev: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
