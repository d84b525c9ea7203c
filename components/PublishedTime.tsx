import { formatPublished, isoWithOffset } from '@/lib/time-zone';

type Format = 'long' | 'short' | 'date';

/** The date (and, in full, the time) as the site writes it, in the site's time zone (lib/time-zone.ts). */
export const formatTime = (iso: string, format: Format = 'long') => formatPublished(iso, format);

/** A `<time>` whose `datetime` carries the site's zone offset, as the text beside it is in that zone. */
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
    <time dateTime={isoWithOffset(iso)} className={className}>
      {formatTime(iso, format)}
    </time>
  );
}
