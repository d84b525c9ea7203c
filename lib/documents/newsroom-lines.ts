// The optional newsroom lines of a block (docs/document-format.md, "Newsroom lines"): a date line
// above the headline, a `Written by` byline as the first element, a `Tagged under` line right after
// the marker, and notes. Each recogniser looks at one line or element the parser hands it, in its
// place only, and rejects most text by its first character: a document without these lines costs
// almost nothing more to read.
import { visible } from '@/lib/documents/characters';
import { MAX_AUTHOR_NAME_CHARS, MAX_BYLINE_CHARS, MAX_TAG_CHARS, MAX_TAGS_PER_ARTICLE } from '@/lib/documents/limits';
import type { Note } from '@/lib/documents/types';
import { nameIdentity } from '@/lib/slug';
import { calendarDay, startOfDay, zonedInstant, type WallClock } from '@/lib/time-zone';

const WS = '[ \\t\\u00A0]';
const WEEKDAY = '(Mon(?:day)?|Tue(?:sday)?|Wed(?:nesday)?|Thu(?:rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)';
const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
// `Monday, 27 March 2017 10:48`, `Mon, 7 Mar 2017`, `27 March 2017`: names in any letter case, the
// weekday's comma optional (a line that is nothing but a date is a date line).
const ENGLISH_DATE = new RegExp(
  `^(?:${WEEKDAY},?${WS}+)?(\\d{1,2})${WS}+${MONTH}${WS}+(\\d{4})(?:${WS}+(\\d{1,2}):(\\d{2}))?$`,
  'i',
);
// `2017-03-27`, `2017-03-27 10:48`, `2017-03-27T10:48:00+03:00`, `…Z`, `…+0300`, `…+03`.
const ISO_DATE = new RegExp(
  `^(\\d{4})-(\\d{2})-(\\d{2})(?:(?:T|${WS}+)(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(Z|[+-]\\d{2}(?::?\\d{2})?)?)?$`,
);
/** Longer than any date line either form allows (`Wednesday, 27 September 2017 10:48`: 34). */
const DATE_LINE_MAX_CHARS = 48;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAY_KEYS = WEEKDAYS.map((name) => name.slice(0, 3).toLowerCase());
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A date line read: its instant and calendar day in the zone, or what is wrong with it. */
export type DateLine = { ok: true; at: Date; day: string } | { ok: false; message: string };

/**
 * The date a whole line names, read in `zone` when it has no offset (midnight when it has no
 * time), or null when the line is not a date line (then it is a headline, as before).
 */
export function readDateLine(line: string, zone: string): DateLine | null {
  if (line.length > DATE_LINE_MAX_CHARS) return null;
  const first = line.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) {
    const iso = ISO_DATE.exec(line);
    if (iso) return isoDate(line, iso, zone);
  } else if (!WEEKDAY_INITIALS.has(first | 0x20)) {
    return null;
  }
  const english = ENGLISH_DATE.exec(line);
  return english ? englishDate(line, english, zone) : null;
}

/** m, t, w, f, s: a weekday's first letter, in lower case. */
const WEEKDAY_INITIALS = new Set([...'mtwfs'].map((char) => char.charCodeAt(0)));

function englishDate(line: string, match: RegExpExecArray, zone: string): DateLine {
  const [, weekday, day = '', month = '', year = '', hour, minute] = match;
  const wall: WallClock = {
    year: Number(year),
    month: MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1,
    day: Number(day),
    hour: hour === undefined ? 0 : Number(hour),
    minute: minute === undefined ? 0 : Number(minute),
  };
  const read = wallClockDate(line, wall, zone, hour !== undefined);
  if (!read.ok || weekday === undefined) return read;
  const named = WEEKDAY_KEYS.indexOf(weekday.slice(0, 3).toLowerCase());
  const actual = weekdayOf(wall);
  if (named === actual) return read;
  return {
    ok: false,
    message: `date "${visible(line)}" says ${WEEKDAYS[named]}, but ${wall.day} ${MONTH_NAMES[wall.month - 1]} ${wall.year} is a ${WEEKDAYS[actual]}`,
  };
}

