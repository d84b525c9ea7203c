import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir } from './database';

/** The bundled reference document (document-format.md) and what it holds. */
export const REFERENCE_DIR = path.resolve(import.meta.dirname, '../../prisma/seed');
export const REFERENCE_FILE = path.join(REFERENCE_DIR, '000_1ed80d33b717db69.txt');
export const REFERENCE_HEADLINES = [
  'Terrorists Leave Strategically Important Syrian City as Army Regains Control',
  '‘UN’s inactivity is unacceptable’: Lavrov speaks out on Syrian opposition talks',
  'Mass Graves in Aleppo',
] as const;

export function referenceText(): string {
  return fs.readFileSync(REFERENCE_FILE, 'utf8');
}

import type { DocumentArticle } from './listing';

export { listingDocument, uniqueWord, type DocumentArticle } from './listing';

/** `count` articles in one section, for runs that must take a while. */
export function generatedArticles(count: number, section: string): DocumentArticle[] {
  return Array.from({ length: count }, (_, i) => ({
    headline: `${section} report number ${i + 1}`,
    section,
    paragraphs: [
      `The first paragraph of report ${i + 1}, long enough to look like the start of a real article.`,
      `The second paragraph of report ${i + 1}, which closes it.`,
    ],
  }));
}

/** Writes documents (file name → text or bytes) to a fresh folder and returns its path. */
export function writeDocuments(documents: Record<string, string | Uint8Array>): string {
  const dir = makeTempDir('docs');
  for (const [name, content] of Object.entries(documents)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}
