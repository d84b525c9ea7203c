import slugifyWords from '@sindresorhus/slugify';

// The library's defaults spell some symbols out (`&` → "and", 🦄 → "unicorn");
// the site drops them instead, so `Science & Tech` is `science-tech`.
const DROPPED_SYMBOLS: [string, string][] = [
  ['&', ''],
  ['🦄', ''],
  ['♥', ''],
];

// An apostrophe inside a word belongs to it: "UN’s" → "uns", "we’re" → "were".
const INNER_APOSTROPHE = /(?<=[\p{L}\p{N}])['’ʼ](?=[\p{L}\p{N}])/gu;

/**
 * URL slug of a headline or section name: ASCII, lower case, words joined by `-`,
 * at most `maxLength` characters. Empty when the text has no letters or digits
 * that transliterate to ASCII; callers must treat that as a problem.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = slugifyWords(text.replace(INNER_APOSTROPHE, ''), {
    customReplacements: DROPPED_SYMBOLS,
    // Headlines are prose, not identifiers: "McCain" must stay one word.
    decamelize: false,
  });
  if (slug.length <= maxLength) return slug;
  if (slug[maxLength] === '-') return slug.slice(0, maxLength);
  const lastBreak = slug.lastIndexOf('-', maxLength);
  // A single word longer than maxLength has no boundary to cut at; a cut word
  // still beats an empty slug, which would reject the headline outright.
  return lastBreak > 0 ? slug.slice(0, lastBreak) : slug.slice(0, maxLength);
}
