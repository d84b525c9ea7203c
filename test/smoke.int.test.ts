import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importDocuments } from '@/lib/importer/import-documents';
import { readDocuments } from '@/lib/documents/read';
import { loadFrontPage } from '@/lib/queries/loaders';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';

const kinds = await availableDatabaseKinds();

describe.each(kinds)('the reference document on the %s database', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => db?.drop());

  test('the front page leads with the first article of the document', async () => {
    await importDocuments(db.prisma, await readDocuments(['prisma/seed']));
    const front = await loadFrontPage(db.prisma);
    expect(front.lead?.headline).toBe('Terrorists Leave Strategically Important Syrian City as Army Regains Control');
  });
});
