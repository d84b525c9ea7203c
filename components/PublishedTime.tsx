const formats = {
  // On the article: the date and time in full.
  long: new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }),
  // In listings: short enough to sit on one line beside the reading time.
  short: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

/** The date (and, in full, the time) as the site writes it, in UTC. */
export const formatTime = (iso: string, format: keyof typeof formats = 'long') => formats[format].format(new Date(iso));

export function PublishedTime({
  iso,
  format = 'long',
  className,
}: {
  iso: string;
  format?: keyof typeof formats;
  className?: string;
}) {
  return (
    <time dateTime={iso} className={className}>
      {formatTime(iso, format)}
    </time>
  );
}
