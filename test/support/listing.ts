import { randomBytes } from 'node:crypto';

/** Listing documents for tests: pure, so both Vitest and Playwright specs use it. */

/** A word that makes names unique per test run, so tests never share data. */
export const uniqueWord = () => `Z${randomBytes(4).toString('hex')}`;

export interface DocumentArticle {
  headline: string;
  section: string;
  paragraphs?: string[];
  /** Its byline (`Written by …`, the first element), when it has one. */
  authors?: string[];
  /** Its tags (`Tagged under …`, right after the marker), when it has some. */
  tags?: string[];
  /** Its date line (above the headline), when it has one: `2026-12-03 10:00`, say. */
  date?: string;
}

/** A listing document: one block per article, each closed by its section marker, newest first. */
export function listingDocument(articles: readonly DocumentArticle[]): string {
  return (
    articles
      .map(
        ({
          headline,
          section,
          paragraphs = [`${headline}: the first paragraph of the report.`],
          authors,
          tags,
          date,
        }) => {
          const byline = authors?.length ? `Written by ${authors.join(' and ')}\n\n` : '';
          const tagged = tags?.length ? `Tagged under ${tags.join(', ')}\n` : '';
          return `${date ? `${date}\n` : ''}${headline}\n\n${byline}${paragraphs.join('\n\n')}\n\n  • Published in ${section}\n${tagged}`;
        },
      )
      .join('\n') + 'Subscribe to this RSS feed\n'
  );
}
