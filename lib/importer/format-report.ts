import type { DocumentReport, ImportReport } from './import-documents';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function counts(c: { created: number; updated: number; unchanged: number; chromeLines: number }): string {
  return `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${plural(c.chromeLines, 'chrome line')} skipped`;
}

function documentLine(doc: DocumentReport): string {
  switch (doc.status) {
    case 'invalid':
      return `${doc.file}: invalid, ${plural(doc.problems.length, 'problem')}, nothing loaded`;
    case 'not loaded':
      return `${doc.file}: valid, not loaded because another document is invalid (use --skip-invalid)`;
    default:
      return `${doc.file}: ${counts(doc)}`;
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
  lines.push(
    `Total: ${counts(totals)}, ${plural(totals.problems, 'problem')} in ${plural(report.documents.length, 'document')}` +
      (totals.invalid > 0 ? ` (${totals.invalid} invalid)` : ''),
  );
  return lines.join('\n');
}
