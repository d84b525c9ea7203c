import type { ArticleDraft, Note, StoredNote } from '@/lib/documents/types';
import { nameIdentity, suffixedSlug } from '@/lib/slug';
import { SLUG_SUFFIX_MAX_LENGTH } from '@/lib/url-params';
import { contentHash } from './content';
import type { NameRow } from './names';
import type { ChangedArticle } from './report';

/** What the database holds of an article (found by its identity and day), as far as an import needs to know. */
export interface StoredArticle {
  /** Its row (null: what a dry run's earlier document would have written). */
  id: number | null;
  slug: string;
  hash: string;
  sectionSlug: string;
  /** '' undated, else the day of its date in the site's time zone (part of its identity). */
  dateKey: string;
  /** A date line gave its date (a re-import without one keeps it). */
  dated: boolean;
  publishedAt: Date;
  /** When it became, or becomes, public. */
  publicAt: Date;
  notes: StoredNote[];
}

/** A document's article matched to what is stored: `identity`, then the day (`date_key`) when dated. */
export const articleKey = (identity: string, dateKey: string) => `${identity}\n${dateKey}`;
/** The key a draft asks for: its identity and its date line's day ('' undated). */
export const draftKey = (draft: ArticleDraft) => articleKey(draft.identity, draft.date?.day ?? '');

export interface PlannedArticle {
  draft: ArticleDraft;
  /** Its URL: the stored one for an update (it never changes), the assigned one for a new article. */
  slug: string;
  hash: string;
  /** The stored article it updates (null: new, or a dry run's). */
  articleId: number | null;
  /** Its date line's instant, the stored date a re-import without one keeps, or (new, undated) its position's. */
  publishedAt: Date;
  /** When readers may see it: now for a new article, or its date when that is later (scheduled). */
  publicAt: Date;
  dateKey: string;
  dated: boolean;
  notes: StoredNote[];
  /** Its authors' and tags' identities, in order (lib/slug.ts nameIdentity). */
  authorIdentities: string[];
  tagIdentities: string[];
  /** Their names as this document spells them, one for each identity. */
  authorNames: string[];
  tagNames: string[];
  /** The authors and tags of those identities, with their slugs (filled in by plan-batches.ts). */
  authorRows: NameRow[];
  tagRows: NameRow[];
  /** Its author and tag rows are to be written again (new, another byline or tags, another date). */
  relink: boolean;
  isNew: boolean;
}

export interface DocumentPlan {
  /** Articles to create or update; unchanged ones are left out. */
  write: PlannedArticle[];
  created: number;
  updated: number;
  unchanged: number;
  /** Slugs of new articles kept apart from another article that held the slug they asked for (`…-2`). */
  keptApart: string[];
  changed: ChangedArticle[];
  /** When each of the document's articles still to be published becomes public (scheduled). */
  scheduled: Date[];
}

/** Largest suffix an address may carry (`-` and 9 digits). */
const MAX_SUFFIX = 10 ** (SLUG_SUFFIX_MAX_LENGTH - 1) - 1;

export interface SlugAssignment {
  /** draftKey → slug, for each new article. */
  slugs: Map<string, string>;
  /** Slugs assumed free without knowing: ask the database, then assign again. */
  unknown: string[];
}

/**
 * Slugs for a document's new articles (those whose identity is not stored), in
 * document order: the slug its identity asks for, or, when that is taken (by a
 * stored article, or by a new one before it in the run), the next free of `-2`,
 * `-3`, …. Pure: `known` says of each slug asked about whether it is stored, and
 * `takenInRun` holds the slugs a dry run's earlier documents would have taken; a
 * slug neither knows of is assumed free and listed in `unknown`. Keyed by `draftKey`. The caller asks
 * the database about those and assigns again, until none is unknown: the first
 * round asks about the slugs the articles ask for, later rounds only about suffixes.
 */
export function assignSlugs(
  fresh: readonly ArticleDraft[],
  known: ReadonlyMap<string, boolean>,
  takenInRun: ReadonlySet<string> = new Set(),
): SlugAssignment {
  const slugs = new Map<string, string>();
  const given = new Set<string>();
  const unknown: string[] = [];
  for (const draft of fresh) {
    for (let n = 1; ; n++) {
      if (n > MAX_SUFFIX)
        throw new Error(`no free slug for "${draft.headline}": ${draft.slug}-2 to -${MAX_SUFFIX} are taken`);
      const slug = suffixedSlug(draft.slug, n);
      if (given.has(slug) || takenInRun.has(slug)) continue;
      const taken = known.get(slug);
      if (taken) continue;
      if (taken === undefined) unknown.push(slug);
      slugs.set(draftKey(draft), slug);
      given.add(slug);
      break;
    }
  }
  return { slugs, unknown };
}

