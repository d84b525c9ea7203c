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

/**
 * Marks a reader of the script may leave out, which do not make another word (matched in NFD):
 * Arabic harakat (tanwin, short vowels, shadda, sukun, the dagger alif, the Quranic annotation
 * signs) and tatweel, but not the hamza and maddah that are parts of letters (أ is not ا);
 * Hebrew cantillation and niqqud (with the shin and sin dots); Greek accents and breathings,
 * which Greek leaves out of text set in capitals (the diaeresis stays). Other scripts' marks are
 * parts of their letters (Thai and Devanagari vowel signs, Latin diacritics: é is not e) and stay.
 */
const OPTIONAL_MARKS =
  /[\u064B-\u0652\u0656-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7]|[\u0300\u0301\u0313\u0314\u0342\u0343](?<=\p{Script=Greek}\p{M}+)/gu;
/**
 * Marks that dress a symbol, not a letter: variation selectors (the emoji form of ❤️) and
 * enclosing marks (the keycap of 1️⃣).
 */
const SYMBOL_MARKS = /[\p{Me}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;
/** Apostrophes; one inside a word belongs to it (`UN’s` is `uns`), and so do Hebrew geresh and gershayim (`צה״ל`). */
const INNER_MARK = /(?<=[\p{L}\p{M}\p{N}])['’ʼ׳״](?=[\p{L}\p{M}\p{N}])/gu;
/** What is not part of a word: anything but letters, digits and marks; a mark with no letter or digit to sit on; a stray apostrophe (ʼ is a letter to Unicode). */
const NOT_WORD = /(?:[^\p{L}\p{M}\p{N}]|ʼ|(?<![\p{L}\p{M}\p{N}])\p{M})+/gu;

/** The whole text as slug words: ASCII, lower case, words joined by `-`, uncut. */
function slugWords(text: string): string {
  return slugifyWords(text.replace(INNER_MARK, ''), {
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
 * The rule articles were identified by before own letters (migration
 * 20261206000200_own_letters_identity): the whole text transliterated to ASCII as `slugify` does,
 * in lower case, every run of characters other than letters and digits one space. Names still go
 * by it first (`nameIdentity`); a legal removal made under it holds the hash of this identity.
 * Empty exactly when `slugify` is.
 */
export function asciiIdentity(text: string): string {
  return slugWords(text).replaceAll('-', ' ');
}

const ASCII = /^[\x00-\x7f]*$/u;

/**
 * A space beside a letter of a script written without spaces between words (Chinese, Japanese,
 * Thai, Lao, Khmer, Myanmar): it separates no words there, so `東京で、会議` is `東京で会議`.
 */
const UNSPACED =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';
const SPACE_IN_UNSPACED_SCRIPT = new RegExp(` (?:(?=[${UNSPACED}])|(?<=[${UNSPACED}] ))`, 'gu');

/**
 * What makes two headlines one article (document-format.md, "Identity and re-imports"), and
 * what a name with no ASCII transliteration is (`nameIdentity`): the text's own letters, in any
 * script. NFKC (so compatibility forms, as ｶﾞ and ﬁ, and NFD text read as their usual letters),
 * case-folded (lower case, final ς as σ, İ as i), optional marks dropped (OPTIONAL_MARKS),
 * an apostrophe inside a word kept from splitting it, every run of punctuation, symbols, emoji
 * and spaces one space, or none beside a script written without spaces. Letters stay whatever a transliteration would make of them: `é` is not
 * `e`, `ñ` not `n`, `صيف` not `سيف`. So `Trump’s Plan!` and `trumps plan` are one article,
 * `мэры` and `меры` two. Never cut; empty exactly when the text has no letter or digit.
 */
export function letterIdentity(text: string): string {
  // ASCII has nothing to normalise, fold beyond A-Z, or drop: the same result, at a third of the cost.
  if (ASCII.test(text)) return text.toLowerCase().replace(INNER_MARK, '').replace(NOT_WORD, ' ').trim();
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll('ς', 'σ')
    .replaceAll('i\u0307', 'i')
    .normalize('NFD')
    .replace(OPTIONAL_MARKS, '')
    .replace(SYMBOL_MARKS, '')
    .normalize('NFC')
    .replace(INNER_MARK, '')
    .replace(NOT_WORD, ' ')
    .trim()
    .replace(SPACE_IN_UNSPACED_SCRIPT, '');
}

/** An article's identity: its whole headline's own letters (`letterIdentity`), with its day when dated. */
export const articleIdentity = letterIdentity;

/** Hex digits of the identity's SHA-256 in a slug made for a text with no ASCII transliteration. */
const HASH_DIGITS = 12;

/** `u-` and the first 12 hex digits of the identity's SHA-256: stable, valid, for any script. */
function hashedSlug(identity: string): string {
  return `u-${createHash('sha256').update(identity, 'utf8').digest('hex').slice(0, HASH_DIGITS)}`;
}

/**
 * The slug a text asks for (an article's headline, with its `identity`; an author's or a tag's
 * name, with `nameIdentity`): the readable ASCII slug where the transliteration gives one
 * (`slugify`, so a mixed-script headline takes what transliterates), else `u-` and the first 12
 * hex digits of the SHA-256 of its identity (`阿斯塔纳谈判结束` → `u-…`), the same for every
 * spelling of it. Empty only when the identity is (no letter or digit): not publishable. The
 * import gives a slug already taken the next free `-2`, `-3`, …, and never changes a slug once given.
 */
export function slugFor(text: string, identity: string): string {
  // NFKC first, so that `ﬁ` is read as `fi`; optional marks and tatweel make no letters. (Not in
  // `slugify`: a section is found by its slug, and a stored section's must not change.)
  const readable = slugify(
    ASCII.test(text) ? text : text.normalize('NFKC').normalize('NFD').replace(OPTIONAL_MARKS, ''),
  );
  if (readable !== '' || identity === '') return readable;
  return hashedSlug(identity);
}

/** The `n`th slug an article may take: the base itself, then `base-2`, `base-3`, … */
export function suffixedSlug(base: string, n: number): string {
  return n === 1 ? base : `${base}-${n}`;
}

/**
 * What makes two spellings of an author's or a tag's name one name: the ASCII rule first
 * (`asciiIdentity`), so that `Zoë Smith` and `zoe smith` are one author, as bylines are typed
 * both ways for the same person (and the names stored before own letters keep theirs); where the
 * transliteration gives no letters or digits (Chinese, Japanese, Hebrew, Thai, Devanagari, …
 * names), the name's own letters (`letterIdentity`). Empty exactly when the name has no letter
 * or digit in any script.
 */
export function nameIdentity(name: string): string {
  let identity = knownNames.get(name);
  if (identity === undefined) {
    if (knownNames.size >= NAMES_KEPT) knownNames.clear();
    // Kept as copies: a name read from a document is a slice of its whole text, and in V8 a
    // slice keeps the string it was cut from alive, so the cache would hold every document read
    // (hundreds of megabytes each) for as long as the process runs.
    identity = structuredClone(asciiIdentity(name) || letterIdentity(name));
    knownNames.set(structuredClone(name), identity);
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

/**
 * The slug an author's or a tag's name asks for (its address, /authors/<slug>, /tags/<slug>):
 * `slugFor` its `nameIdentity` (`李明` → `u-…`).
 */
export function nameSlug(name: string): string {
  return slugFor(name, nameIdentity(name));
}
