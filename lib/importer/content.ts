import { hash } from 'node:crypto';
import type { ArticleDraft } from '@/lib/documents/types';

/** What a reader sees of an article; a change to any of it is an update. */
export function contentHash(draft: ArticleDraft): string {
  const canonical = JSON.stringify([
    draft.sectionSlug,
    draft.sectionName,
    draft.headline,
    draft.dateline ? [draft.dateline.place, draft.dateline.dateText, draft.dateline.source] : null,
    draft.body.map((block) => [block.type, block.text]),
  ]);
  return hash('sha256', canonical);
}

export function countWords(draft: ArticleDraft): number {
  let words = 0;
  for (const block of draft.body) words += block.text.split(/\s+/u).filter(Boolean).length;
  return words;
}
