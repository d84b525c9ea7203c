/** A block of an article body, rendered as React text, never as HTML. */
export type BodyBlock = { type: 'paragraph'; text: string } | { type: 'subheading'; text: string };

export interface Dateline {
  place: string;
  /** As written ("Dec 27"): the year is unknown, so it never sets a publication time. */
  dateText: string;
  source: string;
}

/** A correction (`Correction:`, `Clarification:`) or an editor's note (`Editor's note:`), as written. */
export interface Note {
  kind: 'correction' | 'editor';
  /** The whole element, its label included (`Correction: An earlier version…`). */
  text: string;
}

/** A note as stored: dated by the import that first carried its text (ISO 8601, UTC). */
export interface StoredNote extends Note {
  datedAt: string;
}

/** An article's date line, read in the site's time zone (lib/time-zone.ts). */
export interface ArticleDate {
  /** The instant it names: the article's publication time (later than the import: scheduled). */
  at: Date;
  /** Its calendar day in the site's time zone (`YYYY-MM-DD`): part of a dated article's identity. */
  day: string;
  /** 1-based line of the date line. */
  line: number;
}

/** One article as read from a listing document, before it touches the database. */
export interface ArticleDraft {
  headline: string;
  /** What makes it the same article on a re-import: the whole headline's own letters (lib/slug.ts articleIdentity). */
  identity: string;
  /** The URL slug it asks for (lib/slug.ts slugFor); when another article holds it, the import gives it `-2`, `-3`, … */
  slug: string;
  sectionName: string;
  sectionSlug: string;
  dateline: Dateline | null;
  body: BodyBlock[];
  /** Its date line (null: undated, dated by its position as "Order and dates" says). */
  date: ArticleDate | null;
  /** Its byline's names, as written, in order, one per identity (first spelling kept); [] without one. */
  authors: string[];
  /** Its `Tagged under` line's tags, as written, in order, one per identity; [] without one. */
  tags: string[];
  /** Its notes, in document order (taken out of the body: shown once, at the top). */
  notes: Note[];
  /**
   * Its language, a BCP 47 tag (lib/language.ts): the one the import was given for the run, or
   * else the one found from its text (`und` when the detector is not sure).
   */
  language: string;
  /** Whether `language` was given (then it is part of the article's content) rather than found. */
  languageGiven: boolean;
  /** 1-based line of the headline in its document. */
  line: number;
  /** 0-based position in the document: 0 is the first block, the newest article. */
  position: number;
}

export interface DocumentProblem {
  /** 1-based line the problem is on (1 for whole-file problems). */
  line: number;
  message: string;
}

/** What a listing document is read with (docs/document-format.md, "Newsroom lines"). */
export interface ParseOptions {
  /**
   * The IANA zone a date line without an offset is read in, and whose calendar day a dated
   * article's `date.day` is: the site's (`siteTimeZone()`, which the import passes). UTC when not
   * given: the parser itself never reads the environment.
   */
  timeZone?: string;
  /**
   * Sections moved off a slug the site now uses (old slug → the slug the section has now, from
   * `section_redirects`). A marker whose section's slug is reserved is a problem, unless it is
   * here: then the article's `sectionSlug` is the slug the section has now.
   */
  movedSections?: ReadonlyMap<string, string>;
  /**
   * The language of every article of the document, a canonical BCP 47 tag (the import's
   * `--language`); without it, each article's is found from its text.
   */
  language?: string;
}

export type ParsedDocument =
  { ok: true; articles: ArticleDraft[]; chromeLines: number } | { ok: false; problems: DocumentProblem[] };
