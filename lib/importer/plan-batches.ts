import type pg from 'pg';
import type { ArticleDraft, DocumentProblem } from '@/lib/documents/types';
import type { NameRow, RunNameTables } from './names';
import {
  articleKey,
  assignSlugs,
  draftKey,
  planDocument,
  type DocumentPlan,
  type PlannedArticle,
  type StoredArticle,
} from './plan';
import type { ChangedArticle } from './report';
import { refusedSearchVectors } from './search-vectors';
import { loadRemovedSlugs, loadWithdrawnDrafts } from './withdrawn';
import { loadStoredArticles, loadStoredLinks, loadTakenSlugs, WRITE_BATCH, type StoredLinks } from './write';

/** What a dry run would have written so far: later documents of the run plan against it. */
export interface Pending {
  /** By articleKey (identity and date_key). */
  byKey: Map<string, StoredArticle>;
  /** The newest by identity alone, for undated articles. */
  newest: Map<string, StoredArticle>;
  slugs: Set<string>;
}

export const emptyPending = (): Pending => ({ byKey: new Map(), newest: new Map(), slugs: new Set() });

export function storedAfter(article: PlannedArticle): StoredArticle {
  return {
    id: article.articleId,
    slug: article.slug,
    hash: article.hash,
    sectionSlug: article.draft.sectionSlug,
    dateKey: article.dateKey,
    dated: article.dated,
    publishedAt: article.publishedAt,
    publicAt: article.publicAt,
    notes: article.notes,
  };
}

/** Adds a dry run's planned article to what later documents plan against. */
export function addPending(pending: Pending, article: PlannedArticle): void {
  const stored = storedAfter(article);
  pending.byKey.set(articleKey(article.draft.identity, article.dateKey), stored);
  const newest = pending.newest.get(article.draft.identity);
  if (!newest || newest.publishedAt <= stored.publishedAt) pending.newest.set(article.draft.identity, stored);
  pending.slugs.add(article.slug);
}

/**
 * The stored article a draft is ("Identity with dates"), from what the database gave
 * (`fromDatabase`: the same day, else an undated one, for a dated draft; the newest for an
 * undated one) and what a dry run's earlier documents would have written.
 */
