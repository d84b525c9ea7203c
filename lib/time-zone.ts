/**
 * The site's time zone: one setting (`SITE_TIME_ZONE`, an IANA name, UTC by default), read by
 * the site and the import alike. Dates without an offset are read in it, and articles show their
 * time in it (docs/document-format.md, "Newsroom lines"; docs/settings.md).
 */
export const DEFAULT_TIME_ZONE = 'UTC';

/** The IANA name it gives, or why it is not one (a clear message naming the setting). */
export function checkTimeZone(name: string): { ok: true; zone: string } | { ok: false; message: string } {
  try {
    const zone = new Intl.DateTimeFormat('en-GB', { timeZone: name }).resolvedOptions().timeZone;
    return { ok: true, zone };
  } catch {
    return {
      ok: false,
      message: `SITE_TIME_ZONE "${name}" is not an IANA time zone name (for example Europe/London, UTC)`,
    };
  }
}

/** The site's time zone; throws, naming the setting, when it is not a time zone. */
export function siteTimeZone(): string {
  const name = process.env.SITE_TIME_ZONE?.trim() || DEFAULT_TIME_ZONE;
  const checked = checkTimeZone(name);
  if (!checked.ok) throw new Error(checked.message);
  return checked.zone;
}

// Display helpers (minimal, with Intl; the parse helper's versions replace these on merge).
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string, format: 'long' | 'short' | 'date' | 'offset'): Intl.DateTimeFormat {
  const key = `${zone}\u0000${format}`;
  let made = formatters.get(key);
  if (!made) {
    const options: Intl.DateTimeFormatOptions =
      format === 'long'
        ? { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }
        : format === 'short'
          ? { day: 'numeric', month: 'short', year: 'numeric' }
          : format === 'date'
            ? { day: 'numeric', month: 'long', year: 'numeric' }
            : { year: 'numeric', timeZoneName: 'longOffset' };
    made = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: zone });
    formatters.set(key, made);
  }
  return made;
}

/**
 * An instant as the site writes it, in the site's time zone: `long` with the time and the zone's
 * abbreviation ("1 July 2026 at 15:00 BST"), `date` the day in full, `short` for listings ("1 Jul 2026").
 */
export function formatPublished(
  iso: string | Date,
  format: 'long' | 'short' | 'date' = 'long',
  zone = siteTimeZone(),
): string {
  return formatter(zone, format).format(new Date(iso));
}

/** An instant as ISO 8601 in the site's time zone, with its offset (`2026-07-01T15:00:00.000+01:00`, `…Z` at UTC). */
export function isoWithOffset(iso: string | Date, zone = siteTimeZone()): string {
  const at = new Date(iso);
  const name = formatter(zone, 'offset')
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /^GMT([+-])(\d{2}):(\d{2})$/u.exec(name ?? '');
  // No offset (UTC, or a zone at UTC then): `Z`, as toISOString writes it.
  const minutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  const offset = minutes === 0 ? 'Z' : `${match![1]}${match![2]}:${match![3]}`;
  const local = new Date(at.getTime() + minutes * 60_000).toISOString().slice(0, 23);
  return `${local}${offset}`;
}
