import type pg from 'pg';
import {
  readListingDocument,
  streamListingDocument,
  type ListingReader,
  type StreamedDocument,
} from '@/lib/documents/parse';
import type { SourceDocument } from '@/lib/documents/read';
import type { DocumentProblem, ParsedDocument, ParseOptions } from '@/lib/documents/types';
import { siteTimeZone } from '@/lib/time-zone';
import { runNameTables, type RunNameTables } from './names';
import {
  addPending,
  emptyPending,
  emptyPlan,
  InvalidDocument,
  planInBatches,
  wholeDocument,
  type Pending,
  type PlannedBatches,
  type RunningPlan,
} from './plan-batches';
import {
  ImportFailed,
  sumReports,
  unreadReport,
  type ChangedArticle,
  type DocumentReport,
  type ImportReport,
} from './report';
import { refusedSearchVectors } from './search-vectors';
import { checkImportTimeZone } from './site-time-zone';
import { loadMovedSections, loadNavigationSections, withImportLock, writeDocument } from './write';

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
  /** The time zone its documents' dates were read in (default: SITE_TIME_ZONE); refused unless it is the site's. */
  timeZone?: string;
  /**
   * The language of every article of the run (a canonical BCP 47 tag, lib/language.ts
   * `canonicalLanguageTag`); without it, each article's is found from its text.
   */
  language?: string;
}

/** Changed articles in one run past which the import refreshes the planner's statistics. */
const ANALYZE_AFTER = 1_000;

/** A run's documents: how each is read, what is known of it so far, and its report. */
interface Run {
  options: ImportOptions;
  /** The time zone its documents' dates were read in. */
  timeZone: string;
  dryRun: boolean;
  skipInvalid: boolean;
  documents: DocumentReport[];
  /** The first document's reader streams (it keeps no article it has handed out); the others' read whole. */
  readers: Array<ListingReader<ParsedDocument | StreamedDocument>>;
  /** Each document read whole (all but the first), or null while it is read as it is written. */
  results: Array<ParsedDocument | null>;
  /** A database error stopped the run while this document was written. */
  failure: { index: number; error: unknown } | null;
  changed: ChangedArticle[];
  sectionsChanged: boolean;
}

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
  // The parser reads dates in the site's time zone, and puts a moved section's articles at its new slug.
  const parse: ParseOptions = {
    timeZone: options.timeZone ?? siteTimeZone(),
    movedSections: await loadMovedSections(pool),
    ...(options.language ? { language: options.language } : {}),
  };
  const run = startRun(sources, options, parse);
  if (run.readers.length > 0 && !run.skipInvalid && anyInvalid(run)) {
    settle(run, 0, run.readers[0]!.finish());
  } else if (run.readers.length > 0) {
    await withImportLock(pool, options.onWait, (client) => loadDocuments(pool, client, run)).catch((error: unknown) => {
      // Thrown on (the lock's holder has rolled back and let go): the report is of what was committed.
      if (!run.failure) throw error;
    });
  }
  return finishRun(run);
}

function startRun(sources: readonly SourceDocument[], options: ImportOptions, parse: ParseOptions): Run {
  // The first document is read as it is written, so that reading it overlaps writing it (its own
  // problems, if any, come out at its end and roll its writes back). The others are read whole
  // first: a run that loads nothing because one of them is invalid is known before any write.
  const readers = sources.map((source, index) =>
    index === 0 ? streamListingDocument(source.bytes, parse) : readListingDocument(source.bytes, parse),
  );
  const run: Run = {
    options,
    timeZone: parse.timeZone ?? siteTimeZone(),
    dryRun: options.dryRun ?? false,
    skipInvalid: options.skipInvalid ?? false,
    documents: sources.map((source) => unreadReport(source.file)),
    readers,
    results: readers.map((reader, index) => (index === 0 ? null : (reader.finish() as ParsedDocument))),
    failure: null,
    changed: [],
    sectionsChanged: false,
  };
  run.results.forEach((result, index) => result && settle(run, index, result));
  return run;
}

function settle(run: Run, index: number, result: ParsedDocument | StreamedDocument): void {
  const report = run.documents[index]!;
  if (result.ok) report.chromeLines = result.chromeLines;
  else [report.status, report.problems] = ['invalid', result.problems];
}

const anyInvalid = (run: Run) => run.results.some((result) => result && !result.ok);

function progress(run: Run, documents: number, articles: number): void {
  run.options.onProgress?.({ documents, totalDocuments: run.documents.length, articles });
}

