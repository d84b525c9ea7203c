/**
 * Highlighted text from PostgreSQL's ts_headline, made safe to render. The database marks
 * matches with characters of Unicode's private-use area (which the text it is given never
 * holds: they are removed first, lib/queries/search.ts); here the text is split on those
 * markers into plain segments, rendered as React text, with <mark> around matches. Nothing
 * from the database is ever rendered as HTML.
 */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';
export const FRAGMENT_BREAK = '\uE002';
/**
 * Stands for `<` while ts_headline reads the text: its parser takes `<b>` or `<script>` for
 * markup tags and leaves them out of passages, and the text must be shown as it is.
 */
export const LESS_THAN = '\uE003';
/**
 * Put between the words of a script written without spaces (lib/search/segment.ts) in text given to
 * ts_headline: its parser reads it as a space, and it is removed from what the page shows.
 */
export const SEGMENT_BREAK = '\u0001';
/**
 * SQL's translate(text, TRANSLATE_FROM, TRANSLATE_TO), applied before ts_headline: `<` becomes
 * LESS_THAN, and the markers themselves, were the text to hold any, are removed.
 */
export const TRANSLATE_FROM = `<${MARK_START}${MARK_END}${FRAGMENT_BREAK}${LESS_THAN}`;
export const TRANSLATE_TO = LESS_THAN;

export interface TextSegment {
  text: string;
  /** A word that matched the query. */
  marked?: true;
}
export type HighlightedText = TextSegment[];

const MARKER_CHARACTERS = /[\u0001\uE000-\uE002]/gu;

/** One marked-up passage as segments: marked where ts_headline put MARK_START … MARK_END, white space collapsed. */
export function parseHighlighted(marked: string): HighlightedText {
  const segments: HighlightedText = [];
  const push = (text: string, isMarked: boolean) => {
    const clean = text.replace(MARKER_CHARACTERS, '').replaceAll(LESS_THAN, '<').replace(/\s+/gu, ' ');
    if (clean === '') return;
    const last = segments.at(-1);
    if (last && Boolean(last.marked) === isMarked) last.text += clean;
    else segments.push(isMarked ? { text: clean, marked: true } : { text: clean });
  };
  let rest = marked;
  for (;;) {
    const start = rest.indexOf(MARK_START);
    const end = start === -1 ? -1 : rest.indexOf(MARK_END, start + 1);
    if (start === -1 || end === -1) break;
    push(rest.slice(0, start), false);
    push(rest.slice(start + 1, end), true);
    rest = rest.slice(end + 1);
  }
  push(rest, false);
  return trimEnds(segments);
}

/** A snippet of several passages (ts_headline's fragments, split on FRAGMENT_BREAK), each highlighted. */
export function parseSnippet(marked: string): HighlightedText[] {
  return marked
    .split(FRAGMENT_BREAK)
    .map(parseHighlighted)
    .filter((fragment) => fragment.length > 0);
}

/** The plain text of highlighted segments. */
export const plainText = (segments: HighlightedText) => segments.map((segment) => segment.text).join('');

function trimEnds(segments: HighlightedText): HighlightedText {
  const first = segments[0];
  if (first) first.text = first.text.trimStart();
  const last = segments.at(-1);
  if (last) last.text = last.text.trimEnd();
  return segments.filter((segment) => segment.text !== '');
}
