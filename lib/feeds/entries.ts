import type { Article } from '@/lib/queries/types';
import { languageAttributes } from '@/lib/language-tags';
import { absoluteUrl, articlePath, authorPagePath, sectionPath, tagPagePath } from '@/lib/site';
import { articleHtml } from './article-html';
import { articleFeedId } from './ids';

/** One article as every feed format describes it. */
export interface FeedEntry {
  id: string;
  url: string;
  title: string;
  /** Plain text. */
  summary: string;
  /** Escaped HTML: paragraphs and subheadings, no attributes. */
  contentHtml: string;
  published: Date;
  updated: Date;
  section: { name: string; url: string };
  /** Its byline, in order, each with the address of the author's page. */
  authors: Array<{ name: string; url: string }>;
  /** Its tags, in order, each with the address of the tag's page. */
  tags: Array<{ name: string; url: string }>;
  /** The dateline's source (a news agency), when the article has one. */
  source: string | null;
  /**
   * The language of its text (BCP 47), where it differs from the feed's or may: null where it is
   * the feed's own (an undetermined article's, the corrections feed's entries in the site's words).
   */
  language: string | null;
}

export function feedEntry(article: Article): FeedEntry {
  return {
    id: articleFeedId(article.slug),
    url: absoluteUrl(articlePath(article.section.slug, article.slug)),
    title: article.headline,
    summary: article.summary,
    contentHtml: articleHtml(article.body, article.dateline, article.notes),
    published: new Date(article.publishedAt),
    updated: new Date(article.updatedAt),
    section: { name: article.section.name, url: absoluteUrl(sectionPath(article.section.slug)) },
    authors: article.authors.map((author) => ({ name: author.name, url: absoluteUrl(authorPagePath(author.slug)) })),
    tags: article.tags.map((tag) => ({ name: tag.name, url: absoluteUrl(tagPagePath(tag.slug)) })),
    source: article.dateline?.source ?? null,
    language: languageAttributes(article.language).lang ?? null,
  };
}

/** The newest change among the entries: the feed's own updated time and Last-Modified. */
export function newestChange(entries: readonly FeedEntry[]): Date | null {
  return entries.reduce<Date | null>(
    (newest, entry) => (!newest || entry.updated > newest ? entry.updated : newest),
    null,
  );
}
