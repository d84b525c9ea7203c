import fs from 'node:fs';
import path from 'node:path';
import { normalizeSpace } from './html';

/** The reference document that `npm start` loads into an empty database. */
export const SEED_DOCUMENT = path.resolve('prisma/seed/000_1ed80d33b717db69.txt');

/** The reference document's articles, in its order (newest first), at the URLs its headlines give them. */
export const SEED_ARTICLES = [
  {
    headline: 'Terrorists Leave Strategically Important Syrian City as Army Regains Control',
    path: '/world/terrorists-leave-strategically-important-syrian-city-as-army-regains-control',
  },
  {
    headline: '‘UN’s inactivity is unacceptable’: Lavrov speaks out on Syrian opposition talks',
    path: '/world/uns-inactivity-is-unacceptable-lavrov-speaks-out-on-syrian-opposition-talks',
  },
  {
    headline: 'Mass Graves in Aleppo',
    path: '/world/mass-graves-in-aleppo',
  },
] as const;

const MARKER = /^\s*[•·*-]?\s*Published in\s/u;

/**
 * The text elements (paragraphs and subheadings, headline excluded) of the
 * reference document's article at `index`, white space normalised: what its
 * page must show, in this order.
 */
export function seedArticleElements(index: number): string[] {
  const lines = fs
    .readFileSync(SEED_DOCUMENT, 'utf8')
    .replace(/^\uFEFF/u, '')
    .split(/\r?\n/u);
  const blocks: string[][] = [[]];
  for (const line of lines) {
    if (MARKER.test(line)) blocks.push([]);
    else blocks.at(-1)?.push(line);
  }
  const block = blocks[index];
  if (!block) throw new Error(`${SEED_DOCUMENT} has no article number ${index + 1}`);
  const elements = block
    .join('\n')
    .split(/\n\s*\n/u)
    .map(normalizeSpace)
    .filter((element) => element.length > 0);
  return elements.slice(1);
}
