import { describe, expect, test } from 'vitest';
import { slugify } from '@/lib/slug';

describe('slugify', () => {
  test('drops an ampersand instead of spelling it out', () => {
    expect(slugify('Science & Tech')).toBe('science-tech');
  });

  test('joins words with a hyphen in lower case', () => {
    expect(slugify('Middle East')).toBe('middle-east');
  });

  test('keeps a curly apostrophe inside a word from splitting it', () => {
    expect(slugify('‘UN’s inactivity is unacceptable’: Lavrov speaks out on Syrian opposition talks')).toBe(
      'uns-inactivity-is-unacceptable-lavrov-speaks-out-on-syrian-opposition-talks',
    );
  });

  test('keeps a straight apostrophe inside a word from splitting it', () => {
    expect(slugify("We're sure it won't rain")).toBe('were-sure-it-wont-rain');
  });

  test('transliterates letters with diacritics to ASCII', () => {
    expect(slugify('Déjà vu in São Paulo')).toBe('deja-vu-in-sao-paulo');
  });

  test('transliterates Cyrillic to ASCII', () => {
    expect(slugify('Москва')).toBe('moskva');
  });

  test('does not split a word at an inner capital', () => {
    expect(slugify('McCain meets iPhone makers')).toBe('mccain-meets-iphone-makers');
  });

  test('collapses runs of punctuation and spaces into one hyphen', () => {
    expect(slugify('  War -- and -- Peace!  ')).toBe('war-and-peace');
  });

  test('is empty for punctuation only', () => {
    expect(slugify('?!… — “”')).toBe('');
  });

  test('is empty for emoji only, including those the library would spell out', () => {
    expect(slugify('🦄 ♥ 🎉')).toBe('');
  });

  test('keeps a slug of exactly the maximum length whole', () => {
    const eighty = `${'a'.repeat(39)} ${'b'.repeat(40)}`;
    expect(slugify(eighty)).toBe(`${'a'.repeat(39)}-${'b'.repeat(40)}`);
  });

  test('cuts a long slug at the last word boundary within 80 characters', () => {
    const slug = slugify('abcdefghi '.repeat(10));
    expect(slug).toBe(Array(8).fill('abcdefghi').join('-'));
    expect(slug).toHaveLength(79);
  });

  test('cuts exactly at the limit when a word ends there', () => {
    expect(slugify('aaaa bbbb cccc', 9)).toBe('aaaa-bbbb');
  });

  test('never cuts in the middle of a word', () => {
    expect(slugify('aaaa bbbb cccc', 11)).toBe('aaaa-bbbb');
  });

  test('honours a custom maximum length', () => {
    expect(slugify('one two three four', 10)).toBe('one-two');
  });

  test('cuts a single word longer than the limit rather than returning nothing', () => {
    expect(slugify('x'.repeat(100))).toBe('x'.repeat(80));
  });
});
