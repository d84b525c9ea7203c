import { describe, expect, test } from 'vitest';
import { formatReport } from './format-report';
import type { DocumentReport, ImportReport } from './report';

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
    scheduled: [],
    withdrawn: [],
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
      withdrawn: docs.reduce((total, doc) => total + doc.withdrawn.length, 0),
    },
    changed: [],
    sectionsChanged: false,
    dryRun: false,
    scheduled: docs.flatMap((doc) => doc.scheduled).sort((a, b) => a.getTime() - b.getTime()),
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

  test('says how many articles are scheduled and for when, to the minute, in the site’s time zone', () => {
    const scheduled = [
      new Date('2026-12-04T09:00:30Z'),
      new Date('2026-12-03T14:00:00Z'),
      new Date('2026-12-04T09:00:00Z'),
    ];
    const printed = formatReport(report([{ created: 3, scheduled }]), 'UTC').split('\n');
    expect(printed.at(-1)).toBe('3 scheduled: 2026-12-03 14:00 (1), 2026-12-04 09:00 (2) (UTC)');
    expect(
      formatReport(report([{ created: 3, scheduled }]), 'Asia/Tokyo')
        .split('\n')
        .at(-1),
    ).toBe('3 scheduled: 2026-12-03 23:00 (1), 2026-12-04 18:00 (2) (Asia/Tokyo)');
  });

  test('names the first five times of a long schedule and counts the rest', () => {
    const scheduled = Array.from({ length: 7 }, (_, day) => new Date(Date.UTC(2026, 11, 10 + day, 6)));
    expect(
      formatReport(report([{ created: 7, scheduled }]), 'UTC')
        .split('\n')
        .at(-1),
    ).toBe(
      '7 scheduled: 2026-12-10 06:00 (1), 2026-12-11 06:00 (1), 2026-12-12 06:00 (1), 2026-12-13 06:00 (1), ' +
        '2026-12-14 06:00 (1) and 2 more times (UTC)',
    );
  });

  test('prints no scheduled line when every article is public', () => {
    expect(formatReport(report([{ created: 1 }]), 'UTC')).not.toMatch(/scheduled/u);
  });
});
