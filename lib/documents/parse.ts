import { detectLanguage } from '@/lib/language';
import { findForbiddenCharacters, oldMacLineEndings, visible } from '@/lib/documents/characters';
import { decodeDocument } from '@/lib/documents/decode';
import {
  MAX_ARTICLE_CHARS,
  MAX_ARTICLES_PER_DOCUMENT,
  MAX_HEADLINE_CHARS,
  MAX_LINE_CHARS,
  MAX_LINES_PER_DOCUMENT,
  MAX_PARAGRAPH_CHARS,
  MAX_PROBLEMS_PER_DOCUMENT,
  MAX_SECTION_NAME_CHARS,
} from '@/lib/documents/limits';
import { isBylineForm, isTagLine, readByline, readDateLine, readNote, readTags } from '@/lib/documents/newsroom-lines';
import type {
  ArticleDate,
  ArticleDraft,
  BodyBlock,
  Dateline,
  DocumentProblem,
  Note,
  ParsedDocument,
  ParseOptions,
} from '@/lib/documents/types';
import { RESERVED_ARTICLE_SLUGS, RESERVED_SLUGS } from '@/lib/routes';
import { articleIdentity, nameSlug, slugFor } from '@/lib/slug';
import { checkTimeZone, DEFAULT_TIME_ZONE } from '@/lib/time-zone';

const SUBHEADING_MAX_CHARS = 80;
/** Articles read at a time by a streamed reader's `finish`, each batch let go. */
const STREAM_BATCH = 1_000;
const SENTENCE_ENDS = new Set([...'.!?:;,”"’'].map((char) => char.charCodeAt(0)));
const MARKER_WORDS = 'Published in';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
// `Place, Mon DD (Source) ` before the rest of the paragraph; a place is words of
// letters, with spaces, hyphens, apostrophes or dots between them ("Port-au-Prince",
// "St. Petersburg"). Its runs can backtrack, so it only ever sees the first
// DATELINE_WINDOW characters of a paragraph: no real dateline is longer.
const DATELINE = new RegExp(
  `^(\\p{L}(?:[\\p{L}\\p{M}.'’ \\u00A0-]*[\\p{L}\\p{M}.])?),[ \\u00A0]+` +
    `(${MONTH}[ \\u00A0]+${DAY})[ \\u00A0]+\\([ \\u00A0]*([^()]*[^()\\s])[ \\u00A0]*\\)[ \\u00A0]+(?=\\S)`,
  'u',
);
const DATELINE_WINDOW = 200;

interface Element {
  text: string;
  /** 1-based line of its first line. */
  line: number;
  lineCount: number;
  /** One of its lines is over MAX_LINE_CHARS, which is reported already. */
  overLong: boolean;
  /** Characters of the lines not joined to `text`, which is over the limit already. */
  droppedChars: number;
}

interface Block {
  headline: string;
  line: number;
  overLong: boolean;
  elements: Element[];
  /** Its date line's date (null: none, or one with a problem, reported at its line). */
  date: ArticleDate | null;
}

/** A block's first non-blank line, when it is a date line: the headline is still to come. */
interface DateLineSeen {
  line: number;
  text: string;
  date: ArticleDate | null;
}

/**
 * Reads one listing document (see docs/document-format.md) into article drafts,
 * or into every problem found (up to MAX_PROBLEMS_PER_DOCUMENT), each with its
 * 1-based line. Pure: no I/O. Linear in the size of the document.
 */
export function parseListingDocument(input: Uint8Array | string, options: ParseOptions = {}): ParsedDocument {
  return readListingDocument(input, options).finish();
}

/**
 * How a streamed document ended: valid, with how many articles it gave and its chrome, or every
 * problem found, as parseListingDocument would list them.
 */
export type StreamedDocument =
  { ok: true; articleCount: number; chromeLines: number } | { ok: false; problems: DocumentProblem[] };

/**
 * A listing document read a few articles at a time, so that a caller can work on the
 * first articles while the rest is read (the import writes them). The articles come
 * out exactly as parseListingDocument gives them; whether the document is valid is
 * known only at its end (`finish`), though `faulty` says as soon as a problem is found.
 */
