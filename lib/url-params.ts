import { z } from 'zod';

/** Slugs as the importer makes them; anything else cannot name an article or section. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
export const SLUG_MAX_LENGTH = 80;
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
