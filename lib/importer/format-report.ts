import type { DocumentReport, ImportReport } from './import-documents';

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
): string {
  return `${created(c.created, keptApart)}, ${c.updated} updated, ${c.unchanged} unchanged, ${plural(c.chromeLines, 'chrome line')} skipped`;
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
      return `${doc.file}: ${counts(doc, doc.keptApart)}`;
  }
}

/** The summary an editor reads: a line per document, each problem as file:line: message, then the totals. */
export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  if (report.dryRun) lines.push('Dry run: nothing is written.');
  for (const doc of report.documents) {
    lines.push(documentLine(doc));
    for (const problem of doc.problems) lines.push(`${doc.file}:${problem.line}: ${problem.message}`);
  }
  const { totals } = report;
  const keptApart = report.documents.flatMap((doc) => doc.keptApart);
  lines.push(
    `Total: ${counts(totals, keptApart)}, ${plural(totals.problems, 'problem')} in ${plural(report.documents.length, 'document')}` +
      (totals.invalid > 0 ? ` (${totals.invalid} invalid)` : ''),
  );
  return lines.join('\n');
}
