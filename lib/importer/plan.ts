import type { ArticleDraft } from '@/lib/documents/types';
import { contentHash } from './content';
import type { ChangedArticle } from './import-documents';

/** What the database holds of an article, as far as an import needs to know. */
export interface StoredArticle {
  hash: string;
  sectionSlug: string;
}

export interface PlannedArticle {
  draft: ArticleDraft;
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
  changed: ChangedArticle[];
}

/**
 * Compares a document's articles with what is stored. Pure. `firstOrdinal` counts
 * the articles of earlier documents of the same run: the first block of the first
 * document is the newest, and a second apart keeps the order in second-precise feeds.
 */
export function planDocument(
  drafts: readonly ArticleDraft[],
  stored: ReadonlyMap<string, StoredArticle>,
  now: Date,
  firstOrdinal: number,
): DocumentPlan {
  const plan: DocumentPlan = { write: [], created: 0, updated: 0, unchanged: 0, changed: [] };
  for (const draft of drafts) {
    const hash = contentHash(draft);
    const before = stored.get(draft.slug);
    if (before?.hash === hash) {
      plan.unchanged += 1;
      continue;
    }
    const publishedAt = new Date(now.getTime() - (firstOrdinal + draft.position) * 1000);
    plan.write.push({ draft, hash, publishedAt, isNew: !before });
    if (before) plan.updated += 1;
    else plan.created += 1;
    plan.changed.push({
      slug: draft.slug,
      sectionSlug: draft.sectionSlug,
      created: !before,
      ...(before && before.sectionSlug !== draft.sectionSlug ? { previousSectionSlug: before.sectionSlug } : {}),
    });
  }
  return plan;
}
