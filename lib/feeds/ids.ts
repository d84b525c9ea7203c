import { siteUrl } from '@/lib/site';

// Any fixed date works for a tag URI (RFC 4151); it must simply never change.
const TAG_DATE = '2026';

/**
 * The permanent id of an article in every feed. An article's slug is its identity
 * (re-imports keep it) while its URL changes when it moves section, so the id is
 * built from the slug: readers never see a moved or updated article as new.
 */
export function articleFeedId(slug: string): string {
  return `tag:${new URL(siteUrl()).hostname},${TAG_DATE}:article:${slug}`;
}
