import { siteTimeZone } from '@/lib/time-zone';
import type { DocumentReport, ImportReport } from './report';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Kept-apart slugs named on one summary line; past these, how many more. */
const LISTED_SLUGS = 3;

/** `N created`, and when slugs were taken, which slugs the new articles were saved under. */
function created(n: number, keptApart: readonly string[]): string {
  if (keptApart.length === 0) return `${n} created`;
  const taken = keptApart.length === 1 ? 'slug taken' : `${keptApart.length} slugs taken`;
  const more = keptApart.length - LISTED_SLUGS;
  const listed = keptApart.slice(0, LISTED_SLUGS).join(', ') + (more > 0 ? ` and ${more} more` : '');
  return `${n} created (${taken}: saved as ${listed})`;
}

function counts(
  c: { created: number; updated: number; unchanged: number; chromeLines: number },
  keptApart: readonly string[],
  withdrawn: number,
): string {
  // Withdrawn articles are named only when a document holds some: the usual line stays as it was.
  const left = withdrawn > 0 ? `, ${withdrawn} withdrawn (not republished)` : '';
  return `${created(c.created, keptApart)}, ${c.updated} updated, ${c.unchanged} unchanged${left}, ${plural(c.chromeLines, 'chrome line')} skipped`;
}

function documentLine(doc: DocumentReport): string {
  switch (doc.status) {
    case 'invalid':
      return `${doc.file}: invalid, ${plural(doc.problems.length, 'problem')}, nothing loaded`;
    case 'not loaded':
      return `${doc.file}: valid, not loaded because another document is invalid (use --skip-invalid)`;
    case 'failed':
      return `${doc.file}: not loaded: a database error stopped the run (below), nothing of this document written`;
    case 'stopped':
      return `${doc.file}: not loaded: the run stopped at a database error in an earlier document`;
    default:
      return `${doc.file}: ${counts(doc, doc.keptApart, doc.withdrawn.length)}`;
  }
}

/** Times named on the scheduled line; past these, how many more. */
const LISTED_TIMES = 5;

/** `2026-12-03 14:00`: an instant's minute in the time zone. */
export function minuteIn(timeZone: string): (at: Date) => string {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (at) => {
    const part = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
    return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
  };
}

/**
 * `2 scheduled: 2026-12-03 14:00 (1), 2026-12-04 09:00 (1) (Europe/London)`: how many of the
 * run's articles are not public yet, and when they become public, to the minute, in the site's
 * time zone, earliest first.
 */
export function scheduledLine(scheduled: readonly Date[], timeZone: string): string | null {
  if (scheduled.length === 0) return null;
  const minute = minuteIn(timeZone);
  const counts = new Map<string, number>();
  for (const at of [...scheduled].sort((a, b) => a.getTime() - b.getTime())) {
    const key = minute(at);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const times = [...counts].map(([time, n]) => `${time} (${n})`);
  const more = times.length - LISTED_TIMES;
  const listed = times.slice(0, LISTED_TIMES).join(', ') + (more > 0 ? ` and ${more} more times` : '');
  return `${scheduled.length} scheduled: ${listed} (${timeZone})`;
}

/**
 * The summary an editor reads: a line per document, each problem as file:line: message, then the
 * totals, and when some articles are not public yet, how many and for when (in `timeZone`, the site's).
 */
export function formatReport(report: ImportReport, timeZone = siteTimeZone()): string {
  const lines: string[] = [];
  if (report.dryRun) lines.push('Dry run: nothing is written.');
  for (const doc of report.documents) {
    lines.push(documentLine(doc));
    // A notice, not a problem: the rest of the document is loaded ("Withdrawal" in the format).
    const notices = doc.withdrawn.map((line) => ({ line, message: 'withdrawn: not republished' }));
    const said = [...doc.problems, ...notices].sort((a, b) => a.line - b.line);
    for (const problem of said) lines.push(`${doc.file}:${problem.line}: ${problem.message}`);
  }
  const { totals } = report;
  const keptApart = report.documents.flatMap((doc) => doc.keptApart);
  lines.push(
    `Total: ${counts(totals, keptApart, totals.withdrawn)}, ${plural(totals.problems, 'problem')} in ${plural(report.documents.length, 'document')}` +
      (totals.invalid > 0 ? ` (${totals.invalid} invalid)` : ''),
  );
  const scheduled = scheduledLine(report.scheduled, timeZone);
  if (scheduled) lines.push(scheduled);
  return lines.join('\n');
}
