import fs from 'node:fs';
import path from 'node:path';
import transliterate from '@sindresorhus/transliterate';
import reshaper from 'arabic-persian-reshaper';
import bidiFactory from 'bidi-js';
import { isRightToLeft } from '@/lib/language-tags';

/**
 * How a share image's texts are drawn (docs/languages.md, "The share image"). next/og's renderer
 * (Satori) draws glyphs left to right in the order given and lays out no right-to-left text: its
 * Arabic shaping (opentype.js's) fails on the Noto fonts' lookups, and it has no bidirectional
 * algorithm. So the texts are prepared for it here:
 *
 * - Latin and Cyrillic: Next's bundled font (Geist), as given; Greek and other Latin-spelled
 *   scripts transliterated (what Geist cannot draw and has no Latin spelling is left out).
 * - Arabic and Hebrew: Noto Sans Arabic and Noto Sans Hebrew (npm @fontsource, their woff files),
 *   Arabic letters shaped into their joined forms beforehand (npm arabic-persian-reshaper: the
 *   Unicode presentation forms, lam-alef ligatures included; vowel signs left out), the text cut
 *   into words (a run of the other direction's words kept together), each word put in visual
 *   order by the Unicode bidirectional algorithm (npm bidi-js, mirrored brackets included), and
 *   the words laid out from the right, wrapping as the headline does.
 * - Chinese, Japanese and Korean: Noto Sans SC (npm @fontsource/noto-sans-sc), only the subsets
 *   (about 50 KB each) that hold the text's characters read.
 * - Any other script (Thai, Devanagari, Georgian…, which need shaping Satori does not do), or a
 *   text mixing scripts no one set of fonts draws: no headline. The card shows its section and the
 *   site's name only.
 */

/** The fonts of one way of drawing, as ImageResponse takes them (each subset file its own font). */
export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400;
  style: 'normal';
}

/** One text as drawn: its pieces (words or runs, each in visual order) and their direction. */
export interface DrawnText {
  pieces: string[];
  direction: 'ltr' | 'rtl';
}

interface FontSubset {
  file: string;
  ranges: Array<[number, number]>;
}

interface FontSet {
  /** Whether its fonts have a glyph for this character. */
  covers(char: string): boolean;
  /** The fonts to draw these texts (null: Next's bundled one). */
  fonts(texts: readonly string[]): CardFont[] | null;
  /** A text as its pieces (null: it holds letters this set cannot draw). */
  prepare(text: string, language: string): DrawnText | null;
}

const fontsourceDir = (pkg: string) => path.join(process.cwd(), 'node_modules', '@fontsource', pkg);

/** The subsets of a @fontsource package's regular weight: each woff file and the characters it holds (its CSS's unicode-range). */
function fontsourceSubsets(pkg: string): FontSubset[] {
  const css = fs.readFileSync(path.join(fontsourceDir(pkg), '400.css'), 'utf8');
  return [...css.matchAll(/url\(\.\/files\/([^)]+\.woff)\) format\('woff'\);\s*unicode-range: ([^;]+);/gu)].map(
    ([, file, ranges]) => ({
      file: path.join(fontsourceDir(pkg), 'files', file!),
      ranges: ranges!.split(',').map((range) => {
        const [from, to] = range.trim().slice(2).split('-');
        return [Number.parseInt(from!, 16), Number.parseInt(to ?? from!, 16)];
      }),
    }),
  );
}

const fontData = new Map<string, Buffer>();
const readFont = (file: string): CardFont => {
  let data = fontData.get(file);
  if (!data) {
    data = fs.readFileSync(file);
    fontData.set(file, data);
  }
  return { name: path.basename(file, '.woff'), data, weight: 400, style: 'normal' };
};