/** The identities of names, in order, each once (the first spelling kept); a name of no letters or digits names no one. */
function identitiesOf(names: readonly string[]): { identities: string[]; names: string[] } {
  const identities: string[] = [];
  const kept: string[] = [];
  for (const name of names) {
    const identity = nameIdentity(name);
    if (identity === '' || identities.includes(identity)) continue;
    identities.push(identity);
    kept.push(name);
  }
  return { identities, names: kept };
}

/** The draft's notes as stored: one whose text a stored note has keeps its date; a new or edited one is dated now. */
export function datedNotes(notes: readonly Note[], stored: readonly StoredNote[], now: Date): StoredNote[] {
  if (notes.length === 0) return [];
  const known = new Map(stored.map((note) => [`${note.kind}\n${note.text}`, note.datedAt]));
  const datedAt = now.toISOString();
  return notes.map((note) => ({
    kind: note.kind,
    text: note.text,
    datedAt: known.get(`${note.kind}\n${note.text}`) ?? datedAt,
  }));
}

/** Whether the notes hold a correction or clarification: the corrections listing shows the article's. */
const hasCorrection = (notes: readonly Note[]) => notes.some((note) => note.kind === 'correction');

/**
 * Compares a document's articles with what is stored (by `draftKey`: identity and day, as
 * "Identity with dates" says; the caller found each draft's match). Pure. `slugs` holds the slug
 * of each new article (`assignSlugs`). `firstOrdinal` counts the articles of earlier documents of
 * the same run: the first block of the first document is the newest, and a second apart keeps the
 * order in second-precise feeds. The authors and tags of the articles it changes are the
 * caller's to compare with what is stored (`relink`, `ChangedArticle.authorSlugs`).
 */
export function planDocument(
  drafts: readonly ArticleDraft[],
  stored: ReadonlyMap<string, StoredArticle>,
  slugs: ReadonlyMap<string, string>,
  now: Date,
  firstOrdinal: number,
): DocumentPlan {
  const plan: DocumentPlan = {
    write: [],
    created: 0,
    updated: 0,
    unchanged: 0,
    keptApart: [],
    changed: [],
    scheduled: [],
  };
  for (const draft of drafts) {
    const key = draftKey(draft);
    const before = stored.get(key);
    // Re-imported without its date line, an article keeps the date one gave it.
    const date = draft.date?.at ?? (before?.dated ? before.publishedAt : null);
    const notes = datedNotes(draft.notes, before?.notes ?? [], now);
    const authors = identitiesOf(draft.authors);
    const tags = identitiesOf(draft.tags);
    const [authorIdentities, tagIdentities] = [authors.identities, tags.identities];
    const hash = contentHash(draft, { date, authors: authorIdentities, tags: tagIdentities, notes: draft.notes });
    if (before?.hash === hash) {
      plan.unchanged += 1;
      if (before.publicAt > now) plan.scheduled.push(before.publicAt);
      continue;
    }
    const slug = before?.slug ?? slugs.get(key);
    if (slug === undefined) throw new Error(`no slug was assigned to the new article "${draft.headline}"`);
    const publishedAt = date ?? before?.publishedAt ?? new Date(now.getTime() - (firstOrdinal + draft.position) * 1000);
    // Public already: it stays public, whatever its date says now. Not yet (new, or scheduled):
    // at its date, or now when that has come.
    const wasPublic = before !== undefined && before.publicAt <= now;
    const publicAt = wasPublic ? before.publicAt : publishedAt > now ? publishedAt : now;
    const hidden = publicAt > now;
    if (hidden) plan.scheduled.push(publicAt);
    plan.write.push({
      draft,
      slug,
      hash,
      articleId: before?.id ?? null,
      publishedAt,
      publicAt,
      dateKey: draft.date?.day ?? before?.dateKey ?? '',
      dated: draft.date !== null || (before?.dated ?? false),
      notes,
      authorIdentities,
      tagIdentities,
      authorNames: authors.names,
      tagNames: tags.names,
      authorRows: [],
      tagRows: [],
      // A new article's rows are written when it has any; an update's once its stored ones are read (plan-batches.ts).
      relink: before !== undefined || authorIdentities.length > 0 || tagIdentities.length > 0,
      isNew: !before,
    });
    if (before) {
      plan.updated += 1;
    } else {
      plan.created += 1;
      if (slug !== draft.slug) plan.keptApart.push(slug);
    }
    plan.changed.push({
      slug,
      sectionSlug: draft.sectionSlug,
      // New to readers: a new article, or a scheduled one this import publishes.
      created: !wasPublic,
      ...(before && before.sectionSlug !== draft.sectionSlug ? { previousSectionSlug: before.sectionSlug } : {}),
      ...(wasPublic && before.publishedAt.getTime() !== publishedAt.getTime() ? { redated: true } : {}),
      ...((wasPublic && hasCorrection(before.notes)) || (!hidden && hasCorrection(notes)) ? { corrections: true } : {}),
      ...(hidden ? { scheduledFor: publicAt } : {}),
    });
  }
  return plan;
}