export interface ListingReader<Result = ParsedDocument> {
  /** Reads on until `count` more articles are complete or the document ends: those articles (none at the end). */
  read(count: number): ArticleDraft[];
  /** A problem has been found: the document will not load, whatever follows. */
  readonly faulty: boolean;
  /** Reads what is left, and gives the whole document's result, as parseListingDocument does. */
  finish(): Result;
}

export function readListingDocument(input: Uint8Array | string, options: ParseOptions = {}): ListingReader {
  return openReader(input, options, true);
}

/**
 * A listing document read a few articles at a time by a caller that works on each batch and
 * lets it go (the import): the reader keeps no article it has handed out, so a document of
 * 100,000 articles is never held as drafts all at once. The batches are exactly
 * readListingDocument's; `finish` reads what is left and says how the document ended, with
 * the count of its articles instead of them.
 */
export function streamListingDocument(
  input: Uint8Array | string,
  options: ParseOptions = {},
): ListingReader<StreamedDocument> {
  const reader = openReader(input, options, false);
  return {
    read: (count) => reader.read(count),
    get faulty() {
      return reader.faulty;
    },
    finish: () => reader.end(),
  };
}

function openReader(
  input: Uint8Array | string,
  options: ParseOptions,
  keep: boolean,
): ListingReader & { end(): StreamedDocument } {
  const zone = checkTimeZone(options.timeZone ?? DEFAULT_TIME_ZONE);
  // A caller's mistake, not the document's: the import checks the setting before it reads.
  if (!zone.ok) throw new Error(zone.message);
  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    const decoded = decodeDocument(input);
    if ('problem' in decoded) return failedReader([decoded.problem]);
    text = decoded.text;
  }
  // Read as lines, such a file is one line: say what is wrong with it instead.
  const lineEndings = oldMacLineEndings(text);
  if (lineEndings) return failedReader([lineEndings]);
  return new ListingParser(
    text,
    typeof input !== 'string',
    zone.zone,
    options.movedSections ?? new Map(),
    options.language ?? null,
    keep,
  );
}

function failedReader(problems: DocumentProblem[]): ListingReader & { end(): StreamedDocument } {
  const failed = { ok: false, problems } as const;
  return { read: () => [], faulty: true, finish: () => failed, end: () => failed };
}

class ListingParser implements ListingReader {
  private readonly problems: DocumentProblem[] = [];
  /** The articles read (only those not handed out yet, unless it keeps them). */
  private articles: ArticleDraft[] = [];
  /** Articles complete so far: the next one's position. */
  private released = 0;
  private readonly characterProblems: DocumentProblem[];
  private readonly headlineLineByIdentity = new Map<string, number>();
  private readonly slugBySectionName = new Map<string, string>();
  private block: Block | null = null;
  private element: Element | null = null;
  private dateLine: DateLineSeen | null = null;
  /** The line read last was a marker: this one may be its tag line. */
  private afterMarker = false;
  /** The article that marker closed, held until its tag line (or the lack of one) is read. */
  private closed: ArticleDraft | null = null;
  private blocksClosed = 0;
  private sawText = false;
  private sawMarker = false;
  /** Non-blank lines since the last marker: the chrome, once the document ends. */
  private linesAfterMarker = 0;
  private stopped = false;
  /** Where the next line starts, and its number. */
  private start = 0;
  private lineNumber = 1;

  constructor(
    private readonly text: string,
    /** Text decoded from UTF-8, which cannot hold a lone surrogate. */
    private readonly decoded: boolean,
    private readonly timeZone: string,
    private readonly movedSections: ReadonlyMap<string, string>,
    /** The run's language, given to the import; null: each article's found from its text. */
    private readonly language: string | null,
    /** Keeps the articles it hands out, for `finish` to give them all (a whole parse). */
    private readonly keep: boolean,
  ) {
    this.characterProblems = findForbiddenCharacters(text, MAX_PROBLEMS_PER_DOCUMENT + 1, decoded);
  }

  get faulty(): boolean {
    return this.characterProblems.length > 0 || this.problems.length > 0;
  }

