import type { BodyBlock, Dateline } from '@/lib/documents/types';

/** Plain, JSON-safe shapes: they pass through the data cache unchanged (dates as ISO strings). */
export interface SectionRef {
  slug: string;
  name: string;
}

export interface ArticleSummary {
  slug: string;
  headline: string;
  section: SectionRef;
  /** ISO 8601 with time zone. */
  publishedAt: string;
  updatedAt: string;
  dateline: Dateline | null;
  /** The first paragraph, shortened at a word boundary. */
  summary: string;
  readingMinutes: number;
  wordCount: number;
}

export interface Article extends ArticleSummary {
  body: BodyBlock[];
  firstImportedAt: string;
}

/** A correction: when an import changed the article, and what it changed, in a reader's words. */
export interface ArticleRevision {
  /** ISO 8601: when the changed text was imported. */
  revisedAt: string;
  changes: string[];
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
