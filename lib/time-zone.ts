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