  read(wanted: number): ArticleDraft[] {
    const first = this.keep ? this.articles.length : 0;
    const { text } = this;
    // One pass over the lines, without splitting the text: a 200 MB document has millions.
    while (this.start <= text.length && !this.stopped && this.articles.length - first < wanted) {
      if (this.lineNumber > MAX_LINES_PER_DOCUMENT) {
        this.tooLarge(this.lineNumber, `${count(MAX_LINES_PER_DOCUMENT)} lines`);
        break;
      }
      const newline = text.indexOf('\n', this.start);
      let end = newline < 0 ? text.length : newline;
      if (end > this.start && text.charCodeAt(end - 1) === 0x0d) end -= 1;
      this.readLine(this.lineNumber, this.start, end);
      this.start = newline < 0 ? text.length + 1 : newline + 1;
      this.lineNumber += 1;
    }
    if (this.start > text.length || this.stopped) this.releaseClosed();
    if (this.keep) return this.articles.slice(first);
    const read = this.articles;
    this.articles = [];
    return read;
  }

  finish(): ParsedDocument {
    const end = this.end();
    return end.ok ? { ok: true, articles: this.articles, chromeLines: end.chromeLines } : end;
  }

  /** Reads what is left (letting go of each article unless it keeps them), and says how the document ended. */
  end(): StreamedDocument {
    while (this.read(STREAM_BATCH).length > 0);
    const { characterProblems } = this;
    if (!this.sawText) {
      return { ok: false, problems: [{ line: 1, message: 'the file is empty' }] };
    }
    if (!this.sawMarker) {
      const noMarker = { line: 1, message: 'no "Published in <Section>" line: not a listing document' };
      return { ok: false, problems: listable([noMarker, ...characterProblems]) };
    }
    const problems = [...characterProblems, ...this.problems];
    if (problems.length > 0) return { ok: false, problems: listable(problems) };
    return { ok: true, articleCount: this.released, chromeLines: this.linesAfterMarker };
  }

  private report(line: number, message: string): void {
    this.problems.push({ line, message });
    if (this.problems.length > MAX_PROBLEMS_PER_DOCUMENT) this.stopped = true;
  }

  /** The document holds more than `limit` (lines, articles): said at `line`, and nothing more is read. */
  private tooLarge(line: number, limit: string): void {
    this.report(line, `more than ${limit} in one document: split it into smaller documents`);
    this.stopped = true;
  }

  /** One line, `start` to `end` (its line ending excluded). */
  private readLine(lineNumber: number, start: number, end: number): void {
    const { text } = this;
    let from = start;
    let to = end;
    while (from < to && isEdgeSpace(text.charCodeAt(from))) from += 1;
    while (to > from && isEdgeSpace(text.charCodeAt(to - 1))) to -= 1;
    const lineChars = end - start > MAX_LINE_CHARS ? countChars(text, start, end) : 0;
    const overLong = lineChars > MAX_LINE_CHARS;

    if (this.afterMarker) {
      this.afterMarker = false;
      if (from < to && text.charCodeAt(from) === 0x54 /* T */) {
        const line = text.slice(from, to);
        if (isTagLine(line)) {
          this.sawText = true;
          if (overLong) this.report(lineNumber, lineTooLong(lineChars));
          else this.readTagLine(lineNumber, line);
          this.releaseClosed();
          return;
        }
      }
      this.releaseClosed();
    }

    if (from === to) {
      if (overLong) this.report(lineNumber, lineTooLong(lineChars));
      this.element = null;
      return;
    }
    this.sawText = true;

    const sectionStart = markerSectionStart(text, from, to);
    if (sectionStart >= 0) {
      const sectionName = text.slice(sectionStart, to);
      const sectionChars = countChars(sectionName);
      if (sectionChars > MAX_SECTION_NAME_CHARS) {
        this.report(
          lineNumber,
          `section name is ${count(sectionChars)} characters long; the limit is ${count(MAX_SECTION_NAME_CHARS)}`,
        );
        this.closeBlock(lineNumber, sectionName, '');
      } else {
        if (overLong) this.report(lineNumber, lineTooLong(lineChars));
        this.closeBlock(lineNumber, sectionName, this.checkSection(sectionName, lineNumber));
      }
      return;
    }

    if (overLong) this.report(lineNumber, lineTooLong(lineChars));
    this.linesAfterMarker += 1;
    const line = text.slice(from, to);
    if (!this.block) {
      if (!this.dateLine && !overLong) {
        const date = readDateLine(line, this.timeZone);
        if (date) {
          if (!date.ok) this.report(lineNumber, date.message);
          const at = date.ok ? { at: date.at, day: date.day, line: lineNumber } : null;
          this.dateLine = { line: lineNumber, text: line, date: at };
          return;
        }
      }
      // The grammar wants a blank line after the headline. Without one, the
      // headline is still this line alone and the lines under it start the first
      // element: a headline never spans lines.
      const date = this.dateLine?.date ?? null;
      this.dateLine = null;
      this.block = { headline: line, line: lineNumber, overLong, elements: [], date };
    } else if (this.element) {
      appendLine(this.element, line, overLong);
    } else {
      this.element = { text: line, line: lineNumber, lineCount: 1, overLong, droppedChars: 0 };
      this.block.elements.push(this.element);
    }
  }

