import { createHash } from 'node:crypto';
import slugifyWords from '@sindresorhus/slugify';
import { SLUG_BASE_MAX_LENGTH } from '@/lib/url-params';

// The library's defaults spell some symbols out (`&` → "and", 🦄 → "unicorn");
// the site drops them instead, so `Science & Tech` is `science-tech`.
const DROPPED_SYMBOLS: [string, string][] = [
  ['&', ''],
  ['🦄', ''],
  ['♥', ''],
];

// An apostrophe inside a word belongs to it: "UN’s" → "uns", "we’re" → "were".
const INNER_APOSTROPHE = /(?<=[\p{L}\p{N}])['’ʼ](?=[\p{L}\p{N}])/gu;

/** The whole text as slug words: ASCII, lower case, words joined by `-`, uncut. */
function slugWords(text: string): string {
  return slugifyWords(text.replace(INNER_APOSTROPHE, ''), {
    customReplacements: DROPPED_SYMBOLS,
    // Headlines are prose, not identifiers: "McCain" must stay one word.
    decamelize: false,
  });
}

/** Cuts slug words to at most `maxLength` characters, at the last word boundary within it. */
function cutSlug(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  if (slug[maxLength] === '-') return slug.slice(0, maxLength);
  const lastBreak = slug.lastIndexOf('-', maxLength);
  // A single word longer than maxLength has no boundary to cut at; a cut word
  // still beats an empty slug, which would reject the headline outright.
  return lastBreak > 0 ? slug.slice(0, lastBreak) : slug.slice(0, maxLength);
}

/**
 * URL slug of a headline or section name: ASCII, lower case, words joined by `-`,
 * at most `maxLength` characters. Empty when the text has no letters or digits
 * that transliterate to ASCII; callers must treat that as a problem.
 */
export function slugify(text: string, maxLength = SLUG_BASE_MAX_LENGTH): string {
  return cutSlug(slugWords(text), maxLength);
}

/**
 * What makes an article the same article (document-format.md, "Identity and
 * re-imports"): its whole headline, transliterated to ASCII as `slugify` does, in
 * lower case, with every run of characters other than letters and digits read as
 * one space. So `Trump’s Plan!` and `trumps plan` are one article. Never cut: two
 * long headlines that differ only after their slug's 80 characters are two articles.
 * Empty exactly when `slugify` is.
 */
export function articleIdentity(headline: string): string {
  return slugWords(headline).replaceAll('-', ' ');
}

/**
 * The slug an article's identity asks for: its words joined by `-`, cut as `slugify`
 * cuts, so that `slugOfIdentity(articleIdentity(h))` is `slugify(h)`. The import adds
 * a suffix when another article holds it already (`suffixedSlug`).
 */
export function slugOfIdentity(identity: string, maxLength = SLUG_BASE_MAX_LENGTH): string {
  return cutSlug(identity.replaceAll(' ', '-'), maxLength);
}

/** The `n`th slug an article may take: the base itself, then `base-2`, `base-3`, … */
export function suffixedSlug(base: string, n: number): string {
  return n === 1 ? base : `${base}-${n}`;
}

/** Letters and digits of any script: what a name's own-letters identity keeps. */
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const COMBINING_MARK = /\p{Mn}/gu;

/**
 * What makes two spellings of an author's or a tag's name one name: the identity rule of
 * `articleIdentity` (ASCII transliteration, lower case, runs of other characters one space), so
 * that `Zoë Smith` and `zoe smith` are one author. Where the transliteration gives no letters or
 * digits (Chinese, Japanese, Hebrew, … names), the name's own letters: NFKC, case-folded,
 * combining (non-spacing) marks dropped, as Hebrew niqqud and Arabic harakat (letters NFKC
 * composes, as `が`, stay whole; spacing vowel signs, as Devanagari's `ि`, are letters' parts and
 * stay), every run of characters other than letters and digits one space. Empty exactly
 * when the name has no letter or digit in any script.
 */
export function nameIdentity(name: string): string {
  let identity = knownNames.get(name);
  if (identity === undefined) {
    if (knownNames.size >= NAMES_KEPT) knownNames.clear();
    knownNames.set(name, (identity = ownNameIdentity(name)));
  }
  return identity;
}

/**
 * Identities of names already read: a newsroom names the same few thousand authors and tags
 * again and again, and transliterating one costs tens of microseconds (most of what reading a
 * byline costs). Bounded: past NAMES_KEPT names it starts again.
 */
const knownNames = new Map<string, string>();
const NAMES_KEPT = 50_000;

function ownNameIdentity(name: string): string {
  const ascii = articleIdentity(name);
  if (ascii !== '') return ascii;
  return name.normalize('NFKC').toLowerCase().replace(COMBINING_MARK, '').replace(NOT_LETTER_OR_DIGIT, ' ').trim();
}

/** Hex digits of the identity's SHA-256 in a slug made for a name with no ASCII transliteration. */
const NAME_HASH_DIGITS = 12;

/**
 * The slug an author's or a tag's name asks for (its address, /authors/<slug>, /tags/<slug>):
 * the readable ASCII slug where the transliteration gives one (`slugify`), else `u-` and the
 * first 12 hex digits of the SHA-256 of its `nameIdentity` (`李明` → `u-…`), stable across
 * imports and spellings. The import gives a different identity that asks for a slug already
 * taken the next free `-2`, `-3`, …, and never changes a slug once given.
 */
export function nameSlug(name: string): string {
  const readable = slugify(name);
  if (readable !== '') return readable;
  const identity = nameIdentity(name);
  if (identity === '') return '';
  return `u-${createHash('sha256').update(identity, 'utf8').digest('hex').slice(0, NAME_HASH_DIGITS)}`;
}
