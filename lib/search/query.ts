import { parsePageParam } from '@/lib/url-params';

/** Longest query searched, in characters (code points): a longer one is cut, not refused. */
export const SEARCH_QUERY_MAX_LENGTH = 200;
/** Results on one page of search, as on a section's page. */
export const SEARCH_PAGE_SIZE = 20;
/**
 * Most matches ranked for one query. Past it the page says "1,000+": a word that is in every
 * article would otherwise have every article ranked, whose cost grows with the archive.
 */
export const SEARCH_RESULT_CAP = 1_000;

export interface SearchQuery {
  /** What is searched for, and shown back in the box: white space collapsed, at most 200 characters. */
  text: string;
  /** The reader's query was longer than SEARCH_QUERY_MAX_LENGTH and was cut. */
  cut: boolean;
}

// Control characters (PostgreSQL text cannot hold NUL), lone surrogates and private-use
// characters (the highlighter's own markers, lib/search/highlight.ts) never reach the database;
// invisible format characters (soft hyphens, zero-width spaces) are dropped from inside words.
const SEPARATORS = /[\p{Cc}\p{Cs}\p{Co}]/gu;
const INVISIBLE = /\p{Cf}/gu;

/** The reader's `?q=` as it is searched: one value, NFC, white space collapsed, cut to 200 characters. */
export function normalizeSearchQuery(raw: string | string[] | undefined): SearchQuery {
  const value = Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? '');
  const text = value.normalize('NFC').replace(SEPARATORS, ' ').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
  const characters = [...text];
  if (characters.length <= SEARCH_QUERY_MAX_LENGTH) return { text, cut: false };
  return { text: characters.slice(0, SEARCH_QUERY_MAX_LENGTH).join('').trimEnd(), cut: true };
}

/** `?page=N` of a search: anything but one page number is the first page (search pages are not indexed). */
export function searchPageParam(raw: string | string[] | undefined): number {
  return parsePageParam(raw) ?? 1;
}

/** The address of a page of results (page 1 has no `page`). */
export function searchPath(query: string, page = 1): string {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

/** What the results of one page of one (normalised) query are kept under. */
export const searchCacheKey = (query: string, page: number) => `${page}:${query}`;