function matchPending(
  draft: ArticleDraft,
  fromDatabase: StoredArticle | undefined,
  pending: Pending,
): StoredArticle | undefined {
  if (pending.byKey.size === 0) return fromDatabase;
  const rewritten =
    fromDatabase && (pending.byKey.get(articleKey(draft.identity, fromDatabase.dateKey)) ?? fromDatabase);
  if (draft.date) {
    const sameDay = pending.byKey.get(articleKey(draft.identity, draft.date.day));
    if (sameDay) return sameDay;
    if (rewritten?.dateKey === draft.date.day) return rewritten;
    return pending.byKey.get(articleKey(draft.identity, '')) ?? rewritten;
  }
  const newest = pending.newest.get(draft.identity);
  if (!newest) return rewritten;
  return !rewritten || rewritten.publishedAt <= newest.publishedAt ? newest : rewritten;
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

/**
 * A document's plan so far (its counts: the articles to write go to the writer), how many of its
 * articles have been read, and the lines of those left alone because they are withdrawn.
 */
export type RunningPlan = Omit<DocumentPlan, 'write'> & { read: number; withdrawn: number[] };

export function emptyPlan(): RunningPlan {
  return { created: 0, updated: 0, unchanged: 0, keptApart: [], changed: [], scheduled: [], read: 0, withdrawn: [] };
}

/**
 * Plans a document against the database (and what a dry run would have written) a batch at a
 * time, as the writer asks for batches: each call reads the next WRITE_BATCH articles, plans
 * them over the connection it is given, adds their counts to `plan`, and gives the articles to
 * write (none when all are unchanged), or null after the last. One call at a time: each
 * plans against the slugs the ones before it gave.
 *
 * Stored articles are found by identity and day ("Identity with dates", `loadStoredArticles`);
 * a stored article one draft of the document matched is not another's (an undated and a dated
 * draft of one headline: the second is a new article). Each new one is given the slug its
 * identity asks for, or the next free `-2`, `-3`, … (`assignSlugs`): free of the stored articles
 * (the slug's unique index is asked) and of the slugs given earlier in the run, in document order.
 * The run holds the import lock, so no other import takes a slug between this look-up and the
 * write. The authors and tags the written articles name are found or given slugs (`RunNames`),
 * and each updated article's stored ones are read: their old slugs are expired with the new, and
 * its rows are written again only when its byline, tags or date changed.
 */
export function planInBatches(
  source: DraftSource,
  pending: Pending,
  names: RunNameTables,
  now: Date,
  ordinal: number,
  plan: RunningPlan,
  /** Where the articles whose search vector the database refuses go, when they are to be checked here. */
  refused: DocumentProblem[] | null,
): PlannedBatches {
  const given = new Set(pending.slugs);
  /** Stored articles (by articleKey) a draft of this document matched. */
  const claimed = new Set<string>();
  return async (client) => {
    const read = source.read(WRITE_BATCH);
    if (source.faulty) throw new InvalidDocument();
    if (read.length === 0) return null;
    if (refused) {
      refused.push(...(await refusedSearchVectors(client, read)));
      if (refused.length > 0) throw new InvalidDocument();
    }
    plan.read += read.length;
    const found = await loadStoredArticles(client, read, now);
    // A withdrawn or legally removed article is neither republished nor changed, and takes no
    // stored article from another draft: it is as if it were not in the document.
    const withdrawn = await loadWithdrawnDrafts(client, read, found);
    const drafts = read.filter((draft) => {
      if (!withdrawn.has(draftKey(draft))) return true;
      plan.withdrawn.push(draft.line);
      return false;
    });
    const stored = new Map<string, StoredArticle>();
    for (const draft of drafts) {
      const key = draftKey(draft);
      const match = matchPending(draft, found.get(key), pending);
      if (!match) continue;
      const matchKey = articleKey(draft.identity, match.dateKey);
      if (claimed.has(matchKey)) continue;
      claimed.add(matchKey);
      stored.set(key, match);
    }
    const fresh = drafts.filter((draft) => !stored.has(draftKey(draft)));
    const known = new Map<string, boolean>();
    for (;;) {
      const { slugs, unknown } = assignSlugs(fresh, known, given);
      if (unknown.length === 0) {
        for (const slug of slugs.values()) given.add(slug);
        const part = planDocument(drafts, stored, slugs, now, ordinal);
        await linkNames(client, part.write, part.changed, stored, names);
        plan.created += part.created;
        plan.updated += part.updated;
        plan.unchanged += part.unchanged;
        plan.keptApart.push(...part.keptApart);
        plan.changed.push(...part.changed);
        plan.scheduled.push(...part.scheduled);
        return part.write;
      }
      const taken = await loadTakenSlugs(client, unknown);
      // A slug a legal removal holds keeps answering 451: it is taken too.
      const removed = await loadRemovedSlugs(client, unknown);
      for (const slug of unknown) known.set(slug, taken.has(slug) || removed.has(slug));
    }
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const slugsOf = (before: readonly NameRow[], after: readonly NameRow[]) => [
  ...new Set([...before, ...after].map((row) => row.slug)),
];

/**
 * The written articles' authors and tags: found or given slugs, and for each update, its
 * stored ones read, so that its rows are written again only when they (or its date) changed,
 * and both the old and the new are named for expiry (`ChangedArticle.authorSlugs`, `tagSlugs`;
 * `changed` is in the order of `write`).
 */
async function linkNames(
  client: pg.PoolClient,
  write: PlannedArticle[],
  changed: ChangedArticle[],
  stored: ReadonlyMap<string, StoredArticle>,
  names: RunNameTables,
): Promise<void> {
  const authors = new Map<string, string>();
  const tags = new Map<string, string>();
  for (const article of write) {
    article.authorIdentities.forEach(
      (identity, i) => authors.has(identity) || authors.set(identity, article.authorNames[i]!),
    );
    article.tagIdentities.forEach((identity, i) => tags.has(identity) || tags.set(identity, article.tagNames[i]!));
  }
  if (authors.size > 0) await names.authors.resolve(client, authors);
  if (tags.size > 0) await names.tags.resolve(client, tags);
  const updates = write.filter((article) => article.articleId !== null).map((article) => article.articleId!);
  const links = updates.length > 0 ? await loadStoredLinks(client, updates) : new Map<number, StoredLinks>();
  write.forEach((article, i) => {
    article.authorRows = article.authorIdentities.map((identity) => names.authors.row(identity));
    article.tagRows = article.tagIdentities.map((identity) => names.tags.row(identity));
    const report = changed[i]!;
    const before = article.articleId === null ? undefined : links.get(article.articleId);
    const beforeAuthors = before?.authors ?? [];
    const beforeTags = before?.tags ?? [];
    if (!article.isNew) {
      const previous = stored.get(draftKey(article.draft));
      article.relink =
        !sameList(
          beforeAuthors.map((row) => row.identity),
          article.authorIdentities,
        ) ||
        !sameList(
          beforeTags.map((row) => row.identity),
          article.tagIdentities,
        ) ||
        (previous !== undefined && previous.publishedAt.getTime() !== article.publishedAt.getTime());
    }
    const authorSlugs = slugsOf(beforeAuthors, article.authorRows);
    const tagSlugs = slugsOf(beforeTags, article.tagRows);
    if (authorSlugs.length > 0) report.authorSlugs = authorSlugs;
    if (tagSlugs.length > 0) report.tagSlugs = tagSlugs;
  });
}
