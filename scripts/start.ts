// npm start: build if the build is not current, open the database (embedded unless
// DATABASE_URL is set), apply migrations, load the bundled documents into an empty
// database (both as the owner of the tables), then serve the site on PORT (default 3000),
// connected as a role that may only read, until SIGINT/SIGTERM.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { disconnectPrisma, getPrimaryPrisma } from '@/lib/db/client';
import { resolveDatabase } from '@/lib/db/connection';
import { resolveDataDir } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { siteConnectionWarning } from '@/lib/db/roles';
import { createPool } from '@/lib/db/pool';
import { readDocuments } from '@/lib/documents/read';
import { formatReport } from '@/lib/importer/format-report';
import { importDocuments } from '@/lib/importer/import-documents';
import { runningSiteFile, type RunningSite } from '@/lib/importer/notify-site';
import { buildIsCurrent, clearPageCaches, serverBundle } from './build-stamp';
import { build } from './build';

const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT || 3000);

async function main(): Promise<void> {
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`PORT must be a port number, not "${process.env.PORT}"`);
  if (!buildIsCurrent(root)) {
    console.log('Building the site (the build is missing or older than the source)…');
    build(root);
  }

  const database = await resolveDatabase({ closeOnSignals: false });
  console.log(
    database.embedded
      ? `Database: embedded PostgreSQL in ${resolveDataDir()}`
      : database.sharedUrl
        ? 'Database: DATABASE_URL'
        : 'Database: DATABASE_URL (the site), DATABASE_OWNER_URL (migrations, imports)',
  );
  const migrations = await migrate(database.ownerUrl);
  if (migrations.applied.length > 0) console.log(`Applied migrations: ${migrations.applied.join(', ')}`);
  for (const note of migrations.notes) console.log(note);

  const prisma = await getPrimaryPrisma();
  if ((await prisma.article.count()) === 0) {
    console.log('The database holds no articles: loading the bundled documents.');
    const pool = createPool(database.ownerUrl, 'import');
    try {
      console.log(formatReport(await importDocuments(pool, await readDocuments([path.join(root, 'prisma', 'seed')]))));
    } finally {
      await pool.end();
    }
  }
  await disconnectPrisma();
  const warning = await siteConnectionWarning(database);
  if (warning) console.warn(warning);

  // A start begins with the caches empty: an import made while the site was down shows on
  // every page at once.
  clearPageCaches(root);

  const secret = process.env.REVALIDATE_SECRET || randomBytes(24).toString('hex');
  const siteFile = runningSiteFile();
  fs.mkdirSync(path.dirname(siteFile), { recursive: true });
  const site: RunningSite = { url: `http://127.0.0.1:${port}`, secret, pid: process.pid };
  fs.writeFileSync(siteFile, JSON.stringify(site), { mode: 0o600 });

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
      REVALIDATE_SECRET: secret,
      DATA_DIR: resolveDataDir(),
    },
  });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    fs.rmSync(siteFile, { force: true });
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
