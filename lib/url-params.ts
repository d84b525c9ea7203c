import { z } from 'zod';

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
export const slugParam = z.string().regex(SLUG_PATTERN).max(SLUG_MAX_LENGTH);

/** `?page=N`: absent means 1; anything but one positive whole number is invalid (null). */
export function parsePageParam(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  const parsed = z
    .string()
    .regex(/^[1-9][0-9]{0,5}$/u)
    .transform(Number)
    .safeParse(value);
  return parsed.success ? parsed.data : null;
}
