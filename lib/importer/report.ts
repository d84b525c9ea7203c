import type { DocumentProblem } from '@/lib/documents/types';

/**
 * `failed`: a database error stopped the run while this document was written (nothing of it is);
 * `stopped`: a valid document after it, not reached.
 */
export type DocumentStatus = 'loaded' | 'would load' | 'invalid' | 'not loaded' | 'failed' | 'stopped';

export interface DocumentReport {
  file: string;
  status: DocumentStatus;
  created: number;
  updated: number;
  unchanged: number;
  chromeLines: number;
  problems: DocumentProblem[];
  /**
   * Slugs of the created articles that were kept apart from another article: the slug
   * their headline asks for was another's, so they were saved under the next free `-2`, `-3`, ….
   */
  keptApart: string[];
  /** When each of its articles that is not public yet (scheduled) becomes public. */
  scheduled: Date[];
  /** The lines of its articles that are withdrawn (or legally removed): not republished, not changed. */
  withdrawn: number[];
}

export interface ChangedArticle {
  /** Its URL's slug, as stored (a kept-apart article's with its suffix). */
  slug: string;
  sectionSlug: string;
  /** New to the site's readers: a new article, or a scheduled one this import published (not an update in place). */
  created: boolean;
  /** The section it was in before, when this run moved it. */
  previousSectionSlug?: string;
  /** The slugs of its authors before and after the change (their pages list it, or did). */
  authorSlugs?: string[];
  /** The slugs of its tags before and after the change. */
  tagSlugs?: string[];
  /** Public before or after with a correction note: the corrections listing shows it (docs/corrections.md). */
  corrections?: boolean;
  /** A public article whose publication time changed: it moved in the listings that show it. */
  redated?: true;
  /**
   * Not public yet after this import (new and scheduled, or still scheduled): nothing the site
   * shows has it, so nothing is expired for it; it becomes public at this time.
   */
  scheduledFor?: Date;
}

export interface ImportReport {
  documents: DocumentReport[];
  totals: {
    created: number;
    updated: number;
    unchanged: number;
    chromeLines: number;
    problems: number;
    invalid: number;
    /** Created articles saved under a suffixed slug (see DocumentReport.keptApart). */
    keptApart: number;
    /** Articles left alone because they are withdrawn (see DocumentReport.withdrawn). */
    withdrawn: number;
  };
  /** When each article of the run that is not public yet becomes public, earliest first. */
  scheduled: Date[];
  changed: ChangedArticle[];
  /** The navigation's sections (those with articles) differ after the run. */
  sectionsChanged: boolean;
  dryRun: boolean;
}

/**
 * A database error stopped the run (a full disk, a lost connection, a refused row) after the
 * documents before `file` were committed: `report` says what was (their articles are in
 * `report.changed`, for the site to be told), `file` is marked `failed` in it, and nothing of it
 * was written. Its message is the database's, after the file's name.
 */
export class ImportFailed extends Error {
  constructor(
    readonly report: ImportReport,
    readonly file: string,
    readonly cause: unknown,
  ) {
    super(`${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ImportFailed';
  }
}

/** A document's report before the run has done anything with it. */
export function unreadReport(file: string): DocumentReport {
  return {
    file,
    status: 'not loaded',
    created: 0,
    updated: 0,
    unchanged: 0,
    chromeLines: 0,
    problems: [],
    keptApart: [],
    scheduled: [],
    withdrawn: [],
  };
}

/** The run's totals: the sums of its documents' reports. */
export function sumReports(documents: readonly DocumentReport[]): ImportReport['totals'] {
  const sum = (count: (doc: DocumentReport) => number) => documents.reduce((total, doc) => total + count(doc), 0);
  return {
    created: sum((doc) => doc.created),
    updated: sum((doc) => doc.updated),
    unchanged: sum((doc) => doc.unchanged),
    chromeLines: sum((doc) => doc.chromeLines),
    problems: sum((doc) => doc.problems.length),
    invalid: documents.filter((doc) => doc.status === 'invalid').length,
    keptApart: sum((doc) => doc.keptApart.length),
    withdrawn: sum((doc) => doc.withdrawn.length),
  };
}