  private closeBlock(lineNumber: number, sectionName: string, sectionSlug: string): void {
    const { block, dateLine } = this;
    this.sawMarker = true;
    this.linesAfterMarker = 0;
    this.block = null;
    this.element = null;
    this.dateLine = null;
    this.afterMarker = true;
    if (!block) {
      if (dateLine) {
        this.report(
          dateLine.line,
          `date line "${visible(dateLine.text)}" has no headline and paragraph after it (a headline that is only a date needs a word more)`,
        );
      } else {
        this.report(lineNumber, 'marker has no article above it');
      }
      return;
    }
    this.blocksClosed += 1;
    if (this.blocksClosed > MAX_ARTICLES_PER_DOCUMENT) {
      this.tooLarge(block.line, `${count(MAX_ARTICLES_PER_DOCUMENT)} articles`);
      return;
    }
    const article = this.finishBlock(block, sectionName, sectionSlug);
    if (!article) return;
    // The same article twice is a mistake; two articles whose slugs would be the same are not
    // (the import keeps both, the later with `-2`).
    // A dated article is its headline on its day: "Morning briefing" on two days is two articles.
    const key = article.date ? `${article.identity}\n${article.date.day}` : article.identity;
    const earlier = this.headlineLineByIdentity.get(key);
    if (earlier === undefined) {
      this.headlineLineByIdentity.set(key, article.line);
    } else if (article.date) {
      this.report(
        article.line,
        `duplicate headline on ${article.date.day}: same article as the one at line ${earlier}`,
      );
    } else {
      this.report(article.line, `duplicate headline: same article as the one at line ${earlier}`);
    }
    this.closed = article;
  }

  /** The tag line under a marker: its tags go to the article the marker closed. */
  private readTagLine(lineNumber: number, line: string): void {
    const tags = readTags(line);
    if (!tags.ok) {
      for (const message of tags.messages) this.report(lineNumber, message);
    } else if (this.closed) {
      this.closed.tags = tags.names;
    }
  }

  /** The article the last marker closed is complete: it joins the articles read. */
  private releaseClosed(): void {
    if (this.closed) {
      this.articles.push(this.closed);
      this.released += 1;
    }
    this.closed = null;
  }

  private checkSection(name: string, line: number): string {
    if (name === '') {
      this.report(line, 'marker has no section name');
      return '';
    }
    let slug = this.slugBySectionName.get(name);
    if (slug === undefined) {
      // As an author's or a tag's: readable ASCII where the name transliterates, else `u-` and a
      // hash of its own letters (`国际` → `u-…`), the same for every spelling the rule reads as one.
      slug = nameSlug(name);
      // A section moved off a slug the site now uses keeps its articles under the slug it has now.
      if (RESERVED_SLUGS.has(slug)) slug = this.movedSections.get(slug) ?? slug;
      this.slugBySectionName.set(name, slug);
    }
    if (slug === '') {
      this.report(line, `section "${visible(name)}" has no letters or digits to make a URL from`);
    } else if (RESERVED_SLUGS.has(slug)) {
      this.report(line, `section "${visible(name)}" would take the URL /${slug}, which the site uses`);
    }
    return slug;
  }

