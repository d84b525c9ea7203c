import type pg from 'pg';

/** The `site_settings` row that records the site's time zone (an IANA name). */
export const TIME_ZONE_SETTING = 'time_zone';

/** An import whose SITE_TIME_ZONE is not the one the database records: refused before it writes anything. */
export class TimeZoneMismatch extends Error {
  constructor(
    readonly importZone: string,
    readonly siteZone: string,
  ) {
    super(
      `this import's time zone (SITE_TIME_ZONE) is ${importZone}, but the site's, recorded in the database, is ` +
        `${siteZone}: dates without an offset would be read in another zone than the site shows them in, ` +
        `so nothing was loaded. Run the import with SITE_TIME_ZONE=${siteZone}.`,
    );
    this.name = 'TimeZoneMismatch';
  }
}

type Queryable = Pick<pg.ClientBase, 'query'>;

/** The time zone the database records for the site, or null when none is. */
export async function recordedTimeZone(db: Queryable): Promise<string | null> {
  const { rows } = await db.query<{ value: string }>(`SELECT value FROM site_settings WHERE name = $1`, [
    TIME_ZONE_SETTING,
  ]);
  return rows[0]?.value ?? null;
}

/**
 * An import's check, before it writes anything: its time zone must be the site's (throws
 * TimeZoneMismatch naming both). With none recorded, the import's own is recorded (unless
 * `record` is false: a dry run writes nothing).
 */
export async function checkImportTimeZone(db: Queryable, zone: string, record: boolean): Promise<void> {
  const recorded = await recordedTimeZone(db);
  if (recorded !== null && recorded !== zone) throw new TimeZoneMismatch(zone, recorded);
  if (recorded === null && record)
    await db.query(`INSERT INTO site_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
      TIME_ZONE_SETTING,
      zone,
    ]);
}

/**
 * The site's own record, at start (`npm start`, as the owner of the tables): its time zone is
 * the site's. Says what it replaced, when it replaced another.
 */
export async function recordSiteTimeZone(db: Queryable, zone: string): Promise<string | null> {
  const { rows } = await db.query<{ previous: string | null }>(
    `WITH previous AS (SELECT value FROM site_settings WHERE name = $1)
     INSERT INTO site_settings (name, value) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value
     RETURNING (SELECT value FROM previous) AS previous`,
    [TIME_ZONE_SETTING, zone],
  );
  const previous = rows[0]?.previous ?? null;
  return previous !== null && previous !== zone
    ? `The site's time zone is now ${zone} (SITE_TIME_ZONE); the database recorded ${previous}. Imports must use ${zone}.`
    : null;
}
