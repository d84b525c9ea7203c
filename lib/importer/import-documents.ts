import type pg from 'pg';
import { readListingDocument } from '@/lib/documents/parse';
import type { SourceDocument } from '@/lib/documents/read';
import type { ArticleDraft, DocumentProblem, ParsedDocument } from '@/lib/documents/types';
import { assignSlugs, planDocument, type DocumentPlan, type PlannedArticle, type StoredArticle } from './plan';
import { refusedSearchVectors } from './search-vectors';
import {
  loadNavigationSections,
  loadStoredArticles,
  loadTakenSlugs,
  withImportLock,
  writeDocument,
  WRITE_BATCH,
} from './write';

export interface ImportOptions {
  /** Parse, validate and compare with the database, writing nothing. */
  dryRun?: boolean;
  /** Load the valid documents even when others are invalid. */
  skipInvalid?: boolean;
  /** The time the run counts as; articles with no known publication time are dated from it. */
  now?: Date;
  onProgress?: (progress: { documents: number; totalDocuments: number; articles: number }) => void;
  /** Called when another import holds the database and this one waits for it. */
  onWait?: () => void;
}

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

/** Changed articles in one run past which the import refreshes the planner's statistics. */
const ANALYZE_AFTER = 1_000;

/**
 * Loads listing documents: each valid document whole, in one transaction, or not at
 * all. Runs hold an advisory lock from start to end, so two imports at once end as
 * if one had run after the other. Unchanged articles cost one read; new and changed
 * ones are written with bulk statements, chunk by chunk (lib/importer/write.ts).
 */
