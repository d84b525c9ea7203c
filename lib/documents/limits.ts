// Limits on what a listing document may hold. Each is far above anything a real
// listing export reaches (headlines run under 150 characters, section names
// under 30, paragraphs under 5,000; the benchmark's largest document is 100,000
// articles in 200 MB), yet low enough that a hostile or broken file is turned
// away with a problem at its line instead of filling memory, the database or a
// page. Characters are Unicode code points, as an editor counts them.

/** Largest document file the reader opens; checked before the file is read into memory. */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

/** Longest line, line ending excluded: bounds the work done on any one line. */
export const MAX_LINE_CHARS = 100_000;

/** Longest headline: about twice the longest headline a news site shows on one card. */
export const MAX_HEADLINE_CHARS = 300;

/** Longest section name: a section name is a navigation label. */
export const MAX_SECTION_NAME_CHARS = 60;

/** Longest paragraph (or subheading), its lines joined. */
export const MAX_PARAGRAPH_CHARS = 100_000;

/**
 * Most lines in one document: five times the benchmark's 100,000-article document
 * (2.2 million lines). Bounds the memory a document of tiny lines takes.
 */
export const MAX_LINES_PER_DOCUMENT = 10_000_000;

/**
 * Longest article: its headline, body and dateline together (about 30,000 words, ten times a
 * long feature). Bounds what one article costs to store, render, put in a feed and search.
 */
export const MAX_ARTICLE_CHARS = 200_000;

/** Most articles in one document: twice the benchmark's 100,000-article document. */
export const MAX_ARTICLES_PER_DOCUMENT = 200_000;

/** Most problems listed for one document: past this, a file is not worth reading problem by problem. */
export const MAX_PROBLEMS_PER_DOCUMENT = 1_000;

/** Longest `Written by` line that is a byline: a longer one is a paragraph (document-format.md). */
export const MAX_BYLINE_CHARS = 200;

/** Longest author name in a byline: a name is a label on a page and in its address. */
export const MAX_AUTHOR_NAME_CHARS = 80;

/** Most tags on one `Tagged under` line. */
export const MAX_TAGS_PER_ARTICLE = 20;

/** Longest tag: a tag is a label on a card and in its address. */
export const MAX_TAG_CHARS = 60;
