import { describe, expect, test } from 'vitest';
import { formatReport } from './format-report';
import type { DocumentReport, ImportReport } from './import-documents';

const SLUG = 'regional-council-confirms-the-new-harbour-bridge-will-open-to-traffic-next';

function report(documents: Array<Partial<DocumentReport>>): ImportReport {
  const docs: DocumentReport[] = documents.map((doc, i) => ({
    file: `doc-${i + 1}.txt`,
    status: 'loaded',
    created: 0,
    updated: 0,
    unchanged: 0,
    chromeLines: 1,
    problems: [],
    keptApart: [],
    ...doc,
  }));
  const sum = (key: 'created' | 'updated' | 'unchanged' | 'chromeLines') =>
    docs.reduce((total, doc) => total + doc[key], 0);
  return {
    documents: docs,
    totals: {
      created: sum('created'),
      updated: sum('updated'),
      unchanged: sum('unchanged'),
      chromeLines: sum('chromeLines'),
      problems: 0,
      invalid: 0,
      keptApart: docs.reduce((total, doc) => total + doc.keptApart.length, 0),
    },
    changed: [],
    sectionsChanged: false,
    dryRun: false,
  };
}

describe('formatReport', () => {
  test('prints the counts as before when no slug was taken', () => {
    expect(formatReport(report([{ created: 3 }])).split('\n')).toEqual([
      'doc-1.txt: 3 created, 0 updated, 0 unchanged, 1 chrome line skipped',
      'Total: 3 created, 0 updated, 0 unchanged, 1 chrome line skipped, 0 problems in 1 document',
    ]);
  });

  test('says which slug a new article was saved under when the one it asked for was taken', () => {
    expect(formatReport(report([{ unchanged: 1 }, { created: 1, keptApart: [`${SLUG}-2`] }])).split('\n')).toEqual([
      'doc-1.txt: 0 created, 0 updated, 1 unchanged, 1 chrome line skipped',
      `doc-2.txt: 1 created (slug taken: saved as ${SLUG}-2), 0 updated, 0 unchanged, 1 chrome line skipped`,
      `Total: 1 created (slug taken: saved as ${SLUG}-2), 0 updated, 1 unchanged, 2 chrome lines skipped, 0 problems in 2 documents`,
    ]);
  });

  test('counts several taken slugs and names the first three', () => {
    const keptApart = ['a-2', 'b-2', 'c-3', 'd-2'];
    expect(formatReport(report([{ created: 5, keptApart }])).split('\n')[0]).toBe(
      'doc-1.txt: 5 created (4 slugs taken: saved as a-2, b-2, c-3 and 1 more), 0 updated, 0 unchanged, 1 chrome line skipped',
    );
  });

  test('after a database error, names the document it stopped in and those it did not reach, beside what was committed', () => {
    const printed = formatReport(report([{ created: 2 }, { status: 'failed' }, { status: 'stopped' }])).split('\n');
    expect(printed).toEqual([
      'doc-1.txt: 2 created, 0 updated, 0 unchanged, 1 chrome line skipped',
      'doc-2.txt: not loaded: a database error stopped the run (below), nothing of this document written',
      'doc-3.txt: not loaded: the run stopped at a database error in an earlier document',
      'Total: 2 created, 0 updated, 0 unchanged, 3 chrome lines skipped, 0 problems in 3 documents',
    ]);
  });
});
