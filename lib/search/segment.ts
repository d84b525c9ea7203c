import type { BodyBlock } from '@/lib/documents/types';

/**
 * Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar):
 * PostgreSQL's parser reads a run of them as one word, so the import and the query split them
 * into words first, with the same splitter (Intl.Segmenter, ICU's dictionaries), so that a word
 * inside a sentence is found (docs/search.md, "Languages").
 */
const SPACELESS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * The blocks of Unicode that hold those scripts (CJK ideographs, kana, Thai, Lao, Myanmar,
 * Khmer), as a PostgreSQL regular expression, which knows no scripts: SQL narrows rows with it,
 * SPACELESS decides.
 */
export const SPACELESS_BLOCKS =
  '[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{3134F}]';

/** Whether the text holds a script written without spaces. */
export const hasSpacelessScript = (text: string) => SPACELESS.test(text);

/**
 * Longest piece given to Intl.Segmenter at once: its time grows with the square of its input's
 * length (V8's iterator; 100,000 characters of Chinese took 26 s, 1,000 characters 2 ms), so a
 * long text is split at its last white space or punctuation before this length (or, with none, at
 * the length itself, which then counts as a break between words) and each piece split apart.
 */
const SEGMENTED_PIECE = 1_000;
const BREAK = /[\s\p{P}]/u;

/**
 * The text with a space between each two words of a script written without spaces (and between
 * such a word and the word next to it). Anything else is left as it is: text with none of those
 * scripts comes back unchanged.
 */
export function segmentWords(text: string, separator = ' '): string {
  if (!SPACELESS.test(text)) return text;
  let out = '';
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + SEGMENTED_PIECE);
    let hardCut = false;
    if (end < text.length) {
      let cut = end;
      while (cut > at && !BREAK.test(text[cut - 1]!)) cut -= 1;
      if (cut > at) end = cut;
      else {
        hardCut = true;
        if (/[\uDC00-\uDFFF]/u.test(text[end]!)) end -= 1; // never between the halves of a surrogate pair
      }
    }
    out += segmentPiece(text.slice(at, end), separator) + (hardCut ? separator : '');
    at = end;
  }
  return out;
}

function segmentPiece(text: string, separator: string): string {
  let out = '';
  let previous: string | null = null;
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (isWordLike && previous !== null && (SPACELESS.test(segment) || SPACELESS.test(previous))) out += separator;
    out += segment;
    previous = isWordLike ? segment : null;
  }
  return out;
}

/** What the import gives the search vector in place of an article's own text: null where it is the same. */
export interface SegmentedText {
  headline: string | null;
  body: BodyBlock[] | null;
  place: string | null;
}

export function segmentArticle(headline: string, body: readonly BodyBlock[], place: string | null): SegmentedText {
  const spaceless = body.some((block) => SPACELESS.test(block.text));
  return {
    headline: SPACELESS.test(headline) ? segmentWords(headline) : null,
    body: spaceless ? body.map((block) => ({ ...block, text: segmentWords(block.text) })) : null,
    place: place !== null && SPACELESS.test(place) ? segmentWords(place) : null,
  };
}

/**
 * A reader's query with its runs of spaceless scripts split as the index splits them: a run typed
 * without spaces is a phrase of its words (`阿斯塔纳谈判` is `"阿 斯 塔 纳 谈判"`: they must be side
 * by side, in order, as the reader wrote them, and `-` before it leaves the whole run out); inside
 * quotes the words are just split.
 */
export function segmentQuery(text: string): string {
  if (!SPACELESS.test(text)) return text;
  return text
    .split(/("[^"]*(?:"|$))/u)
    .map((part) => {
      if (part.startsWith('"')) return segmentWords(part);
      return part
        .split(' ')
        .map((token) => {
          const negated = token.startsWith('-') ? '-' : '';
          const words = segmentWords(token.slice(negated.length));
          return words.includes(' ') && SPACELESS.test(words) ? `${negated}"${words}"` : token;
        })
        .join(' ');
    })
    .join('');
}