/** The run's work under the import lock, on its connection: each document planned and written (or rehearsed). */
async function loadDocuments(pool: pg.Pool, client: pg.PoolClient, run: Run): Promise<void> {
  // What the database would refuse of the documents read whole (a search vector over its
  // limit) is a problem of theirs, found before anything is written; the first document's
  // articles are checked as it is planned (planInBatches).
  for (const [index, result] of run.results.entries()) {
    if (!result?.ok) continue;
    const refused = await refusedSearchVectors(client, result.articles);
    if (refused.length > 0) settle(run, index, (run.results[index] = { ok: false, problems: refused }));
  }
  if (!run.skipInvalid && anyInvalid(run)) {
    settle(run, 0, run.readers[0]!.finish());
    return;
  }
  // Dates without an offset were read in the import's time zone: it must be the site's.
  await checkImportTimeZone(client, run.timeZone, !run.dryRun);
  // Taken after the lock: a run that waited for another dates its articles after that one's.
  const now = run.options.now ?? new Date();
  const sectionsBefore = await loadNavigationSections(client);
  // Dry runs see what earlier documents of the same run would have written.
  const pending: Pending = emptyPending();
  const names = runNameTables();
  // Articles of the documents before: their count dates the next document's after them.
  let ordinal = 0;
  for (const index of run.readers.keys()) {
    const result = run.results[index];
    if (result && !result.ok) continue;
    const plan = await loadDocument(pool, client, run, index, { pending, names, now, ordinal });
    if (!plan) {
      if (run.skipInvalid) continue;
      break;
    }
    ordinal += plan.read;
    const report = run.documents[index]!;
    report.status = run.dryRun ? 'would load' : 'loaded';
    [report.created, report.updated, report.unchanged] = [plan.created, plan.updated, plan.unchanged];
    report.keptApart = plan.keptApart;
    report.scheduled = plan.scheduled;
    report.withdrawn = plan.withdrawn;
    run.changed.push(...plan.changed);
    progress(run, index + 1, ordinal);
  }
  if (run.dryRun) return;
  run.sectionsChanged = (await loadNavigationSections(client)) !== sectionsBefore;
  // Fresh statistics at once after a large load, rather than when autovacuum next looks: for
  // search and related articles the planner picks the search index or the newest-first one by
  // how common each word is.
  if (run.changed.length >= ANALYZE_AFTER) await client.query('ANALYZE articles');
  if (run.changed.length > 0) await mergePendingSearchEntries(client);
}

/**
 * Plans one document and writes it (a dry run only adds what it would write to `pending`):
 * its plan, or null when it turned out invalid as it was read (its writes are rolled back).
 */
async function loadDocument(
  pool: pg.Pool,
  client: pg.PoolClient,
  run: Run,
  index: number,
  { pending, names, now, ordinal }: { pending: Pending; names: RunNameTables; now: Date; ordinal: number },
): Promise<RunningPlan | null> {
  // Read whole and valid, or null: read as it is written (the caller skips invalid ones).
  const parsed = run.results[index];
  const result = parsed?.ok ? parsed : null;
  const reader = run.readers[index]!;
  const plan = emptyPlan();
  const refused: DocumentProblem[] = [];
  const nextBatch = planInBatches(
    result ? wholeDocument(result.articles) : reader,
    pending,
    names,
    now,
    ordinal,
    plan,
    result ? null : refused,
  );
  try {
    if (run.dryRun) await rehearse(client, nextBatch, pending);
    else
      await writeDocument(
        pool,
        client,
        nextBatch,
        now,
        (written) => progress(run, index, ordinal + written),
        (connection) => recordImport(connection, run.documents[index]!.file, plan),
      );
  } catch (error) {
    // The document turned out invalid while it was being written: its writes are rolled back.
    if (!(error instanceof InvalidDocument)) {
      run.failure = { index, error };
      throw error;
    }
  }
  if (result) return plan;
  const read = reader.finish();
  const whole: ParsedDocument | StreamedDocument =
    refused.length === 0
      ? read
      : {
          ok: false,
          problems: [...refused, ...(read.ok ? [] : read.problems)].sort((a, b) => a.line - b.line),
        };
  settle(run, index, whole);
  return whole.ok ? plan : null;
}

/**
 * The record of editorial actions (docs/withdrawal.md) holds every import: each document's name
 * and counts, written in the document's transaction (writeDocument's last write), so that a
 * document is never committed without its row, nor its row without it.
 */
async function recordImport(client: pg.PoolClient, file: string, plan: RunningPlan): Promise<void> {
  const detail = {
    document: file,
    added: plan.created,
    changed: plan.updated,
    unchanged: plan.unchanged,
    withdrawn: plan.withdrawn.length,
  };
  await client.query(`INSERT INTO editorial_actions (kind, detail) VALUES ('import', $1)`, [JSON.stringify(detail)]);
}

/** A dry run's document: planned batch by batch, its articles kept as what later documents plan against. */
async function rehearse(client: pg.PoolClient, nextBatch: PlannedBatches, pending: Pending): Promise<void> {
  for (let batch = await nextBatch(client); batch; batch = await nextBatch(client)) {
    for (const article of batch) addPending(pending, article);
  }
}

/** The run's report; a database error that stopped it is thrown as ImportFailed, with the report. */
function finishRun(run: Run): ImportReport {
  const { documents, failure } = run;
  if (failure) {
    documents[failure.index]!.status = 'failed';
    for (const [index, doc] of documents.entries())
      if (index > failure.index && doc.status === 'not loaded') doc.status = 'stopped';
    // The navigation was not compared after the failure: told it changed, the site reads it again.
    run.sectionsChanged = run.changed.length > 0;
  }
  const report: ImportReport = {
    documents,
    totals: sumReports(documents),
    changed: run.changed,
    sectionsChanged: run.sectionsChanged,
    dryRun: run.dryRun,
    scheduled: documents.flatMap((doc) => doc.scheduled).sort((a, b) => a.getTime() - b.getTime()),
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