export async function importDocuments(
  pool: pg.Pool,
  sources: readonly SourceDocument[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const dryRun = options.dryRun ?? false;
  const skipInvalid = options.skipInvalid ?? false;
  const documents: DocumentReport[] = sources.map((source) => ({
    file: source.file,
    status: 'not loaded',
    created: 0,
    updated: 0,
    unchanged: 0,
    chromeLines: 0,
    problems: [],
    keptApart: [],
  }));
  const settle = (index: number, result: ParsedDocument) => {
    const report = documents[index]!;
    if (result.ok) report.chromeLines = result.chromeLines;
    else [report.status, report.problems] = ['invalid', result.problems];
  };
  // The first document is read as it is written, so that reading it overlaps writing it (its own
  // problems, if any, come out at its end and roll its writes back). The others are read whole
  // first: a run that loads nothing because one of them is invalid is known before any write.
  const readers = sources.map((source) => readListingDocument(source.bytes));
  const results = readers.map((reader, index) => (index === 0 ? null : reader.finish()));
  results.forEach((result, index) => result && settle(index, result));
  const changed: ChangedArticle[] = [];
  let sectionsChanged = false;
  let failure = null as { index: number; error: unknown } | null;
  const anyInvalid = () => results.some((result) => result && !result.ok);

  if (readers.length > 0 && !skipInvalid && anyInvalid()) {
    settle(0, readers[0]!.finish());
  } else if (readers.length > 0) {
    await withImportLock(pool, options.onWait, async (client) => {
      // What the database would refuse of the documents read whole (a search vector over its
      // limit) is a problem of theirs, found before anything is written; the first document's
      // articles are checked as it is planned (planInBatches).
      for (const [index, result] of results.entries()) {
        if (!result?.ok) continue;
        const refused = await refusedSearchVectors(client, result.articles);
        if (refused.length > 0) settle(index, (results[index] = { ok: false, problems: refused }));
      }
      if (!skipInvalid && anyInvalid()) {
        settle(0, readers[0]!.finish());
        return;
      }
      // Taken after the lock: a run that waited for another dates its articles after that one's.
      const now = options.now ?? new Date();
      const sectionsBefore = await loadNavigationSections(client);
      // Dry runs see what earlier documents of the same run would have written.
      const pending: Pending = { byIdentity: new Map(), slugs: new Set() };
      let ordinal = 0;
      let articlesDone = 0;
      for (const [index, reader] of readers.entries()) {
        const result = results[index];
        if (result && !result.ok) continue;
        const report = documents[index]!;
        const plan = emptyPlan();
        const refused: DocumentProblem[] = [];
        const nextBatch = planInBatches(
          result ? wholeDocument(result.articles) : reader,
          pending,
          now,
          ordinal,
          plan,
          result ? null : refused,
        );
        try {
          if (dryRun) {
            for (let batch = await nextBatch(client); batch; batch = await nextBatch(client)) {
              for (const article of batch) {
                pending.byIdentity.set(article.draft.identity, storedAfter(article));
                pending.slugs.add(article.slug);
              }
            }
          } else {
            await writeDocument(pool, client, nextBatch, now, (written) =>
              options.onProgress?.({
                documents: index,
                totalDocuments: sources.length,
                articles: articlesDone + written,
              }),
            );
          }
        } catch (error) {
          // The document turned out invalid while it was being written: its writes are rolled back.
          if (!(error instanceof InvalidDocument)) {
            failure = { index, error };
            throw error;
          }
        }
        if (!result) {
          const read = reader.finish();
          const whole: ParsedDocument =
            refused.length === 0
              ? read
              : {
                  ok: false,
                  problems: [...refused, ...(read.ok ? [] : read.problems)].sort((a, b) => a.line - b.line),
                };
          settle(index, whole);
          if (!whole.ok) {
            if (skipInvalid) continue;
            break;
          }
        }
        ordinal += plan.read;
        report.status = dryRun ? 'would load' : 'loaded';
        report.created = plan.created;
        report.updated = plan.updated;
        report.unchanged = plan.unchanged;
        report.keptApart = plan.keptApart;
        changed.push(...plan.changed);
        articlesDone += plan.read;
        options.onProgress?.({ documents: index + 1, totalDocuments: sources.length, articles: articlesDone });
      }
      if (!dryRun) sectionsChanged = (await loadNavigationSections(client)) !== sectionsBefore;
      // Fresh statistics at once after a large load, rather than when autovacuum next looks: for
      // search and related articles the planner picks the search index or the newest-first one by
      // how common each word is.
      if (!dryRun && changed.length >= ANALYZE_AFTER) await client.query('ANALYZE articles');
      if (!dryRun && changed.length > 0) await mergePendingSearchEntries(client);
    }).catch((error: unknown) => {
      // Thrown on (the lock's holder has rolled back and let go): the report is of what was committed.
      if (!failure) throw error;
    });
  }

  if (failure) {
    documents[failure.index]!.status = 'failed';
    for (const [index, doc] of documents.entries())
      if (index > failure.index && doc.status === 'not loaded') doc.status = 'stopped';
    // The navigation was not compared after the failure: told it changed, the site reads it again.
    sectionsChanged = changed.length > 0;
  }
  const sum = (key: 'created' | 'updated' | 'unchanged' | 'chromeLines') =>
    documents.reduce((total, doc) => total + doc[key], 0);
  const report: ImportReport = {
    documents,
    totals: {
      created: sum('created'),
      updated: sum('updated'),
      unchanged: sum('unchanged'),
      chromeLines: sum('chromeLines'),
      problems: documents.reduce((total, doc) => total + doc.problems.length, 0),
      invalid: documents.filter((doc) => doc.status === 'invalid').length,
      keptApart: documents.reduce((total, doc) => total + doc.keptApart.length, 0),
    },
    changed,
    sectionsChanged,
    dryRun,
  };
  if (failure) throw new ImportFailed(report, documents[failure.index]!.file, failure.error);
  return report;
}

/**
 * Moves the search index's pending entries into the index proper. A GIN index takes new
 * rows into an unsorted pending list (cheap to write), which every search then reads whole:
 * up to 4 MB, several milliseconds a query, until autovacuum merges it. Merged at once, the
 * next search reads only the index. Left to autovacuum if the import's role may not do it.
 */
async function mergePendingSearchEntries(client: pg.PoolClient): Promise<void> {
  await client.query(`SELECT gin_clean_pending_list('articles_search_idx'::regclass)`).catch(() => undefined);
}

/** What a dry run would have written so far: later documents of the run plan against it. */
interface Pending {
  byIdentity: Map<string, StoredArticle>;
  slugs: Set<string>;
}

function storedAfter(article: PlannedArticle): StoredArticle {
  return { slug: article.slug, hash: article.hash, sectionSlug: article.draft.sectionSlug };
}

/** A document's articles, read a batch at a time (a ListingReader, or the articles of a document read whole). */
interface DraftSource {
  read(count: number): ArticleDraft[];
  /** A problem has been found: the document will not load. */
  readonly faulty: boolean;
}

function wholeDocument(drafts: readonly ArticleDraft[]): DraftSource {
  let at = 0;
  return {
    read: (count) => drafts.slice(at, (at += count)),
    faulty: false,
  };
}

/** The document being written has a problem: its writes are rolled back, and its reader says what it is. */
class InvalidDocument extends Error {}

/** A document's plan so far (its counts: the articles to write go to the writer), and how many of its articles have been read. */
type RunningPlan = Omit<DocumentPlan, 'write'> & { read: number };

function emptyPlan(): RunningPlan {
  return { created: 0, updated: 0, unchanged: 0, keptApart: [], changed: [], read: 0 };
}

/**
 * Plans a document against the database (and what a dry run would have written) a batch at a
 * time, as the writer asks for batches: each call reads the next WRITE_BATCH articles, plans
 * them over the connection it is given, adds their counts to `plan`, and gives the articles to
 * write (none when all are unchanged), or null after the last. One call at a time: each
 * plans against the slugs the ones before it gave.
 *
 * Stored articles are found by identity; each new one is given the slug its identity asks
 * for, or the next free `-2`, `-3`, … (`assignSlugs`): free of the stored articles (the slug's
 * unique index is asked) and of the slugs given earlier in the run, in document order. The run
 * holds the import lock, so no other import takes a slug between this look-up and the write.
 * A document's identities are its own (the reader reports a repeated one as a problem, and no
 * batch is planned once it is faulty), so a look-up never needs this document's own writes.
 */
function planInBatches(
  source: DraftSource,
  pending: Pending,
  now: Date,
  ordinal: number,
  plan: RunningPlan,
  /** Where the articles whose search vector the database refuses go, when they are to be checked here. */
  refused: DocumentProblem[] | null,
): (client: pg.PoolClient) => Promise<PlannedArticle[] | null> {
  const given = new Set(pending.slugs);
  return async (client) => {
    const drafts = source.read(WRITE_BATCH);
    if (source.faulty) throw new InvalidDocument();
    if (drafts.length === 0) return null;
    if (refused) {
      refused.push(...(await refusedSearchVectors(client, drafts)));
      if (refused.length > 0) throw new InvalidDocument();
    }
    plan.read += drafts.length;
    const stored = await loadStoredArticles(
      client,
      drafts.map((draft) => draft.identity),
    );
    for (const draft of drafts) {
      const earlier = pending.byIdentity.get(draft.identity);
      if (earlier) stored.set(draft.identity, earlier);
    }
    const fresh = drafts.filter((draft) => !stored.has(draft.identity));
    const known = new Map<string, boolean>();
    for (;;) {
      const { slugs, unknown } = assignSlugs(fresh, known, given);
      if (unknown.length === 0) {
        for (const slug of slugs.values()) given.add(slug);
        const part = planDocument(drafts, stored, slugs, now, ordinal);
        plan.created += part.created;
        plan.updated += part.updated;
        plan.unchanged += part.unchanged;
        plan.keptApart.push(...part.keptApart);
        plan.changed.push(...part.changed);
        return part.write;
      }
      const taken = await loadTakenSlugs(client, unknown);
      for (const slug of unknown) known.set(slug, taken.has(slug));
    }
  };
}
