import type { ChainEntry } from './chain';

/** How each hash is made, in the document itself: a reader of versions.json needs nothing else (docs/versions.md). */
export const CHAIN_SCHEME =
  'sha256, as 64 lowercase hex digits; + joins text. seal = sha256(salt + sha256(markdown copy as served)); ' +
  "hash = sha256(previous entry's hash + seal), the first entry's previous hash being the empty string; " +
  'a legal removal\'s seal = sha256("legal-removal " + at), and a removal keeps no salt.';

const STATUS = { 200: 'published', 410: 'withdrawn', 451: 'removed for legal reasons' } as const;

export interface ChainAddresses {
  article: string;
  /** Version n's page (its Markdown copy is the same with `.md`). */
  version(n: number): string;
}

/** An article's versions.json: its chain, each version's addresses when the article still has them. */
export function chainDocument(
  chain: { status: 200 | 410 | 451; entries: readonly ChainEntry[] },
  addresses: ChainAddresses | null,
) {
  return {
    article: addresses?.article ?? null,
    status: STATUS[chain.status],
    scheme: CHAIN_SCHEME,
    head: chain.entries.at(-1)?.hash ?? '',
    versions: chain.entries.map(({ n, kind, at, salt, seal, hash }) => ({
      n,
      kind,
      at,
      ...(addresses && kind === 'version' && { address: addresses.version(n), markdown: `${addresses.version(n)}.md` }),
      ...(salt !== undefined && { salt }),
      seal,
      hash,
    })),
  };
}

/** The document as sent: indented, one entry's fields a line each, so that it reads in a terminal too. */
export const chainJson = (document: ReturnType<typeof chainDocument>): string =>
  `${JSON.stringify(document, null, 2)}\n`;