  private finishBlock(block: Block, sectionName: string, sectionSlug: string): ArticleDraft | null {
    const { headline, line, elements } = block;
    let tooLong = block.overLong;
    if (!tooLong) {
      const headlineChars = countChars(headline);
      if (headlineChars > MAX_HEADLINE_CHARS) {
        this.report(
          line,
          `headline is ${count(headlineChars)} characters long; the limit is ${count(MAX_HEADLINE_CHARS)}`,
        );
        tooLong = true;
      }
    }
    for (const element of elements) {
      if (element.overLong) tooLong = true;
      if (element.overLong || element.text.length <= MAX_PARAGRAPH_CHARS) continue;
      const elementChars = countChars(element.text) + element.droppedChars;
      if (elementChars > MAX_PARAGRAPH_CHARS) {
        this.report(
          element.line,
          `paragraph is ${count(elementChars)} characters long; the limit is ${count(MAX_PARAGRAPH_CHARS)}`,
        );
        tooLong = true;
      }
    }
    // An article already reported for a line or paragraph too long is not reported again as a whole.
    if (tooLong) return null;
    // The dateline is still the start of the first paragraph here, so it is counted with the body.
    const articleChars = articleLength(headline, elements);
    if (articleChars > MAX_ARTICLE_CHARS) {
      this.report(
        line,
        `article is ${count(articleChars)} characters long (headline, body and dateline); the limit is ${count(MAX_ARTICLE_CHARS)}`,
      );
      return null;
    }

    if (elements.length === 0) {
      this.report(line, `article "${visible(headline)}" has a headline but no paragraph`);
      return null;
    }
    const { bodyElements, authors, notes } = this.newsroomElements(elements);
    if (bodyElements.length === 0) {
      this.report(line, `article "${visible(headline)}" has a headline but no paragraph (a note is not a paragraph)`);
      return null;
    }
    const identity = articleIdentity(headline);
    const slug = slugFor(headline, identity);
    if (slug === '') {
      this.report(
        line,
        `headline "${visible(headline)}" has no letter or digit in any script: a headline of only punctuation, symbols or emoji is not publishable`,
      );
      return null;
    }
    if (RESERVED_ARTICLE_SLUGS.has(slug)) {
      this.report(line, `headline "${visible(headline)}" would take the URL …/${slug}, which the site uses`);
      return null;
    }
    const body: BodyBlock[] = bodyElements.map((element, index) =>
      isSubheading(element, index === bodyElements.length - 1)
        ? { type: 'subheading', text: element.text }
        : { type: 'paragraph', text: element.text },
    );
    const dateline = splitDateline(body);
    const position = this.released;
    const language = this.language ?? detectLanguage([headline, ...body.map((block) => block.text)]);
    return {
      headline,
      identity,
      slug,
      sectionName,
      sectionSlug,
      dateline,
      body,
      date: block.date,
      authors,
      tags: [],
      notes,
      language,
      languageGiven: this.language !== null,
      line,
      position,
    };
  }

  /**
   * A block's notes (any element that begins `Correction:`, `Clarification:` or `Editor's note:`),
   * taken out of its body, and its byline (its first element, in a byline's form, with a
   * paragraph still after it), taken out too: what is left is the body.
   */
  private newsroomElements(elements: Element[]): { bodyElements: Element[]; authors: string[]; notes: Note[] } {
    const notes: Note[] = [];
    let bodyElements = elements;
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i]!;
      const note = readNote(element.text);
      if (!note) {
        if (bodyElements !== elements) bodyElements.push(element);
        continue;
      }
      if (bodyElements === elements) bodyElements = elements.slice(0, i);
      if (note.empty) this.report(element.line, `note "${visible(element.text)}" has no text after its label`);
      notes.push({ kind: note.kind, text: element.text });
    }
    let authors: string[] = [];
    const first = elements[0]!;
    if (bodyElements.length > 1 && bodyElements[0] === first && first.lineCount === 1 && isBylineForm(first.text)) {
      const byline = readByline(first.text);
      if (byline.ok) authors = byline.names;
      else for (const message of byline.messages) this.report(first.line, message);
      bodyElements = bodyElements.slice(1);
    }
    return { bodyElements, authors, notes };
  }
}

