import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importDocuments } from '@/lib/importer/import-documents';
import { ImportFailed } from '@/lib/importer/report';
import { loadRecord } from '@/lib/withdrawal/actions';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';
import { listingDocument, uniqueWord } from './support/documents';

// An import's row in the record of editorial actions (docs/withdrawal.md) is written in the
// document's own transaction: the document is never kept without its row, nor the row without it.

const kinds = await availableDatabaseKinds();
const source = (file: string, text: string) => ({ file, bytes: new TextEncoder().encode(text) });

describe.each(kinds)('the record of an import, on the %s database', (kind) => {
  let db: TestDatabase;
  const word = uniqueWord();
  const document = listingDocument([
    { headline: `Record ${word} first story`, section: `Record ${word}` },
    { headline: `Record ${word} second story`, section: `Record ${word}` },
  ]);
  const stored = async () => {
    const { rows } = await db.pool.query<{ articles: number }>(
      `SELECT count(*)::int AS articles FROM articles WHERE headline LIKE $1`,
      [`Record ${word} %`],
    );
    const { actions } = await loadRecord(db.pool, 100);
    return { articles: rows[0]!.articles, records: actions.filter((action) => action.kind === 'import') };
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
  }, 120_000);
  afterAll(async () => {
    await db?.drop();
  });

  test('a document whose record cannot be written is not committed: neither is kept', async () => {
    // The record's row is refused, as a full disk or a lost connection at that moment would.
    await db.pool.query(`CREATE FUNCTION refuse_record() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the record refuses this row'; END $$`);
    await db.pool.query(
      `CREATE TRIGGER refuse_record BEFORE INSERT ON editorial_actions FOR EACH ROW EXECUTE FUNCTION refuse_record()`,
    );
    try {
      const failed = await importDocuments(db.pool, [source('refused.txt', document)], { timeZone: 'UTC' }).catch(
        (error: unknown) => error,
      );
      expect(failed).toBeInstanceOf(ImportFailed);
      expect(String((failed as Error).message)).toContain('the record refuses this row');
    } finally {
      await db.pool.query(`DROP TRIGGER refuse_record ON editorial_actions; DROP FUNCTION refuse_record()`);
    }
    expect(await stored()).toEqual({ articles: 0, records: [] });
  });

  test('a document that is committed has its record, and so has a re-import that changes nothing', async () => {
    const loaded = await importDocuments(db.pool, [source('loaded.txt', document)], { timeZone: 'UTC' });
    expect(loaded.totals).toMatchObject({ created: 2 });
    const again = await importDocuments(db.pool, [source('again.txt', document)], { timeZone: 'UTC' });
    expect(again.totals).toMatchObject({ created: 0, unchanged: 2 });
    const { articles, records } = await stored();
    expect(articles).toBe(2);
    expect(records.map((record) => record.detail)).toEqual([
      { document: 'again.txt', added: 0, changed: 0, unchanged: 2, withdrawn: 0 },
      { document: 'loaded.txt', added: 2, changed: 0, unchanged: 0, withdrawn: 0 },
    ]);
  });
});