/** A set of fonts from @fontsource packages, in order of preference. */
function fontsourceSet(packages: readonly string[], prepare: FontSet['prepare']): FontSet {
  let subsets: FontSubset[] | undefined;
  const all = () => (subsets ??= packages.flatMap(fontsourceSubsets));
  const subsetOf = (codePoint: number) =>
    all().find((subset) => subset.ranges.some(([from, to]) => codePoint >= from && codePoint <= to));
  return {
    covers: (char) => subsetOf(char.codePointAt(0)!) !== undefined,
    fonts(texts) {
      const files = new Set<string>();
      for (const text of texts) for (const char of text) files.add(subsetOf(char.codePointAt(0)!)?.file ?? '');
      files.delete('');
      return all()
        .filter((subset) => files.has(subset.file))
        .map((subset) => readFont(subset.file));
    },
    prepare,
  };
}

// Characters Next's bundled font (Geist) draws. For any other character ImageResponse downloads
// a font (Google Fonts, emoji CDNs) at request time; the site makes no such request.
const GEIST =
  /^[\u0020-\u007E\u00A0-\u017F\u0400-\u045F\u2013\u2014\u2018\u2019\u201C\u201D\u2026\u2022\u20AC\u2122]$/u;

/** Text with what `covers` cannot draw transliterated, or left out when it has no drawable spelling; spaces collapsed. */
export function drawableIn(text: string, covers: (char: string) => boolean): string {
  let out = '';
  for (const char of text) {
    if (covers(char)) out += char;
    else out += [...transliterate(char)].filter(covers).join('');
  }
  return out.replace(/\s+/gu, ' ').trim();
}

/** Text as Geist draws it: see drawableIn. */
export const drawableText = (text: string) => drawableIn(text, (char) => GEIST.test(char));

const LETTER = /\p{L}/u;
/** Scripts Geist draws, or draws through transliteration. */
const GEIST_SCRIPTS = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
const RIGHT_TO_LEFT_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;
const CJK_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;

const geistSet: FontSet = {
  covers: (char) => GEIST.test(char),
  fonts: () => null,
  prepare(text) {
    for (const char of text) if (LETTER.test(char) && !GEIST_SCRIPTS.test(char)) return null;
    return { pieces: [drawableText(text)], direction: 'ltr' };
  },
};

/** Whether every letter of the text is one these fonts draw (what else they lack is left out). */
const lettersCovered = (text: string, set: Pick<FontSet, 'covers'>) =>
  [...text].every((char) => !LETTER.test(char) || set.covers(char));

let bidi: ReturnType<typeof bidiFactory> | undefined;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * One range of a text in visual order (left to right, as Satori draws): the Unicode
 * bidirectional algorithm's rule L2 over whole graphemes, mirrored characters swapped (L4).
 */
function visualOrder(text: string, levels: Uint8Array, mirrored: Map<number, string>, start: number, end: number) {
  const pieces = [...graphemes.segment(text.slice(start, end))].map(({ segment, index }) => ({
    text: [...segment].map((char, at) => (at === 0 ? (mirrored.get(start + index) ?? char) : char)).join(''),
    level: levels[start + index]!,
  }));
  const highest = Math.max(0, ...pieces.map((piece) => piece.level));
  const lowestOdd = Math.min(...pieces.map((piece) => piece.level | 1));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let from = 0; from < pieces.length; from++) {
      if (pieces[from]!.level < level) continue;
      let to = from;
      while (to + 1 < pieces.length && pieces[to + 1]!.level >= level) to++;
      pieces.splice(from, to - from + 1, ...pieces.slice(from, to + 1).reverse());
      from = to;
    }
  }
  return pieces.map((piece) => piece.text).join('');
}

/**
 * Arabic punctuation as characters outside the Arabic block that look the same: Satori runs its
 * own Arabic shaping on any word holding a character of the block, and that shaping fails on the
 * Noto fonts (an unsupported GSUB lookup, type 5 format 3).
 */
const ARABIC_PUNCTUATION: Record<string, string> = {
  '\u060C': '\u2E41', // ، as ⹁ (reversed comma)
  '\u061B': '\u204F', // ؛ as ⁏ (reversed semicolon)
  '\u061F': '?', // ؟
  '\u066A': '%', // ٪
  '\u066B': ',', // ٫ (decimal separator)
  '\u066C': ',', // ٬ (thousands separator)
};
/** What Satori would shape itself (opentype.js's Arabic characters): none may reach it. */
export const SHAPED_BY_RENDERER = /[\u0600-\u065F\u066A-\u06D2\u06FA-\u06FF]/u;

