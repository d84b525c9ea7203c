import { importArticles, type ListingArticle } from './import';

/**
 * Articles with bylines and tags, at fixed names, for the specs that check every page kind by
 * its address (headers, 404s, axe, Lighthouse, lite, no JavaScript, SEO): Ada Byline wrote all 25
 * (two listing pages), Ben Second 3 of them with her, all are tagged Harbour Works, and one
 * Tide Tables. Importing it again changes nothing, so each spec imports it before it starts.
 */
export const BYLINE_SECTION = 'Byline Desk';
export const AUTHOR = { name: 'Ada Byline', path: '/authors/ada-byline' } as const;
export const CO_AUTHOR = { name: 'Ben Second', path: '/authors/ben-second' } as const;
export const TAG = { name: 'Harbour Works', path: '/tags/harbour-works' } as const;
export const OTHER_TAG = { name: 'Tide Tables', path: '/tags/tide-tables' } as const;

export const BYLINE_ARTICLES: ListingArticle[] = Array.from({ length: 25 }, (_, i) => ({
  headline: `Harbour works report ${25 - i}`,
  section: BYLINE_SECTION,
  authors: i < 3 ? [AUTHOR.name, CO_AUTHOR.name] : [AUTHOR.name],
  tags: i === 0 ? [TAG.name, OTHER_TAG.name] : [TAG.name],
  paragraphs: [`The harbour works went on, report ${25 - i} says.`, 'A second paragraph of the report.'],
}));

export const importBylineArticles = () => importArticles(BYLINE_ARTICLES);
