import type pg from 'pg';
import { parseListingDocument } from '@/lib/documents/parse';
import type { SourceDocument } from '@/lib/documents/read';
import type { DocumentProblem } from '@/lib/documents/types';
import { planDocument, type PlannedArticle, type StoredArticle } from './plan';
import { loadNavigationSections, loadStoredArticles, withImportLock, writeDocument } from './write';

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
}

export interface ChangedArticle {
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
  }));
  const changed: ChangedArticle[] = [];
  let sectionsChanged = false;

  if (writeValid && parsed.some(({ result }) => result.ok)) {
    await withImportLock(pool, options.onWait, async (client) => {
      // Taken after the lock: a run that waited for another dates its articles after that one's.
      const now = options.now ?? new Date();
      const sectionsBefore = await loadNavigationSections(client);
      // Dry runs see what earlier documents of the same run would have written.
      const pending = new Map<string, StoredArticle>();
      let ordinal = 0;
      let articlesDone = 0;
      for (const [index, { result }] of parsed.entries()) {
        if (!result.ok) continue;
        const report = documents[index]!;
        const stored = await loadStoredArticles(
          client,
          result.articles.map((draft) => draft.slug),
        );
        for (const draft of result.articles) {
          const earlier = pending.get(draft.slug);
          if (earlier) stored.set(draft.slug, earlier);
        }
        const plan = planDocument(result.articles, stored, now, ordinal);
        ordinal += result.articles.length;
        if (dryRun) {
          for (const article of plan.write) pending.set(article.draft.slug, storedAfter(article));
        } else {
          await writeDocument(client, plan.write, now, (written) =>
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
        changed.push(...plan.changed);
        articlesDone += result.articles.length;
        options.onProgress?.({ documents: index + 1, totalDocuments: sources.length, articles: articlesDone });
      }
      if (!dryRun) sectionsChanged = (await loadNavigationSections(client)) !== sectionsBefore;
      // Fresh statistics at once after a large load, rather than when autovacuum next looks: the
      // planner picks the index for related articles' headline words by how common each word is.
      if (!dryRun && changed.length >= ANALYZE_AFTER) await client.query('ANALYZE articles');
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
    },
    changed,
    sectionsChanged,
    dryRun,
  };
}

function storedAfter(article: PlannedArticle): StoredArticle {
  return { hash: article.hash, sectionSlug: article.draft.sectionSlug };
}
