// The steps `npm start` (scripts/start.ts) and `npm run dev` (scripts/dev.ts) share before
// they serve: the database opened, migrated and seeded, and the running site announced to
// imports on this machine.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { disconnectPrisma, getPrimaryPrisma } from '@/lib/db/client';
import { resolveDatabase, type DatabaseTarget } from '@/lib/db/connection';
import { resolveDataDir } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { siteConnectionWarning } from '@/lib/db/roles';
import { checkSiteLanguage } from '@/lib/i18n';
import { createPool } from '@/lib/db/pool';
import { readDocuments } from '@/lib/documents/read';
import { formatReport } from '@/lib/importer/format-report';
import { importDocuments } from '@/lib/importer/import-documents';
import { runningSiteFile, type RunningSite } from '@/lib/importer/notify-site';
import { recordSiteTimeZone } from '@/lib/importer/site-time-zone';
import { loadFeedTotal } from '@/lib/queries/loaders';
import { siteTimeZone } from '@/lib/time-zone';

/**
 * Opens the database (embedded unless DATABASE_URL is set; the caller closes it), applies
 * migrations and loads the bundled documents into an empty database, both as the owner of
 * the tables, and warns when the site's connection could write.
 */
export async function prepareDatabase(root: string): Promise<DatabaseTarget> {
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
  // The site's time zone, recorded for imports to be checked against (lib/importer/site-time-zone.ts).
  const settings = createPool(database.ownerUrl, 'import');
  try {
    const replaced = await recordSiteTimeZone(settings, siteTimeZone());
    if (replaced) console.log(replaced);
  } finally {
    await settings.end();
  }

  // The site's own count of what it shows (every section's article count), from the primary.
  if ((await loadFeedTotal(await getPrimaryPrisma())) === 0) {
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
  return database;
}

/**
 * Writes the running-site file, so that an import on this machine tells the site served on
 * `port` (with the secret returned: REVALIDATE_SECRET, or a new one). `remove` deletes it.
 */
export function announceSite(port: number): { secret: string; remove(): void } {
  const secret = process.env.REVALIDATE_SECRET || randomBytes(24).toString('hex');
  const siteFile = runningSiteFile();
  fs.mkdirSync(path.dirname(siteFile), { recursive: true });
  const site: RunningSite = { url: `http://127.0.0.1:${port}`, secret, pid: process.pid };
  fs.writeFileSync(siteFile, JSON.stringify(site), { mode: 0o600 });
  return { secret, remove: () => fs.rmSync(siteFile, { force: true }) };
}

/** PORT as a port number (3000 when unset), or an error that says what is wrong with it. */
export function portFromEnv(): number {
  const port = Number(process.env.PORT || 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`PORT must be a port number, not "${process.env.PORT}"`);
  return port;
}

/**
 * The settings `npm start` and `npm run dev` read before they do anything: PORT, and
 * SITE_TIME_ZONE (an IANA name). A wrong one throws, saying what is wrong, so neither starts.
 * SITE_LANGUAGE without words on the site (or not a language tag) is said, and the site's
 * words are English (lib/i18n).
 */
export function settingsFromEnv(): { port: number; timeZone: string } {
  checkSiteLanguage();
  return { port: portFromEnv(), timeZone: siteTimeZone() };
}
