/** A block of an article body, rendered as React text, never as HTML. */
export type BodyBlock = { type: 'paragraph'; text: string } | { type: 'subheading'; text: string };

export interface Dateline {
  place: string;
  /** As written ("Dec 27"): the year is unknown, so it never sets a publication time. */
  dateText: string;
  source: string;
}

/** One article as read from a listing document, before it touches the database. */
export interface ArticleDraft {
  headline: string;
  /** What makes it the same article on a re-import: the whole headline, normalised (lib/slug.ts). */
  identity: string;
  /** The URL slug its identity asks for; when another article holds it, the import gives it `-2`, `-3`, … */
  slug: string;
  sectionName: string;
  sectionSlug: string;
  dateline: Dateline | null;
  body: BodyBlock[];
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

export type ParsedDocument =
  { ok: true; articles: ArticleDraft[]; chromeLines: number } | { ok: false; problems: DocumentProblem[] };
