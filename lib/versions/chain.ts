import { createHash } from 'node:crypto';

/**
 * An article's history as a hash chain (docs/versions.md). Pure. For each version n, oldest first:
 *
 *     seal_n = sha256(salt_n + sha256(markdown_n))
 *     hash_n = sha256(hash_(n-1) + seal_n)          hash_0 = '' (the empty string)
 *
 * each sha256 written as 64 lowercase hex digits and `+` joining text, so that `sha256sum` and
 * `printf` compute it. The seal is published beside the hash: the links check with the seals
 * alone, so after a legal removal erases the salts (with the text) the chain still verifies as a
 * chain, while a guess of the text can no longer be confirmed (its seal needs the salt). While
 * the salt is published, anyone holding a copy of version n's Markdown recomputes seal_n and
 * compares. The brief's `sha256(hash_(n-1) + salt_n + sha256(markdown_n))` binds the same three
 * things, but its links cannot be checked once the salt is gone.
 */

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** What version n's hash covers: its salt and its Markdown copy as served. */
export const versionSeal = (salt: string, markdown: string): string => sha256(salt + sha256(markdown));

/** One link: the hash before (hash_0 is '') and this entry's seal. */
export const chainLink = (previous: string, seal: string): string => sha256(previous + seal);

/** What a legal removal's own entry seals: its time, so that the entry is fixed by the chain too. */
export const removalSeal = (at: string): string => sha256(`legal-removal ${at}`);

export interface ChainEntry {
  n: number;
  kind: 'version' | 'legal-removal';
  /** ISO 8601: when the version was written (the import that stored it), or when the removal was made. */
  at: string;
  /** Published while the text is (a version); erased by a legal removal. */
  salt?: string;
  seal: string;
  hash: string;
}

export interface ChainVersion {
  at: string;
  salt: string;
  markdown: string;
}

/** The chain of an article's versions, oldest first (n = 1 for the first). */
export function chainOf(versions: readonly ChainVersion[]): ChainEntry[] {
  const entries: ChainEntry[] = [];
  let previous = '';
  for (const [index, version] of versions.entries()) {
    const seal = versionSeal(version.salt, version.markdown);
    previous = chainLink(previous, seal);
    entries.push({ n: index + 1, kind: 'version', at: version.at, salt: version.salt, seal, hash: previous });
  }
  return entries;
}

/**
 * What a legal removal keeps of the chain: every entry without its salt, then the removal as an
 * entry of its own, chained to the last version.
 */
export function removedChain(entries: readonly ChainEntry[], at: string): ChainEntry[] {
  const kept = entries.map(({ salt: _salt, ...entry }) => entry);
  const seal = removalSeal(at);
  const previous = kept.at(-1)?.hash ?? '';
  return [...kept, { n: kept.length + 1, kind: 'legal-removal', at, seal, hash: chainLink(previous, seal) }];
}

/**
 * Where the chain breaks: the first entry whose hash does not follow from the one before and its
 * seal, or whose seal its salt and Markdown do not give (when `markdown` holds its copy); -1 when
 * none does.
 */
export function brokenAt(entries: readonly ChainEntry[], markdown: ReadonlyMap<number, string> = new Map()): number {
  let previous = '';
  for (const [index, entry] of entries.entries()) {
    const copy = markdown.get(entry.n);
    if (copy !== undefined && (entry.salt === undefined || versionSeal(entry.salt, copy) !== entry.seal)) return index;
    if (entry.kind === 'legal-removal' && entry.seal !== removalSeal(entry.at)) return index;
    if (chainLink(previous, entry.seal) !== entry.hash) return index;
    previous = entry.hash;
  }
  return -1;
}
