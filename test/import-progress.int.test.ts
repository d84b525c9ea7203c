import { afterAll, beforeAll, expect, test } from 'vitest';
import { readDocuments } from '@/lib/documents/read';
import { importDocuments } from '@/lib/importer/import-documents';
import { createTestDatabase, type TestDatabase } from './support/database';
import { generatedArticles, listingDocument, uniqueWord, writeDocuments } from './support/documents';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('embedded');
});
afterAll(async () => db?.drop());

test('a long document reports progress while it is still being written, then once it is loaded', async () => {
  const dir = writeDocuments({ 'long.txt': listingDocument(generatedArticles(1_200, `Long ${uniqueWord()}`)) });
  const progress: Array<{ documents: number; articles: number }> = [];
  await importDocuments(db.pool, await readDocuments([dir]), {
    onProgress: ({ documents, articles }) => progress.push({ documents, articles }),
  });
  const during = progress.filter((step) => step.documents === 0);
  expect(during.length).toBeGreaterThan(0);
  expect(during.every((step) => step.articles > 0 && step.articles <= 1_200)).toBe(true);
  expect(progress.at(-1)).toEqual({ documents: 1, articles: 1_200 });
});
