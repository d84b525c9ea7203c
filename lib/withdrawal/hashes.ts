import { createHash } from 'node:crypto';

/**
 * What a legal removal keeps of an article (legal_removals): sha-256 (hex) of its identity on its
 * day, so that an import does not publish it again, and of each slug it answered at, so that
 * those addresses keep answering 451. Neither can be read back into the text.
 */
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash of an article's identity (`articles.identity`) on its day (`date_key`, '' undated). */
export function identityHash(identity: string, dateKey: string): string {
  return sha256(`${identity}\u0000${dateKey}`);
}

/** The hash of a slug an article answered at. */
export function addressHash(slug: string): string {
  return sha256(slug);
}