/** Characters of an article's headline and elements (its paragraphs' lines joined by a space). */
function articleLength(headline: string, elements: readonly Element[]): number {
  // Code points never outnumber UTF-16 units: most articles are counted by their length alone.
  let units = headline.length;
  for (const element of elements) units += element.text.length + element.droppedChars;
  if (units <= MAX_ARTICLE_CHARS) return units;
  let chars = countChars(headline);
  for (const element of elements) chars += countChars(element.text) + element.droppedChars;
  return chars;
}

function appendLine(element: Element, line: string, overLong: boolean): void {
  element.lineCount += 1;
  element.overLong ||= overLong;
  // Past twice the limit in UTF-16 units, a paragraph is over it in characters too:
  // count what follows instead of holding millions of joined lines.
  if (element.text.length > 2 * MAX_PARAGRAPH_CHARS) element.droppedChars += 1 + countChars(line);
  else element.text += ` ${line}`;
}

/** Spaces, tabs and no-break spaces: what a line is trimmed of. */
const isEdgeSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0xa0;

/**
 * Where the section name starts when the trimmed line `from`–`to` is a marker
 * (`to` itself for a marker with no name), or -1 when it is not a marker.
 */
function markerSectionStart(text: string, from: number, to: number): number {
  let at = from;
  const first = text.charCodeAt(at);
  if (first === 0x2022 /* • */ || first === 0xb7 /* · */ || first === 0x2a /* * */ || first === 0x2d /* - */) {
    at += 1;
    while (at < to && isEdgeSpace(text.charCodeAt(at))) at += 1;
  } else if (first !== 0x50 /* P */) {
    return -1;
  }
  if (!text.startsWith(MARKER_WORDS, at)) return -1;
  at += MARKER_WORDS.length;
  if (at === to) return to;
  if (!isEdgeSpace(text.charCodeAt(at))) return -1;
  // The line is trimmed, so a run of spaces here ends before `to`.
  while (isEdgeSpace(text.charCodeAt(at))) at += 1;
  return at;
}

/** Unicode code points from `start` to `end`: what an editor counts as characters. */
function countChars(text: string, start = 0, end = text.length): number {
  let chars = end - start;
  for (let i = start; i < end - 1; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        chars -= 1;
        i += 1;
      }
    }
  }
  return chars;
}

const count = (n: number) => n.toLocaleString('en-US');

const lineTooLong = (chars: number) => `line is ${count(chars)} characters long; the limit is ${count(MAX_LINE_CHARS)}`;

/** The problems in line order, cut to what an editor can read through. */
function listable(problems: DocumentProblem[]): DocumentProblem[] {
  problems.sort((a, b) => a.line - b.line);
  const cut = problems[MAX_PROBLEMS_PER_DOCUMENT];
  if (!cut) return problems;
  return [
    ...problems.slice(0, MAX_PROBLEMS_PER_DOCUMENT),
    { line: cut.line, message: `too many problems: stopped after ${count(MAX_PROBLEMS_PER_DOCUMENT)}` },
  ];
}

function isSubheading(element: Element, isLast: boolean): boolean {
  const { text } = element;
  return (
    !isLast &&
    element.lineCount === 1 &&
    // Code points never outnumber UTF-16 units, and are at least half of them.
    (text.length <= SUBHEADING_MAX_CHARS ||
      (text.length <= 2 * SUBHEADING_MAX_CHARS && countChars(text) <= SUBHEADING_MAX_CHARS)) &&
    !SENTENCE_ENDS.has(text.charCodeAt(text.length - 1))
  );
}

/** Removes the dateline from the first paragraph (mutating it) and returns it. */
function splitDateline(body: BodyBlock[]): Dateline | null {
  const first = body.find((block) => block.type === 'paragraph');
  const match = first && DATELINE.exec(first.text.slice(0, DATELINE_WINDOW));
  if (!first || !match) return null;
  const [dateline, place = '', dateText = '', source = ''] = match;
  first.text = first.text.slice(dateline.length);
  return { place, dateText, source };
}
