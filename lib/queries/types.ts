import type { BodyBlock, Dateline, StoredNote } from '@/lib/documents/types';
import type { HighlightedText } from '@/lib/search/highlight';

/** Plain, JSON-safe shapes: they pass through the data cache unchanged (dates as ISO strings). */
export interface SectionRef {
  slug: string;
  name: string;
}

/** An author or a tag of an article: its page is /authors/<slug> or /tags/<slug> (lib/site.ts). */
export interface NameRef {
  slug: string;
  name: string;
}

export interface ArticleSummary {
  slug: string;
  headline: string;
  section: SectionRef;
  /** Its byline, in order ([] without one). */
  authors: NameRef[];
  /** ISO 8601 with time zone. */
  publishedAt: string;
  updatedAt: string;
  dateline: Dateline | null;
  /** The first paragraph, shortened at a word boundary. */
  summary: string;
  readingMinutes: number;
  wordCount: number;
  /** Its language, a BCP 47 tag (`ru`, `ar`), `und` when undetermined (docs/languages.md). */
  language: string;
}

export interface Article extends ArticleSummary {
  body: BodyBlock[];
  firstImportedAt: string;
  /** Its tags, in order ([] without a `Tagged under` line). */
  tags: NameRef[];
  /** Its correction and editor's notes, in document order: shown once, at the top. */
  notes: StoredNote[];
  /** A date line gave its date (else the import dated it by its position). */
  dated: boolean;
}

/** A correction: when an import changed the article, and what it changed, in a reader's words. */
export interface ArticleRevision {
  /** ISO 8601: when the changed text was imported. */
  revisedAt: string;
  /** What changed from the version this revision replaced to the next one. */
  changes: string[];
  /** What changed from the version this revision replaced to the current one ("since you read it"). */
  changesSince: string[];
}

/** An article as its page shows it: with its corrections, newest first (none when never changed). */
export interface ArticleWithRevisions extends Article {
  revisions: ArticleRevision[];
}

export interface FrontPage {
  lead: ArticleSummary | null;
  latest: ArticleSummary[];
  sections: Array<{ section: SectionRef; articles: ArticleSummary[] }>;
}

export interface SectionPage {
  section: SectionRef;
  articles: ArticleSummary[];
  page: number;
  pageCount: number;
  total: number;
}

/** An article's neighbours in its section's listing (newest first): `previous` is newer, `next` older. */
export interface ArticleNeighbours {
  previous: ArticleSummary | null;
  next: ArticleSummary | null;
}

/** One article found by search: the headline and a snippet of its text, matched words marked. */
export interface SearchHit {
  slug: string;
  headline: string;
  /** The headline, split where the query's words matched (rendered with <mark>, never as HTML). */
  headlineHighlighted: HighlightedText;
  /** Passages of the body around the matches, in order; empty when the body holds none of them. */
  snippet: HighlightedText[];
  section: SectionRef;
  /** Its byline, in order. */
  authors: NameRef[];
  /** ISO 8601 with time zone. */
  publishedAt: string;
  /** Its language, a BCP 47 tag, `und` when undetermined. */
  language: string;
}

export interface SearchResults {
  /** The query as searched (lib/search/query.ts normalizeSearchQuery). */
  query: string;
  hits: SearchHit[];
  /** Articles that match, counted up to SEARCH_RESULT_CAP. */
  total: number;
  /** More than SEARCH_RESULT_CAP articles match; `total` is the cap, and the newest of them are ranked. */
  more: boolean;
  page: number;
  pageCount: number;
  /**
   * The query holds nothing to look for: only words too common to index ("the", "of"), punctuation,
   * or only words to leave out (`-word`).
   */
  nothingToSearch: boolean;
}
