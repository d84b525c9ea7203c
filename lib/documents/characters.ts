/// <reference lib="es2024.string" />
import type { DocumentProblem } from '@/lib/documents/types';

// Characters no document may hold: C0 controls other than tab, line feed and the
// carriage return of a CRLF; DEL; C1 controls; the noncharacters U+FFFE and
// U+FFFF. PostgreSQL text cannot store NUL, XML 1.0 (the feeds) cannot carry the
// C0 controls, U+FFFE or U+FFFF, and none of them is visible on a page: they
// come from broken exports, never from an editor.
const FORBIDDEN_CLASS = '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uFFFE\\uFFFF]';
const FORBIDDEN = new RegExp(FORBIDDEN_CLASS);
const FORBIDDEN_OR_CR = new RegExp(`${FORBIDDEN_CLASS}|\\r`, 'g');
// A carriage return is a line ending only before a line feed (or as the last character).
const BARE_CR = /\r(?!\n|$)/;
// Each alternative matches one character, with a one-character look-around: linear.
const ANY_FAULT = new RegExp(
  `${FORBIDDEN_CLASS}|\\r(?!\\n|$)|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]`,
  'g',
);

// The names Unicode gives the control characters, for messages an editor can look up.
const C0_NAMES = [
  ...'NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI'.split(' '),
  ...'DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US'.split(' '),
];
const C1_NAMES = [
  ...'PAD HOP BPH NBH IND NEL SSA ESA HTS HTJ VTS PLD PLU RI SS2 SS3'.split(' '),
  ...'DCS PU1 PU2 STS CCH MW SPA EPA SOS SGC SCI CSI ST OSC PM APC'.split(' '),
];

const SAVE_WITH_LINE_FEEDS = 'save the file with LF or CRLF line endings';

/** The problem of a file whose lines all end in a bare CR, as old Mac OS saved them, or null. */
export function oldMacLineEndings(text: string): DocumentProblem | null {
  if (text.includes('\n') || !BARE_CR.test(text)) return null;
  return { line: 1, message: `the file has old Mac OS line endings (CR only): ${SAVE_WITH_LINE_FEEDS}` };
}

/**
 * A problem for each line holding a character that no document may hold (the
 * first such character of the line), in line order, at most `limit` of them.
 * `wellFormed` says the text is known to hold no lone surrogate (text decoded
 * from UTF-8 cannot), which spares a pass over it.
 */
export function findForbiddenCharacters(text: string, limit: number, wellFormed = false): DocumentProblem[] {
  const bareCr = text.includes('\r') && BARE_CR.test(text);
  if (!bareCr && !FORBIDDEN.test(text) && (wellFormed || text.isWellFormed())) return [];

  const problems: DocumentProblem[] = [];
  const fault = new RegExp(ANY_FAULT);
  let line = 1;
  let lineStart = 0;
  for (let match = fault.exec(text); match && problems.length < limit; match = fault.exec(text)) {
    for (let newline = text.indexOf('\n', lineStart); newline >= 0 && newline < match.index;) {
      line += 1;
      lineStart = newline + 1;
      newline = text.indexOf('\n', lineStart);
    }
    problems.push({ line, message: describe(text, match.index, lineStart) });
    // One problem a line: go on from the next line.
    const lineEnd = text.indexOf('\n', match.index);
    if (lineEnd < 0) break;
    fault.lastIndex = lineEnd + 1;
  }
  return problems;
}

/** The text with each character no document may hold spelled as `\\uXXXX`: safe to quote in a message printed on a terminal. */
export function visible(text: string): string {
  return text.replace(FORBIDDEN_OR_CR, (char) => `\\u${hex(char.charCodeAt(0))}`);
}

function describe(text: string, index: number, lineStart: number): string {
  const code = text.charCodeAt(index);
  const at = `at column ${column(text, lineStart, index)}`;
  if (code === 0x0d) return `carriage return (U+000D) with no line feed after it ${at}: ${SAVE_WITH_LINE_FEEDS}`;
  if (code >= 0xd800 && code <= 0xdfff) return `lone surrogate ${codePoint(code)} ${at}: the text is not valid Unicode`;
  if (code === 0xfffe || code === 0xffff) return `noncharacter ${codePoint(code)} ${at}`;
  const name = code < 0x20 ? C0_NAMES[code] : code === 0x7f ? 'DEL' : C1_NAMES[code - 0x80];
  return `control character ${codePoint(code)} (${name}) ${at}`;
}

const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');
const codePoint = (code: number) => `U+${hex(code)}`;

/** The 1-based column of `index` in its line, in code points. */
function column(text: string, lineStart: number, index: number): number {
  let count = 1;
  for (let i = lineStart; i < index; i++) {
    const code = text.charCodeAt(i);
    const lowHalfOfPair = code >= 0xdc00 && code <= 0xdfff && i > lineStart && isHighSurrogate(text.charCodeAt(i - 1));
    if (!lowHalfOfPair) count += 1;
  }
  return count;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
