import { describe, expect, test } from 'vitest';
import { checkReasonQuotesNothing, sentencesOf } from './reason';

const article = {
  headline: 'Minister resigns over harbour contracts',
  body: [
    {
      type: 'paragraph' as const,
      text: 'The minister resigned on Monday. “I did nothing wrong,” she said! Was it enough?',
    },
    { type: 'subheading' as const, text: 'What the inquiry found' },
  ],
  notes: [{ kind: 'correction' as const, text: 'Correction: An earlier version named the wrong harbour.' }],
};

describe('sentencesOf', () => {
  test('splits after a full stop, an exclamation or a question mark, a closing quote included', () => {
    expect(sentencesOf(article.body[0]!.text)).toEqual([
      'The minister resigned on Monday.',
      '“I did nothing wrong,” she said!',
      'Was it enough?',
    ]);
  });
});

describe('checkReasonQuotesNothing', () => {
  test.each([
    'Court order 2026/114 (High Court)',
    'A person’s safety: the court asked us to remove it.',
    // A short sentence ("Was it enough?") may be the editor's own words.
    'Was it enough? No: the order is clear.',
  ])('takes a reason in the editor’s own words: %s', (reason) => {
    expect(() => checkReasonQuotesNothing(reason, [article])).not.toThrow();
  });

  test.each([
    ['the headline, in another case', 'MINISTER RESIGNS OVER HARBOUR CONTRACTS', 'headline'],
    ['the headline inside the reason', 'Order about "Minister resigns over harbour contracts".', 'headline'],
    ['a sentence of the body, punctuated otherwise', 'Court order: the minister resigned on monday', 'sentence'],
    ['a subheading', 'Removed: what the inquiry found, per the order', 'sentence'],
    ['a note', 'Order: an earlier version named the wrong harbour', 'sentence'],
  ])('refuses a reason that quotes %s', (_what, reason, kind) => {
    expect(() => checkReasonQuotesNothing(reason, [article])).toThrow(
      `the reason quotes ${kind === 'headline' ? 'the headline' : 'a sentence'}`,
    );
  });

  test('an earlier version counts too', () => {
    const earlier = { headline: 'Minister to resign over contracts', body: [] };
    expect(() => checkReasonQuotesNothing('Minister to resign over contracts', [article, earlier])).toThrow(
      'the reason quotes the headline',
    );
  });
});
