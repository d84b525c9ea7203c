import { randomBytes } from 'node:crypto';

/** Listing documents for tests: pure, so both Vitest and Playwright specs use it. */

/** A word that makes names unique per test run, so tests never share data. */
export const uniqueWord = () => `Z${randomBytes(4).toString('hex')}`;

export interface DocumentArticle {
  headline: string;
  section: string;
  paragraphs?: string[];
  /** A date line above the headline (docs/document-format.md, "Date line"): an instant is written as ISO 8601. */
  date?: string | Date;
}

/** A listing document: one block per article, each closed by its section marker, newest first. */
export function listingDocument(articles: readonly DocumentArticle[]): string {
  return (
    articles
      .map(
        ({ headline, section, paragraphs = [`${headline}: the first paragraph of the report.`], date }) =>
          `${date === undefined ? '' : `${date instanceof Date ? date.toISOString() : date}\n`}${headline}\n\n${paragraphs.join('\n\n')}\n\n  • Published in ${section}\n`,
      )
      .join('\n') + 'Subscribe to this RSS feed\n'
  );
}
