import { eng, removeStopwords } from 'stopword';

const MIN_LENGTH = 3;
// Letters and digits, with inner apostrophes ("UN’s", "don't") kept inside one word.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/**
 * The words of a text that say what it is about: lower-cased, possessives dropped,
 * without English stop words, numbers or words too short to tell articles apart.
 */
export function significantWords(text: string): string[] {
  const words = (text.toLowerCase().match(WORD) ?? []).map((word) => word.replace(/['’]s$/u, ''));
  const kept = removeStopwords(words, eng).filter((word) => word.length >= MIN_LENGTH && !/^\p{N}+$/u.test(word));
  return [...new Set(kept)];
}

/** How many of `words` also occur in `text`. */
export function sharedWordCount(words: readonly string[], text: string): number {
  const other = new Set(significantWords(text));
  return words.filter((word) => other.has(word)).length;
}
