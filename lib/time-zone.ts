import { Temporal } from 'temporal-polyfill';
import { formatLocale, siteLanguage } from './i18n';

/**
 * The site's time zone: one setting (`SITE_TIME_ZONE`, an IANA name, UTC by default), read by
 * the site and the import alike. Dates without an offset are read in it, and articles show their
 * time in it (docs/document-format.md, "Newsroom lines"; docs/settings.md). The date arithmetic
 * is Temporal's (the `temporal-polyfill` package), so that daylight-saving changes are the IANA
 * database's, not ours.
 */
export const DEFAULT_TIME_ZONE = 'UTC';

/**
 * The IANA name it gives, in its usual letter case (`europe/london` is `Europe/London`; a name
 * kept as a link, `Asia/Calcutta`, stays as given), or why it is not one (a clear message naming
 * the setting). An offset (`+05:30`) is not a zone: it knows no daylight-saving changes.
 */
export function checkTimeZone(name: string): { ok: true; zone: string } | { ok: false; message: string } {
  if (!/^[+-]/.test(name)) {
    try {
      return { ok: true, zone: Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(name).timeZoneId };
    } catch {
      // Not a zone: said below.
    }
  }
  return {
    ok: false,
    message: `SITE_TIME_ZONE "${name}" is not an IANA time zone name (for example Europe/London, UTC)`,
  };
}

/** The site's time zone; throws, naming the setting, when it is not a time zone. */
export function siteTimeZone(): string {
  const name = process.env.SITE_TIME_ZONE?.trim() || DEFAULT_TIME_ZONE;
  const checked = checkTimeZone(name);
  if (!checked.ok) throw new Error(checked.message);
  return checked.zone;
}

/** A date and time as a clock on the wall shows it, in no zone yet (month 1–12). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
}

export type ZonedInstant =
  | { ok: true; at: Date }
  /** `no-such-date`: 31 February, hour 25; `skipped`: a local time a daylight-saving change jumps over. */
  | { ok: false; reason: 'no-such-date' | 'skipped' };

/**
 * The instant a wall clock in `zone` shows. A local time that a daylight-saving change skips
 * (01:30 on the morning London's clocks go forward) is not a time there; one that happens twice
 * (01:30 on the morning they go back) is the earlier of the two. Cheap for a document's thousands
 * of dates: a day whose offset is the same on either side of it is read with that offset (kept for
 * the next date on that day); only a day with a change in it asks Temporal to disambiguate.
 */
export function zonedInstant(wall: WallClock, zone: string): ZonedInstant {
  const clock = wallClockMs(wall);
  if (clock === null) return { ok: false, reason: 'no-such-date' };
  const offset = steadyOffset(zone, wall, clock);
  if (offset !== null) return { ok: true, at: new Date(clock - offset) };
  const local = Temporal.PlainDateTime.from({
    year: wall.year,
    month: wall.month,
    day: wall.day,
    hour: wall.hour ?? 0,
    minute: wall.minute ?? 0,
    second: wall.second ?? 0,
    millisecond: wall.millisecond ?? 0,
  });
  // `compatible` moves a skipped time forward, so a time that comes back changed was skipped.
  const zoned = local.toZonedDateTime(zone, { disambiguation: 'compatible' });
  if (!zoned.toPlainDateTime().equals(local)) return { ok: false, reason: 'skipped' };
  const earlier = local.toZonedDateTime(zone, { disambiguation: 'earlier' });
  return { ok: true, at: new Date(earlier.epochMilliseconds) };
}

/**
 * The first instant of a calendar day in `zone`: its midnight, or, where a daylight-saving change
 * skips midnight (São Paulo, 15 October 2017), the moment the clocks jump to. Null when no such
 * day exists.
 */
export function startOfDay(wall: Pick<WallClock, 'year' | 'month' | 'day'>, zone: string): Date | null {
  const midnight = zonedInstant({ year: wall.year, month: wall.month, day: wall.day }, zone);
  if (midnight.ok) return midnight.at;
  if (midnight.reason === 'no-such-date') return null;
  const { year, month, day } = wall;
  return new Date(Temporal.PlainDate.from({ year, month, day }).toZonedDateTime({ timeZone: zone }).epochMilliseconds);
}

const HOUR_MS = 3_600_000;