function isoDate(line: string, match: RegExpExecArray, zone: string): DateLine {
  const [, year = '', month = '', day = '', hour, minute, second, fraction, offset] = match;
  const wall: WallClock = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: hour === undefined ? 0 : Number(hour),
    minute: minute === undefined ? 0 : Number(minute),
    second: second === undefined ? 0 : Number(second),
    // To the millisecond: a Date holds no finer time.
    millisecond: fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0')),
  };
  if (offset === undefined) return wallClockDate(line, wall, zone, hour !== undefined);
  const offsetMinutes = offset === 'Z' ? 0 : readOffset(offset);
  if (offsetMinutes === null)
    return { ok: false, message: `date "${visible(line)}" has an offset that does not exist` };
  // The clock is read in UTC, then moved by the offset: no zone's daylight saving applies to it.
  const utc = zonedInstant(wall, 'UTC');
  if (!utc.ok) return noSuchDate(line);
  const at = new Date(utc.at.getTime() - offsetMinutes * 60_000);
  return { ok: true, at, day: calendarDay(at, zone) };
}

/** `+03:00`, `-0530`, `+03` in minutes east of UTC; null past 23:59. */
function readOffset(offset: string): number | null {
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return null;
  return (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * A date without an offset: the wall clock in `zone`, its day the wall clock's own. A date without
 * a time is the start of its day there: midnight, or the moment the clocks jump to where a
 * daylight-saving change skips midnight (the editor wrote no time that could be skipped).
 */
function wallClockDate(line: string, wall: WallClock, zone: string, timed: boolean): DateLine {
  const read = zonedInstant(wall, zone);
  if (read.ok) return { ok: true, at: read.at, day: dayKey(wall) };
  if (read.reason === 'no-such-date') return noSuchDate(line);
  const start = timed ? null : startOfDay(wall, zone);
  if (start) return { ok: true, at: start, day: dayKey(wall) };
  return {
    ok: false,
    message: `date "${visible(line)}" is a local time that does not exist in ${zone}: the clocks skip it (a daylight-saving change)`,
  };
}

const noSuchDate = (line: string): DateLine => ({ ok: false, message: `date "${visible(line)}" does not exist` });

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function dayKey({ year, month, day }: WallClock): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** 0 for Sunday … 6 for Saturday, of a day that exists. */
function weekdayOf({ year, month, day }: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCDay();
}

const BYLINE_WORDS = 'Written by';
const BYLINE_ENDS = new Set([...'.!?:;'].map((char) => char.charCodeAt(0)));
// `,` `, and ` ` and ` `&`, spaces around them optional except around `and`.
const NAME_SEPARATOR =
  /[ \t\u00A0]*,[ \t\u00A0]+and[ \t\u00A0]+|[ \t\u00A0]*,[ \t\u00A0]*|[ \t\u00A0]+and(?:[ \t\u00A0]+|$)|[ \t\u00A0]*&[ \t\u00A0]*/;

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0xa0;

/**
 * Whether a single-line element has a byline's form: `Written by` and a space, at most 200
 * characters, not ending in `.`, `!`, `?`, `:` or `;` (so `Written by hand, the letters reached
 * Moscow.` is a paragraph). The parser also asks that a paragraph follow it.
 */
export function isBylineForm(text: string): boolean {
  return (
    text.charCodeAt(0) === 0x57 /* W */ &&
    text.startsWith(BYLINE_WORDS) &&
    isSpace(text.charCodeAt(BYLINE_WORDS.length)) &&
    countChars(text) <= MAX_BYLINE_CHARS &&
    !BYLINE_ENDS.has(text.charCodeAt(text.length - 1))
  );
}

/** A list of names or tags read: them, one per identity, or what is wrong with the list. */
export type Names = { ok: true; names: string[] } | { ok: false; messages: string[] };

/** The names of a byline (one of isBylineForm's), as written, one per identity, first spelling kept. */
export function readByline(text: string): Names {
  const names = text.slice(BYLINE_WORDS.length).trim().split(NAME_SEPARATOR);
  const messages: string[] = [];
  const kept = new Map<string, string>();
  for (const raw of names) {
    const name = raw.trim();
    if (name === '') {
      messages.push(`byline "${visible(text)}" has an empty name (a separator with no name before or after it)`);
      continue;
    }
    const chars = countChars(name);
    if (chars > MAX_AUTHOR_NAME_CHARS) {
      messages.push(
        `author name "${visible(name)}" is ${chars} characters long; the limit is ${MAX_AUTHOR_NAME_CHARS}`,
      );
      continue;
    }
    keep(kept, name, `author name "${visible(name)}" has no letters or digits`, messages);
  }
  return messages.length > 0 ? { ok: false, messages: unique(messages) } : { ok: true, names: [...kept.values()] };
}

const TAG_WORDS = 'Tagged under';

/** Whether a trimmed line is a tag line's: `Tagged under`, alone or followed by a space. */
export function isTagLine(line: string): boolean {
  return (
    line.charCodeAt(0) === 0x54 /* T */ &&
    line.startsWith(TAG_WORDS) &&
    (line.length === TAG_WORDS.length || isSpace(line.charCodeAt(TAG_WORDS.length)))
  );
}

/** The tags of a tag line (one isTagLine accepts), trimmed, one per identity, first spelling kept. */
export function readTags(line: string): Names {
  const rest = line.slice(TAG_WORDS.length).trim();
  if (rest === '') return { ok: false, messages: ['"Tagged under" has no tags after it'] };
  const tags = rest.split(',');
  const messages: string[] = [];
  if (tags.length > MAX_TAGS_PER_ARTICLE) {
    messages.push(`"Tagged under" line has ${tags.length} tags; the limit is ${MAX_TAGS_PER_ARTICLE}`);
  }
  const kept = new Map<string, string>();
  for (const raw of tags) {
    const tag = raw.trim();
    if (tag === '') {
      messages.push('"Tagged under" line has an empty tag (a comma with no tag before or after it)');
      continue;
    }
    const chars = countChars(tag);
    if (chars > MAX_TAG_CHARS) {
      messages.push(`tag "${visible(tag)}" is ${chars} characters long; the limit is ${MAX_TAG_CHARS}`);
      continue;
    }
    keep(kept, tag, `tag "${visible(tag)}" has no letters or digits`, messages);
  }
  return messages.length > 0 ? { ok: false, messages: unique(messages) } : { ok: true, names: [...kept.values()] };
}

/** Keeps `name` under its identity unless one is kept there already; says so when it has none. */
function keep(kept: Map<string, string>, name: string, noLetters: string, messages: string[]): void {
  // What makes two names or tags one (`Syria`, `syria`); lib/slug.ts remembers each spelling's.
  const identity = nameIdentity(name);
  if (identity === '') messages.push(noLetters);
  else if (!kept.has(identity)) kept.set(identity, name);
}

const unique = (messages: string[]) => [...new Set(messages)];

const NOTE_LABELS: [string, Note['kind']][] = [
  ['correction:', 'correction'],
  ['clarification:', 'correction'],
  ["editor's note:", 'editor'],
  ['editor’s note:', 'editor'],
];

/**
 * The kind of note an element is (it begins `Correction:`, `Clarification:` or `Editor's note:`,
 * in any letter case), and whether it holds anything after its label; null for any other element.
 */
export function readNote(text: string): { kind: Note['kind']; empty: boolean } | null {
  const first = text.charCodeAt(0) | 0x20;
  if (first !== 0x63 /* c */ && first !== 0x65 /* e */) return null;
  const start = text.slice(0, 15).toLowerCase();
  for (const [label, kind] of NOTE_LABELS) {
    if (start.startsWith(label)) return { kind, empty: text.slice(label.length).trim() === '' };
  }
  return null;
}

/** Unicode code points: what an editor counts as characters. */
function countChars(text: string): number {
  let chars = 0;
  for (const _ of text) chars += 1;
  return chars;
}
