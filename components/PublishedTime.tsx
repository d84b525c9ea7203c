import { formatPublished, formatPublishedDate, isoInZone, siteTimeZone } from '@/lib/time-zone';

type Format = 'long' | 'short' | 'date';

const shortFormats = new Map<string, Intl.DateTimeFormat>();
/** In listings, short enough to sit on one line beside the reading time: `1 Jul 2026`. */
function shortDate(at: Date, zone = siteTimeZone()): string {
  let format = shortFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: zone });
    shortFormats.set(zone, format);
  }
  return format.format(at);
}

/**
 * The date as the site writes it, in the site's time zone (lib/time-zone.ts): `long` with the time
 * and the zone's name (`Wednesday 1 July 2026, 15:00 BST`), `date` the day in full, `short` for listings.
 */
export function formatTime(iso: string, format: Format = 'long'): string {
  const at = new Date(iso);
  return format === 'long' ? formatPublished(at) : format === 'date' ? formatPublishedDate(at) : shortDate(at);
}

/** The `datetime` of a `<time>`: ISO 8601 with the site's zone offset, as the text beside it is in that zone. */
export const timeAttribute = (iso: string) => isoInZone(new Date(iso));

export function PublishedTime({
  iso,
  format = 'long',
  className,
}: {
  iso: string;
  format?: Format;
  className?: string;
}) {
  return (
    <time dateTime={timeAttribute(iso)} className={className}>
      {formatTime(iso, format)}
    </time>
  );
}
