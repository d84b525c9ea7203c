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
}

export interface ChangedArticle {
  /** Its URL's slug, as stored (a kept-apart article's with its suffix). */
  slug: string;
  sectionSlug: string;
  /** New to the site (not an update in place). */
  created: boolean;
  /** The section it was in before, when this run moved it. */
  previousSectionSlug?: string;
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
  };
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
