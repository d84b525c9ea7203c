import { describe, expect, test } from 'vitest';
import { formatList, formatRecord } from './format';
import { addressHash, identityHash } from './hashes';

const at = new Date('2026-12-03T14:05:00Z');

describe('formatList', () => {
  test('lists withdrawn articles with their address, headline, time and reason, and legal removals without a headline', () => {
    const text = formatList(
      {
        withdrawn: [{ address: '/world/x', headline: 'X happened', withdrawnAt: at, reason: 'Wrong figures.' }],
        removals: [{ removedAt: at, reason: 'Court order 7' }],
      },
      'Europe/London',
    );
    expect(text.split('\n')).toEqual([
      'Withdrawn (1):',
      '  /world/x  "X happened"',
      '    withdrawn 2026-12-03 14:05 (Europe/London): Wrong figures.',
      'Legal removals in force (1):',
      '  2026-12-03 14:05 (Europe/London): Court order 7',
    ]);
  });

  test('says when there is none', () => {
    expect(formatList({ withdrawn: [], removals: [] }, 'UTC')).toBe(
      'No article is withdrawn.\nNo legal removal is in force.',
    );
  });
});

describe('formatRecord', () => {
  test('shows each action newest first, a legal removal by its number, and how many more there are', () => {
    const text = formatRecord(
      {
        total: 4,
        actions: [
          {
            at,
            kind: 'legal-removal',
            address: null,
            legalRemovalId: 3,
            reason: 'Court order 7',
            detail: { escalated: true },
          },
          { at, kind: 'withdraw', address: null, legalRemovalId: 3, reason: 'Under review', detail: {} },
          {
            at,
            kind: 'import',
            address: null,
            legalRemovalId: null,
            reason: null,
            detail: { document: 'a.txt', added: 2, changed: 1, unchanged: 5, withdrawn: 1 },
          },
        ],
      },
      'UTC',
    );
    expect(text.split('\n')).toEqual([
      'Editorial actions, newest first (times in UTC):',
      '2026-12-03 14:05  legal removal #3 (was withdrawn): Court order 7',
      '2026-12-03 14:05  withdraw (legal removal #3): Under review',
      '2026-12-03 14:05  import  a.txt: 2 added, 1 changed, 5 unchanged, 1 withdrawn (not republished)',
      '… and 1 older (--limit N to see more)',
    ]);
  });
});

describe('hashes', () => {
  test('are sha-256 hex: of the slug, and of the identity and day joined by U+0000', () => {
    // The standard's own test vector (FIPS 180-2): sha-256("abc").
    expect(addressHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(identityHash('ab', 'c')).toMatch(/^[0-9a-f]{64}$/u);
    // The separator keeps an identity and a day apart: "ab" + "c" is not "a" + "bc", nor "abc" undated.
    expect(identityHash('ab', 'c')).not.toBe(identityHash('a', 'bc'));
    expect(identityHash('abc', '')).not.toBe(addressHash('abc'));
  });
});
