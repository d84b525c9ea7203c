import type pg from 'pg';
import type { ArticleDraft, DocumentProblem } from '@/lib/documents/types';
import { assignSlugs, planDocument, type DocumentPlan, type PlannedArticle, type StoredArticle } from './plan';
import { refusedSearchVectors } from './search-vectors';
import { loadStoredArticles, loadTakenSlugs, WRITE_BATCH } from './write';

/** What a dry run would have written so far: later documents of the run plan against it. */
export interface Pending {
  byIdentity: Map<string, StoredArticle>;
  slugs: Set<string>;
}

export function storedAfter(article: PlannedArticle): StoredArticle {
  return { slug: article.slug, hash: article.hash, sectionSlug: article.draft.sectionSlug };
}

/** Gives the next batch of a document's articles to write, planned over `client`; null after the last. */
export type PlannedBatches = (client: pg.PoolClient) => Promise<PlannedArticle[] | null>;

/** A document's articles, read a batch at a time (a ListingReader, or the articles of a document read whole). */
export interface DraftSource {
  read(count: number): ArticleDraft[];
  /** A problem has been found: the document will not load. */
  readonly faulty: boolean;
}

export function wholeDocument(drafts: readonly ArticleDraft[]): DraftSource {
  let at = 0;
  return {
    read: (count) => drafts.slice(at, (at += count)),
    faulty: false,
  };
}

/** The document being written has a problem: its writes are rolled back, and its reader says what it is. */
export class InvalidDocument extends Error {}

/** A document's plan so far (its counts: the articles to write go to the writer), and how many of its articles have been read. */
export type RunningPlan = Omit<DocumentPlan, 'write'> & { read: number };

export function emptyPlan(): RunningPlan {
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
export function planInBatches(
  source: DraftSource,
  pending: Pending,
  now: Date,
  ordinal: number,
  plan: RunningPlan,
  /** Where the articles whose search vector the database refuses go, when they are to be checked here. */
  refused: DocumentProblem[] | null,
): PlannedBatches {
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
