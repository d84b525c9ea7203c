import type pg from 'pg';
import { parseListingDocument } from '@/lib/documents/parse';
import type { SourceDocument } from '@/lib/documents/read';
import type { ArticleDraft, DocumentProblem } from '@/lib/documents/types';
import { assignSlugs, planDocument, type DocumentPlan, type PlannedArticle, type StoredArticle } from './plan';
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

export type DocumentStatus = 'loaded' | 'would load' | 'invalid' | 'not loaded';

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
 * Loads listing documents: each valid document whole, in one short transaction,
 * or not at all. Runs hold an advisory lock from start to end, so two imports at
 * once end as if one had run after the other. Unchanged articles cost one read;
 * new and changed ones are written with bulk statements.
 */
/** Changed articles in one run past which the import refreshes the planner's statistics. */
const ANALYZE_AFTER = 1_000;

export async function importDocuments(
  pool: pg.Pool,
  sources: readonly SourceDocument[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const dryRun = options.dryRun ?? false;
  const parsed = sources.map((source) => ({ source, result: parseListingDocument(source.bytes) }));
  const writeValid = parsed.every(({ result }) => result.ok) || (options.skipInvalid ?? false);
  const documents: DocumentReport[] = parsed.map(({ source, result }) => ({
    file: source.file,
    status: result.ok ? 'not loaded' : 'invalid',
    created: 0,
    updated: 0,
    unchanged: 0,
    chromeLines: result.ok ? result.chromeLines : 0,
    problems: result.ok ? [] : result.problems,
    keptApart: [],
  }));
  const changed: ChangedArticle[] = [];
  let sectionsChanged = false;

  if (writeValid && parsed.some(({ result }) => result.ok)) {
    await withImportLock(pool, options.onWait, async (client) => {
      // Taken after the lock: a run that waited for another dates its articles after that one's.
      const now = options.now ?? new Date();
      const sectionsBefore = await loadNavigationSections(client);
      // Dry runs see what earlier documents of the same run would have written.
      const pending: Pending = { byIdentity: new Map(), slugs: new Set() };
      let ordinal = 0;
      let articlesDone = 0;
      for (const [index, { result }] of parsed.entries()) {
        if (!result.ok) continue;
        const report = documents[index]!;
        const plan = emptyPlan();
        const batches = await planAgainstDatabase(client, result.articles, pending, now, ordinal, plan);
        ordinal += result.articles.length;
        if (dryRun) {
          for (const batch of batches) {
            for (const article of batch) {
              pending.byIdentity.set(article.draft.identity, storedAfter(article));
              pending.slugs.add(article.slug);
            }
          }
        } else {
          await writeDocument(pool, client, batches, now, (written) =>
            options.onProgress?.({
              documents: index,
              totalDocuments: sources.length,
              articles: articlesDone + written,
            }),
          );
        }
        report.status = dryRun ? 'would load' : 'loaded';
        report.created = plan.created;
        report.updated = plan.updated;
        report.unchanged = plan.unchanged;
        report.keptApart = plan.keptApart;
        changed.push(...plan.changed);
        articlesDone += result.articles.length;
        options.onProgress?.({ documents: index + 1, totalDocuments: sources.length, articles: articlesDone });
      }
      if (!dryRun) sectionsChanged = (await loadNavigationSections(client)) !== sectionsBefore;
      // Fresh statistics at once after a large load, rather than when autovacuum next looks: for
      // search and related articles the planner picks the search index or the newest-first one by
      // how common each word is.
      if (!dryRun && changed.length >= ANALYZE_AFTER) await client.query('ANALYZE articles');
      if (!dryRun && changed.length > 0) await mergePendingSearchEntries(client);
    });
  }

  const sum = (key: 'created' | 'updated' | 'unchanged' | 'chromeLines') =>
    documents.reduce((total, doc) => total + doc[key], 0);
  return {
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

/**
 * Plans one document against the database (and what a dry run would have written):
 * stored articles are found by identity; each new one is given the slug its identity
 * asks for, or the next free `-2`, `-3`, … (`assignSlugs`), asking the slug's unique
 * index about the slugs it might take. The run holds the import lock, so no other
 * import takes a slug between this look-up and the write.
 *
 * What is to be written is then planned a batch at a time, as the writer asks for it (comparing
 * content hashes is most of a plan's work, and overlaps the writing of earlier batches); each
 * batch's counts are added to `plan` as it is planned.
 */
async function planAgainstDatabase(
  client: pg.PoolClient,
  drafts: readonly ArticleDraft[],
  pending: Pending,
  now: Date,
  ordinal: number,
  plan: DocumentPlan,
): Promise<Generator<PlannedArticle[], void, undefined>> {
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
    const { slugs, unknown } = assignSlugs(fresh, known, pending.slugs);
    if (unknown.length === 0) return planBatches(drafts, stored, slugs, now, ordinal, plan);
    const taken = await loadTakenSlugs(client, unknown);
    for (const slug of unknown) known.set(slug, taken.has(slug));
  }
}

function* planBatches(
  drafts: readonly ArticleDraft[],
  stored: ReadonlyMap<string, StoredArticle>,
  slugs: ReadonlyMap<string, string>,
  now: Date,
  ordinal: number,
  plan: DocumentPlan,
): Generator<PlannedArticle[], void, undefined> {
  for (let start = 0; start < drafts.length; start += WRITE_BATCH) {
    const part = planDocument(drafts.slice(start, start + WRITE_BATCH), stored, slugs, now, ordinal);
    plan.created += part.created;
    plan.updated += part.updated;
    plan.unchanged += part.unchanged;
    plan.keptApart.push(...part.keptApart);
    plan.changed.push(...part.changed);
    yield part.write;
  }
}

function emptyPlan(): DocumentPlan {
  return { write: [], created: 0, updated: 0, unchanged: 0, keptApart: [], changed: [] };
}
