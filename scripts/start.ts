// npm start: build if the build is not current, open the database (embedded unless
// DATABASE_URL is set), apply migrations, load the bundled documents into an empty
// database (both as the owner of the tables), then serve the site on PORT (default 3000),
// connected as a role that may only read, until SIGINT/SIGTERM.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { resolveDataDir } from '@/lib/db/embedded';
import { buildIsCurrent, clearPageCaches, serverBundle } from './build-stamp';
import { build } from './build';
import { announceSite, prepareDatabase, settingsFromEnv } from './site-setup';

const root = path.resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  const { port } = settingsFromEnv();
  if (!buildIsCurrent(root)) {
    console.log('Building the site (the build is missing or older than the source)…');
    build(root);
  }

  const database = await prepareDatabase(root);

  // A start begins with the caches empty: an import made while the site was down shows on
  // every page at once.
  clearPageCaches(root);

  const site = announceSite(port);

  // The server reads as the site's role: the owner's URL is not its to know.
  const { DATABASE_OWNER_URL: _owner, ...env } = process.env;
  const server = spawn(process.execPath, [serverBundle(root)], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      REVALIDATE_SECRET: site.secret,
      DATA_DIR: resolveDataDir(),
    },
  });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    site.remove();
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    await database.close();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(130));
  process.once('SIGTERM', () => void stop(143));
  server.once('exit', (code) => void stop(code ?? 1));
  console.log(`Serving on http://localhost:${port}`);
}

main().catch((error: unknown) => {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
