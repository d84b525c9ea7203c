import { createHash } from 'node:crypto';

/**
 * What a legal removal keeps of an article: sha-256 (hex) of its identity and of each slug it
 * answered at, enough to keep answering 451 there and to keep an import from publishing it
 * again, and nothing that reads back as its text.
 */
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash of an article's identity (its normalised headline) and its date key. */
export const identityHash = (identity: string, dateKey: string): string => sha256(`${identity}\u0000${dateKey}`);

/** The hash of a slug an article answered at (legal_removals.address_hashes). */
export const addressHash = (slug: string): string => sha256(slug);