/**
 * A right-to-left text as pieces Satori can lay out: its words (a run of the other direction's
 * words as one piece), each in visual order, to be placed from the paragraph's start side.
 */
export function bidiPieces(text: string, language: string): DrawnText {
  bidi ??= bidiFactory();
  // Vowel signs and other marks are left out: they would have to be placed on their letters.
  const shaped = reshaper.ArabicShaper.convertArabic(text.normalize('NFC').replace(/\p{Mn}/gu, ''))
    .replace(/[\u060C\u061B\u061F\u066A-\u066C]/gu, (char) => ARABIC_PUNCTUATION[char] ?? '')
    .replace(/\s+/gu, ' ')
    .trim();
  const firstStrong = [...shaped].find((char) => LETTER.test(char)) ?? '';
  const direction =
    language !== 'und'
      ? isRightToLeft(language)
        ? 'rtl'
        : 'ltr'
      : RIGHT_TO_LEFT_LETTER.test(firstStrong)
        ? 'rtl'
        : 'ltr';
  const { levels } = bidi.getEmbeddingLevels(shaped, direction);
  const mirrored = bidi.getMirroredCharactersMap(shaped, levels);
  const base = direction === 'rtl' ? 1 : 0;
  const runs: Array<{ start: number; end: number; embedded: boolean }> = [];
  for (const word of shaped.matchAll(/\S+/gu)) {
    const start = word.index;
    const end = start + word[0].length;
    const embedded = levels.slice(start, end).every((level) => level > base);
    const last = runs.at(-1);
    if (embedded && last?.embedded) last.end = end;
    else runs.push({ start, end, embedded });
  }
  return { pieces: runs.map((run) => visualOrder(shaped, levels, mirrored, run.start, run.end)), direction };
}

const rightToLeftSet: FontSet = fontsourceSet(['noto-sans-arabic', 'noto-sans-hebrew'], (text, language) => {
  if (!lettersCovered(text, rightToLeftSet)) return null;
  const drawn = bidiPieces(drawableIn(text, rightToLeftSet.covers), language);
  // A letter the shaper has no joined forms for (some of Persian's, Urdu's, Sindhi's…).
  return drawn.pieces.some((piece) => SHAPED_BY_RENDERER.test(piece)) ? null : drawn;
});

const cjkSet: FontSet = fontsourceSet(['noto-sans-sc'], (text) =>
  lettersCovered(text, cjkSet) ? { pieces: [drawableIn(text, cjkSet.covers)], direction: 'ltr' } : null,
);

/** A share image's texts as drawn, and the fonts to draw them with (null fonts: Next's bundled one). */
export interface CardTexts {
  kicker: DrawnText;
  /** null: the headline is left out (a script the renderer cannot draw). */
  title: DrawnText | null;
  siteName: DrawnText;
  fonts: CardFont[] | null;
}

/**
 * The fonts a headline needs (Geist, the right-to-left set or the CJK set, by its letters) and
 * each text of its card as drawn with them; a headline none of them draws is left out.
 */
export function cardTexts(card: { kicker: string; title: string; language: string }, siteName: string): CardTexts {
  const set = RIGHT_TO_LEFT_LETTER.test(card.title) ? rightToLeftSet : CJK_LETTER.test(card.title) ? cjkSet : geistSet;
  const title = set.prepare(card.title, card.language);
  const used = title ? set : geistSet;
  // The section and the site's name: as the fonts used draw them, else transliterated into what they draw.
  const side = (text: string) =>
    used.prepare(text, card.language) ??
    used.prepare(drawableIn(text, used.covers), card.language) ?? { pieces: [], direction: 'ltr' as const };
  const [kicker, name] = [side(card.kicker), side(siteName)];
  return {
    kicker,
    title,
    siteName: name,
    fonts: used.fonts([...kicker.pieces, ...name.pieces, ...(title?.pieces ?? [])]),
  };
}
