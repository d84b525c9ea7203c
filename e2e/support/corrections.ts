import { importArticles, type ListingArticle } from './import';

/**
 * Articles with a correction or a clarification each, at fixed names, for the specs that check
 * every page kind by its address (headers, 404s, axe, Lighthouse, lite, no JavaScript, feeds): 55
 * entries, so /corrections has later pages and its feed an archive (the 5 oldest, and those that
 * imports by other specs push out of the feed). Importing it again changes nothing (the notes keep
 * their dates), so each spec imports it before it starts.
 */
export const CORRECTIONS_SECTION = 'Corrections Desk';
export const CORRECTIONS = { path: '/corrections', later: '/corrections/page/2' } as const;

export const CORRECTION_ARTICLES: ListingArticle[] = Array.from({ length: 55 }, (_, i) => ({
  headline: `Tide gauge reading ${55 - i}`,
  section: CORRECTIONS_SECTION,
  paragraphs: [
    i % 2 === 0
      ? `Correction: An earlier version of reading ${55 - i} gave the wrong height.`
      : `Clarification: Reading ${55 - i} was taken at low tide.`,
    `The tide gauge gave reading ${55 - i}.`,
  ],
}));

export const importCorrectionArticles = () => importArticles(CORRECTION_ARTICLES);