/** The wall clock read as if it were UTC, in milliseconds; null when no such date or time exists. */
function wallClockMs({
  year,
  month,
  day,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
}: WallClock): number | null {
  const whole = [year, month, day, hour, minute, second, millisecond].every(Number.isInteger);
  if (!whole || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  if (second < 0 || second > 59 || millisecond < 0 || millisecond > 999) return null;
  const date = new Date(0);
  // Not Date.UTC: it reads the years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCDate() !== day) return null;
  date.setUTCHours(hour, minute, second, millisecond);
  return date.getTime();
}

/** Per zone, each local day's offset in milliseconds (null: it changes around that day). */
const steadyOffsets = new Map<string, Map<number, number | null>>();
const MAX_DAYS_KEPT = 100_000;

/**
 * The zone's offset on the wall clock's local day, when it is the same 14 hours before that day's
 * midnight (read as UTC) as 12 hours after its end: no zone is further ahead of UTC or behind it,
 * and none changes its offset twice within two days, so no change falls on that day. Null when
 * the two differ.
 */
function steadyOffset(zone: string, { year, month, day }: WallClock, clock: number): number | null {
  if (zone === 'UTC') return 0;
  let days = steadyOffsets.get(zone);
  if (!days) steadyOffsets.set(zone, (days = new Map()));
  const key = year * 10_000 + month * 100 + day;
  let offset = days.get(key);
  if (offset === undefined) {
    const midnight = clock - (((clock % (24 * HOUR_MS)) + 24 * HOUR_MS) % (24 * HOUR_MS));
    const before = offsetAt(zone, midnight - 14 * HOUR_MS);
    const after = offsetAt(zone, midnight + 36 * HOUR_MS);
    offset = before === after ? before : null;
    if (days.size >= MAX_DAYS_KEPT) days.clear();
    days.set(key, offset);
  }
  return offset;
}

function offsetAt(zone: string, ms: number): number {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6;
}

function zoned(at: Date, zone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(zone);
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in `zone`. */
export function calendarDay(at: Date, zone: string = siteTimeZone()): string {
  return zoned(at, zone).toPlainDate().toString();
}

/**
 * An instant as ISO 8601 with the zone's offset at that instant, to the second
 * (`2017-03-27T10:48:00+01:00`; UTC is `+00:00`): for `<time datetime>` and machine-readable copies.
 */
export function isoInZone(at: Date, zone: string = siteTimeZone()): string {
  return zoned(at, zone).toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

interface Formatters {
  dateTime: Intl.DateTimeFormat;
  date: Intl.DateTimeFormat;
  /** One per locale tried for a short zone name (en-GB knows BST, en-US knows EDT). */
  zoneNames: Intl.DateTimeFormat[];
}

const formattersByZone = new Map<string, Formatters>();

/** The house style's formats: British English, the day without commas, the time on 24 hours. */
function formatters(zone: string): Formatters {
  let found = formattersByZone.get(zone);
  if (!found) {
    const day = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: zone } as const;
    found = {
      dateTime: new Intl.DateTimeFormat('en-GB', { ...day, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      date: new Intl.DateTimeFormat('en-GB', day),
      zoneNames: ['en-GB', 'en-US'].map(
        (locale) => new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }),
      ),
    };
    formattersByZone.set(zone, found);
  }
  return found;
}

const part = (parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes) =>
  parts.find((one) => one.type === type)?.value ?? '';

/** `Monday 27 March 2017`: weekday, day, month and year in `zone`. */
function dayLabel(parts: Intl.DateTimeFormatPart[]): string {
  return `${part(parts, 'weekday')} ${part(parts, 'day')} ${part(parts, 'month')} ${part(parts, 'year')}`;
}

/**
 * The zone's short name at that instant: a letter abbreviation where English has one (`BST`,
 * `GMT`, `EDT`, `UTC`), else the offset from GMT (`GMT+5:30`).
 */
function zoneLabel(at: Date, { zoneNames }: Formatters): string {
  let fallback = '';
  for (const format of zoneNames) {
    const name = part(format.formatToParts(at), 'timeZoneName');
    if (/^[A-Z]{2,5}$/.test(name)) return name;
    fallback ||= name;
  }
  return fallback;
}

/** The site's language's own formats (any language but the house style's `en`), by zone and kind. */
const localFormats = new Map<string, Intl.DateTimeFormat>();
type DateKind = 'long' | 'date' | 'short' | 'day';
const DATE_OPTIONS: Record<DateKind, Intl.DateTimeFormatOptions> = {
  long: {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  },
  date: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  short: { day: 'numeric', month: 'short', year: 'numeric' },
  day: { day: 'numeric', month: 'long', year: 'numeric' },
};

/**
 * A date in the site's language and `zone` (lib/i18n): `long` with the time and the zone's
 * name, `date` the day in full, `short` for listings (`1 Jul 2026`), `day` without the weekday.
 * In English, the house style (`Monday 27 March 2017, 10:48 BST`); in another language, what
 * `Intl.DateTimeFormat` writes there (`lunes, 27 de marzo de 2017, 10:48 CEST`).
 */
export function formatDate(
  at: Date,
  kind: DateKind,
  zone: string = siteTimeZone(),
  tag: string = siteLanguage().tag,
): string {
  const locale = formatLocale(tag);
  if (locale === 'en-GB' && kind === 'long') {
    const found = formatters(zone);
    const parts = found.dateTime.formatToParts(at);
    return `${dayLabel(parts)}, ${part(parts, 'hour')}:${part(parts, 'minute')} ${zoneLabel(at, found)}`;
  }
  if (locale === 'en-GB' && kind === 'date') return dayLabel(formatters(zone).date.formatToParts(at));
  const key = `${locale}|${zone}|${kind}`;
  let format = localFormats.get(key);
  if (!format)
    localFormats.set(key, (format = new Intl.DateTimeFormat(locale, { ...DATE_OPTIONS[kind], timeZone: zone })));
  return format.format(at);
}

/** A reader's label for a publication time in `zone`: `Monday 27 March 2017, 10:48 BST` (in the site's language). */
export function formatPublished(at: Date, zone: string = siteTimeZone()): string {
  return formatDate(at, 'long', zone);
}

/** The date-only label of a publication time in `zone`: `Monday 27 March 2017` (in the site's language). */
export function formatPublishedDate(at: Date, zone: string = siteTimeZone()): string {
  return formatDate(at, 'date', zone);
}
