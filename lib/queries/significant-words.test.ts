import { describe, expect, test } from 'vitest';
import { sharedWordCount, significantWords } from './significant-words';

describe('significantWords', () => {
  test('keeps the content words of a headline, lower-cased, once each', () => {
    expect(significantWords('Army Regains Control as the army of Syria regains ground')).toEqual([
      'army',
      'regains',
      'control',
      'syria',
      'ground',
    ]);
  });

  test('drops possessives, numbers and short words', () => {
    expect(significantWords('UN’s inactivity: 400 go to Homs')).toEqual(['inactivity', 'homs']);
  });

  test('treats no-break spaces and punctuation as word breaks', () => {
    expect(significantWords('Mass\u00a0Graves—in Aleppo')).toEqual(['mass', 'graves', 'aleppo']);
  });
});

describe('sharedWordCount', () => {
  test('counts the words two texts share, ignoring case', () => {
    expect(sharedWordCount(['syrian', 'talks', 'geneva'], 'Talks on the Syrian constitution')).toBe(2);
  });
});
