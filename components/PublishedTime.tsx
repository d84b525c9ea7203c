import { formatDate, isoInZone } from '@/lib/time-zone';

type Format = 'long' | 'short' | 'date';

/**
 * The date as the site writes it, in the site's time zone (lib/time-zone.ts): `long` with the time
 * and the zone's name (`Wednesday 1 July 2026, 15:00 BST`), `date` the day in full, `short` for listings
 * (short enough to sit on one line beside the reading time: `1 Jul 2026`); in the site's language (lib/i18n).
 */
export function formatTime(iso: string, format: Format = 'long'): string {
  return formatDate(new Date(iso), format);
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
