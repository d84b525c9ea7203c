import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { brokenAt, chainLink, chainOf, removalSeal, removedChain, sha256, versionSeal } from './chain';

const hex = (text: string) => createHash('sha256').update(text).digest('hex');
const SALT_1 = 'a'.repeat(64);
const SALT_2 = 'b'.repeat(64);
const V1 = '# Harbour bridge opens\n\nThe bridge opened on Monday.\n';
const V2 = '# Harbour bridge opens\n\nThe bridge opened on Tuesday.\n';

describe('the chain of an article’s versions', () => {
  test('each hash is sha256 of the hash before and the seal, each seal sha256 of the salt and the copy’s sha256, as hex text', () => {
    const [first, second] = chainOf([
      { at: '2026-11-25T08:00:00.000Z', salt: SALT_1, markdown: V1 },
      { at: '2026-11-25T09:30:00.000Z', salt: SALT_2, markdown: V2 },
    ]);
    const seal1 = hex(SALT_1 + hex(V1));
    const seal2 = hex(SALT_2 + hex(V2));
    expect(first).toEqual({
      n: 1,
      kind: 'version',
      at: '2026-11-25T08:00:00.000Z',
      salt: SALT_1,
      seal: seal1,
      hash: hex(seal1),
    });
    expect(second).toEqual({
      n: 2,
      kind: 'version',
      at: '2026-11-25T09:30:00.000Z',
      salt: SALT_2,
      seal: seal2,
      hash: hex(hex(seal1) + seal2),
    });
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  test('a copy that differs by one character has another seal; the copy as served has its own', () => {
    const chain = chainOf([{ at: '2026-11-25T08:00:00.000Z', salt: SALT_1, markdown: V1 }]);
    expect(brokenAt(chain, new Map([[1, V1]]))).toBe(-1);
    expect(brokenAt(chain, new Map([[1, V1.replace('Monday', 'Monday ')]]))).toBe(0);
    expect(versionSeal(SALT_1, V1)).not.toBe(versionSeal(SALT_2, V1));
  });

  test('a changed entry anywhere breaks the chain from there: an edited seal, a rewritten hash', () => {
    const chain = chainOf([
      { at: '2026-11-25T08:00:00.000Z', salt: SALT_1, markdown: V1 },
      { at: '2026-11-25T09:30:00.000Z', salt: SALT_2, markdown: V2 },
    ]);
    expect(brokenAt(chain)).toBe(-1);
    const forged = chain.map((entry) => ({ ...entry }));
    forged[0]!.seal = versionSeal(SALT_1, V2);
    expect(brokenAt(forged)).toBe(0);
    // Rewriting the first entry's hash to match its new seal breaks the second's link.
    forged[0]!.hash = chainLink('', forged[0]!.seal);
    expect(brokenAt(forged)).toBe(1);
  });

  test('after a legal removal the chain verifies without salts, and its own entry closes it; a right guess cannot be confirmed', () => {
    const chain = chainOf([
      { at: '2026-11-25T08:00:00.000Z', salt: SALT_1, markdown: V1 },
      { at: '2026-11-25T09:30:00.000Z', salt: SALT_2, markdown: V2 },
    ]);
    const removed = removedChain(chain, '2026-12-01T10:00:00.000Z');
    expect(removed).toHaveLength(3);
    expect(removed.every((entry) => entry.salt === undefined)).toBe(true);
    expect(removed.slice(0, 2).map((entry) => entry.hash)).toEqual(chain.map((entry) => entry.hash));
    expect(removed[2]).toEqual({
      n: 3,
      kind: 'legal-removal',
      at: '2026-12-01T10:00:00.000Z',
      seal: removalSeal('2026-12-01T10:00:00.000Z'),
      hash: chainLink(chain[1]!.hash, removalSeal('2026-12-01T10:00:00.000Z')),
    });
    expect(brokenAt(removed)).toBe(-1);
    // The exact text, guessed right, checks against nothing: the salt is gone.
    expect(brokenAt(removed, new Map([[1, V1]]))).toBe(0);
    // The removal's time is sealed too.
    expect(brokenAt(removed.map((entry, i) => (i === 2 ? { ...entry, at: '2026-12-02T10:00:00.000Z' } : entry)))).toBe(
      2,
    );
  });

  test('an article removed with no version kept still has the removal as its chain', () => {
    const [only] = removedChain([], '2026-12-01T10:00:00.000Z');
    expect(only?.hash).toBe(hex(removalSeal('2026-12-01T10:00:00.000Z')));
  });
});
