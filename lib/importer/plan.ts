import type { ArticleDraft } from '@/lib/documents/types';
import { suffixedSlug } from '@/lib/slug';
import { SLUG_SUFFIX_MAX_LENGTH } from '@/lib/url-params';
import { contentHash } from './content';
import type { ChangedArticle } from './report';

/** What the database holds of an article (found by its identity), as far as an import needs to know. */
export interface StoredArticle {
  slug: string;
  hash: string;
  sectionSlug: string;
}

export interface PlannedArticle {
  draft: ArticleDraft;
  /** Its URL: the stored one for an update (it never changes), the assigned one for a new article. */
  slug: string;
  hash: string;
  /** Only used when the article is new: an update keeps the first publication time. */
  publishedAt: Date;
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
}

/** Largest suffix an address may carry (`-` and 9 digits). */
const MAX_SUFFIX = 10 ** (SLUG_SUFFIX_MAX_LENGTH - 1) - 1;

export interface SlugAssignment {
  /** identity → slug, for each new article. */
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
 * slug neither knows of is assumed free and listed in `unknown`. The caller asks
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
      slugs.set(draft.identity, slug);
      given.add(slug);
      break;
    }
  }
  return { slugs, unknown };
}

/**
 * Compares a document's articles with what is stored (by identity). Pure. `slugs`
 * holds the slug of each new article (`assignSlugs`). `firstOrdinal` counts the
 * articles of earlier documents of the same run: the first block of the first
 * document is the newest, and a second apart keeps the order in second-precise feeds.
 */
export function planDocument(
  drafts: readonly ArticleDraft[],
  stored: ReadonlyMap<string, StoredArticle>,
  slugs: ReadonlyMap<string, string>,
  now: Date,
  firstOrdinal: number,
): DocumentPlan {
  const plan: DocumentPlan = { write: [], created: 0, updated: 0, unchanged: 0, keptApart: [], changed: [] };
  for (const draft of drafts) {
    const hash = contentHash(draft);
    const before = stored.get(draft.identity);
    if (before?.hash === hash) {
      plan.unchanged += 1;
      continue;
    }
    const slug = before?.slug ?? slugs.get(draft.identity);
    if (slug === undefined) throw new Error(`no slug was assigned to the new article "${draft.headline}"`);
    const publishedAt = new Date(now.getTime() - (firstOrdinal + draft.position) * 1000);
    plan.write.push({ draft, slug, hash, publishedAt, isNew: !before });
    if (before) {
      plan.updated += 1;
    } else {
      plan.created += 1;
      if (slug !== draft.slug) plan.keptApart.push(slug);
    }
    plan.changed.push({
      slug,
      sectionSlug: draft.sectionSlug,
      created: !before,
      ...(before && before.sectionSlug !== draft.sectionSlug ? { previousSectionSlug: before.sectionSlug } : {}),
    });
  }
  return plan;
}
