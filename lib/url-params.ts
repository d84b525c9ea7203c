import { z } from 'zod';

/**
 * The kinds of parameter an address carries, one parser each: the route table (lib/routes.ts)
 * names one for each parameter of each URL shape, and the front door, the pages and the route
 * handlers all parse through it.
 */
export interface ParamKind<T> {
  /** The value `raw` (one path segment, as sent) stands for, or null when it names nothing. */
  parse(raw: string): T | null;
}

/** Slugs as the importer makes them; anything else cannot name an article or section. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
/** Longest slug a headline or section name makes (lib/slug.ts cuts at a word boundary within it). */
export const SLUG_BASE_MAX_LENGTH = 80;
/**
 * Longest suffix the import adds to keep apart two articles whose headlines make one slug:
 * `-` and up to 9 digits (`-2`, `-3`, …; a billion articles would have to share one slug first).
 */
export const SLUG_SUFFIX_MAX_LENGTH = 10;
/** Longest slug an address may name: a base and an article's suffix. */
export const SLUG_MAX_LENGTH = SLUG_BASE_MAX_LENGTH + SLUG_SUFFIX_MAX_LENGTH;
/** Whether a segment could be a slug the import made (the length first: a made-up address may be long). */
export const isSlug = (value: string): boolean => value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
export const slugParam = z.string().refine(isSlug);

/** A positive whole number of at most `digits` digits, written without a leading zero. */
function wholeNumber(digits: number): ParamKind<number> {
  const pattern = new RegExp(`^[1-9][0-9]{0,${digits - 1}}$`, 'u');
  return { parse: (raw) => (pattern.test(raw) ? Number(raw) : null) };
}

/** A page of a listing (`/<section>/page/<n>`, `?page=<n>`): a million pages is past any archive. */
export const PAGE_NUMBER = wholeNumber(6);
/** A version of an article (`…/versions/<n>`): a million corrections is past any article's. */
export const VERSION_NUMBER = wholeNumber(6);
/** An archive of a feed's history (`/archive/<n>/…`): 50 articles each, so up to a billion. */
export const ARCHIVE_NUMBER = wholeNumber(9);

/** `?page=N`: absent means 1; anything but one positive whole number is invalid (null). */
export function parsePageParam(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  return typeof value === 'string' ? PAGE_NUMBER.parse(value) : null;
}
