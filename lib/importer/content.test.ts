import { describe, expect, test } from 'vitest';
import type { ArticleDraft } from '@/lib/documents/types';
import { countWords } from './content';

const draft = (...texts: string[]) => ({ body: texts.map((text) => ({ type: 'paragraph', text })) }) as ArticleDraft;

describe('countWords', () => {
  test('counts what splitting on white space would, in every paragraph', () => {
    expect(countWords(draft('The minister said talks would resume.', '  Two   words  '))).toBe(8);
    expect(countWords(draft('', ' \t\n '))).toBe(0);
  });

  test('treats every kind of white space JavaScript knows as a gap, and nothing else', () => {
    const spaces = [
      ' ',
      '\t',
      '\n',
      '\v',
      '\f',
      '\r',
      '\u00a0',
      '\u1680',
      '\u2003',
      '\u2028',
      '\u2029',
      '\u202f',
      '\u205f',
      '\u3000',
      '\ufeff',
    ];
    for (const space of spaces) expect(countWords(draft(`one${space}two`)), JSON.stringify(space)).toBe(2);
    expect(countWords(draft('Zürich—Vardø’s ‘quote’ 5%'))).toBe(3);
  });

  test('agrees with split on random text', () => {
    const alphabet = ['a', 'b', ' ', '\n', '\u00a0', '\u2009', '—', '’', '\u200b', 'é'];
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: 40 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(countWords(draft(text)), JSON.stringify(text)).toBe(text.split(/\s+/u).filter(Boolean).length);
    }
  });
});
